-- Test-only tables for fi.voimala.platform.paging and fi.voimala.platform.persistence: a list to page through,
-- and one constraint of each kind that StoreErrors maps (unique, check, foreign key, exclusion).
create table test_list_item (
    id        uuid primary key,
    list_name text not null,
    name      text not null
);

create table test_parent (
    id      uuid primary key,
    version bigint not null,
    name    text   not null,
    code    text   not null,
    constraint test_parent_name_unique unique (name),
    constraint test_parent_code_unique unique (code)
);

create table test_child (
    id        uuid primary key,
    parent_id uuid    not null,
    amount    integer not null,
    size      integer not null,
    constraint test_child_parent_fk foreign key (parent_id) references test_parent (id),
    constraint test_child_amount_positive check (amount > 0),
    constraint test_child_size_small check (size < 10)
);

-- Two slots may not overlap (an exclusion constraint on a range; no extension needed for range types).
create table test_slot (
    id       uuid primary key,
    start_at integer not null,
    end_at   integer not null,
    constraint test_slot_no_overlap exclude using gist (int4range(start_at, end_at) with &&)
);
