-- The partner network register. Each rule the API checks is also a constraint here, so that two concurrent
-- requests cannot break it between the check and the insert.

create table organisation (
    id             uuid primary key,
    version        bigint      not null,
    name           text        not null,
    business_id    text        not null,
    sectors        varchar[]   not null,
    member_since   date        not null,
    member_until   date,
    leave_reason   text,
    keycloak_alias text        not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    constraint organisation_business_id_unique unique (business_id),
    constraint organisation_keycloak_alias_unique unique (keycloak_alias)
);
create index organisation_name_idx on organisation (lower(name));

create table professional (
    id               uuid primary key,
    version          bigint      not null,
    organisation_id  uuid        not null references organisation (id),
    first_name       text        not null,
    last_name        text        not null,
    email            text        not null,
    phone            text,
    field            text        not null,
    profession       text        not null,
    methods          varchar[]   not null default '{}',
    languages        varchar[]   not null default '{}',
    keycloak_user_id text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    constraint professional_keycloak_user_id_unique unique (keycloak_user_id)
);
create unique index professional_email_unique on professional (lower(email));
create index professional_organisation_idx on professional (organisation_id);
create index professional_name_idx on professional (lower(last_name), lower(first_name));

create table pair (
    id                   uuid primary key,
    version              bigint      not null,
    arts_professional_id uuid        not null references professional (id),
    care_professional_id uuid        not null references professional (id),
    formed_on            date        not null,
    dissolved_on         date,
    dissolve_reason      text,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    constraint pair_of_two_people check (arts_professional_id <> care_professional_id)
);
-- The same two people form at most one active pair.
create unique index pair_active_unique on pair (arts_professional_id, care_professional_id) where dissolved_on is null;

create table site (
    id              uuid primary key,
    version         bigint      not null,
    organisation_id uuid        not null references organisation (id),
    name            text        not null,
    type            text        not null,
    street          text,
    postal_code     text,
    city            text,
    hospital_name   text,
    ward_code       text,
    closed_on       date,
    close_reason    text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    constraint site_ward_has_code check ((type = 'HOSPITAL_WARD') = (ward_code is not null and hospital_name is not null))
);
-- The hospital feed names wards by code: unique within one hospital among the wards in use.
create unique index site_ward_code_unique on site (organisation_id, lower(hospital_name), lower(ward_code))
    where ward_code is not null and closed_on is null;
create index site_organisation_idx on site (organisation_id);

create table agreement (
    id              uuid primary key,
    version         bigint      not null,
    organisation_id uuid        not null references organisation (id),
    type            text        not null,
    title           text        not null,
    signed_on       date,
    valid_from      date        not null,
    valid_until     date,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    constraint agreement_validity_order check (valid_until is null or valid_until >= valid_from)
);
create index agreement_organisation_idx on agreement (organisation_id);
