// The network: the partner register (partners-service) for the coordinator (all of it) and an org-admin (their
// organisation's part). Organisations, professionals, pairs and sites, a tab each: a table with the API's paging, its
// filters as a form, a row's details on a click; and registering a professional (POST /api/professionals) with the
// API's errors beside each field.
import { t, has, LANGUAGE_CHANGED, formatDate, formatNumber } from './i18n.js';
import { get, post, withQuery, describeError, showViolations, clearViolations, ApiError, pageErrors } from './api.js';
import { startShell, hasAnyRole, NETWORK_ROLES, element } from './shell.js';
import { fillTable, pager } from './figures.js';

// Each section's failures: its error box, or the page's sign-in message for a user found signed out.
const { sectionError } = pageErrors(() => showSignedOut());

// partners-service's enumerations, in the order the API declares them.
const SECTORS = ['ARTS_AND_CULTURE', 'SOCIAL_AND_HEALTH', 'EDUCATION', 'RESEARCH', 'TECHNOLOGY', 'THIRD_SECTOR',
  'MUNICIPALITY'];
const FIELDS = ['ARTS_AND_CULTURE', 'SOCIAL_AND_HEALTH', 'EDUCATION'];
/** Each profession with its field (Profession.java). */
const PROFESSIONS = {
  MUSIC_PEDAGOGUE: 'ARTS_AND_CULTURE', MUSICIAN: 'ARTS_AND_CULTURE', DANCER: 'ARTS_AND_CULTURE',
  DANCE_PEDAGOGUE: 'ARTS_AND_CULTURE', VISUAL_ARTIST: 'ARTS_AND_CULTURE', THEATRE_ARTIST: 'ARTS_AND_CULTURE',
  CULTURAL_INSTRUCTOR: 'ARTS_AND_CULTURE', NURSE: 'SOCIAL_AND_HEALTH', PRACTICAL_NURSE: 'SOCIAL_AND_HEALTH',
  PHYSIOTHERAPIST: 'SOCIAL_AND_HEALTH', OCCUPATIONAL_THERAPIST: 'SOCIAL_AND_HEALTH',
  SOCIAL_INSTRUCTOR: 'SOCIAL_AND_HEALTH', GERONOMIST: 'SOCIAL_AND_HEALTH', SOCIAL_WORKER: 'SOCIAL_AND_HEALTH',
  TEACHER: 'EDUCATION', LECTURER: 'EDUCATION',
};
const METHODS = ['SINGING', 'INSTRUMENTAL_MUSIC', 'MUSIC_LISTENING', 'RHYTHM', 'MOVEMENT', 'DANCE', 'PAINTING', 'DRAWING',
  'CRAFTS', 'PHOTOGRAPHY', 'STORYTELLING', 'DRAMA', 'POETRY', 'REMINISCENCE'];
const SITE_TYPES = ['SENIOR_HOUSE', 'SERVICE_HOUSING_UNIT', 'DAY_CENTRE', 'RESPITE_CARE_UNIT', 'HOME_CARE_MEETING_ROOM',
  'HOSPITAL_WARD'];
const PAGE_SIZE = 20;
/** The page sizes offered (the API takes 1–100). */
const PAGE_SIZES = ['10', '20', '50', '100'];
/** The API's largest page; the organisations and people the page names are read page by page, up to MAX_PAGES. */
const ALL_SIZE = 100;
const MAX_PAGES = 20;

const $ = (id) => document.getElementById(id);

/** Every item of a paged list. */
async function getAll(path, params = {}) {
  const items = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await get(withQuery(path, { ...params, page, size: ALL_SIZE }));
    items.push(...answer.items);
    if (page + 1 >= answer.totalPages) break;
  }
  return items;
}

// --- Labels ---

const word = (prefix, value) => (value == null ? '–' : has(`${prefix}.${value}`) ? t(`${prefix}.${value}`) : value);
const date = (value) => (value ? formatDate(value) : '–');
const orNone = (value) => (value === null || value === undefined || value === '' ? '–' : value);

const state = {
  organisations: new Map(), // id -> OrganisationView (those the role may list)
  people: new Map(), // id -> ProfessionalView, or null when the role may not read that person
  tab: 'organisations',
  registered: null, // the last ProfessionalView this page registered
};

const organisationName = (id) => state.organisations.get(id)?.name ?? t('network.other-organisation');
const personName = (person) => `${person.firstName} ${person.lastName}`;
const personById = (id) => {
  const person = state.people.get(id);
  return person ? personName(person) : person === null ? t('network.other-person') : t('common.loading');
};
/** The organisations of a pair's two people, once when both are of the same. */
const organisationsOf = (pair) => [...new Set([pair.artsProfessionalId, pair.careProfessionalId].map((id) => {
  const person = state.people.get(id);
  return person ? organisationName(person.organisationId) : t('network.other-organisation');
}))].join(' & ');
const address = (site) => [site.street, [site.postalCode, site.city].filter(Boolean).join(' ')].filter(Boolean)
  .join(', ');
const sectorsOf = (organisation) => organisation.sectors.map((s) => word('sector', s)).join(', ');
const mailLink = (email) => element('a', { href: `mailto:${email}`, textContent: email });

/** A fact of the details: a label key and a value (text, or an element such as a link). */
const fact = (key, value) => [key, value];

/**
 * The four lists: the path, the filters of their forms (named as the API's query parameters), a table row and the
 * details of an item, and what an item's details offer to show next.
 */
const LISTS = {
  organisations: {
    path: '/api/organisations',
    filters: {
      sector: ['', ...SECTORS], member: ['', 'true', 'false'],
      sort: ['name', '-name', 'memberSince', '-memberSince', 'businessId'], size: PAGE_SIZES,
    },
    labels: {
      sector: (v) => (v ? word('sector', v) : t('network.filter.all')),
      member: (v) => t(`network.member.${v || 'all'}`),
    },
    name: (o) => o.name,
    row: (o) => [o.businessId, sectorsOf(o), date(o.memberSince), word('network.status', o.status)],
    facts: (o) => [
      fact('network.col.business-id', o.businessId), fact('network.col.sectors', sectorsOf(o)),
      fact('network.col.member-since', date(o.memberSince)), fact('network.col.member-until', date(o.memberUntil)),
      fact('network.col.leave-reason', orNone(o.leaveReason)),
      fact('network.col.status', word('network.status', o.status)), fact('network.col.alias', o.keycloakAlias),
    ],
    actions: (o) => [['network.show.professionals', 'professionals', { organisationId: o.id }],
      ['network.show.sites', 'sites', { organisationId: o.id }]],
  },
  professionals: {
    path: '/api/professionals',
    filters: {
      organisationId: null, field: ['', ...FIELDS], profession: ['', ...Object.keys(PROFESSIONS)],
      sort: ['lastName', '-lastName', 'firstName', 'profession', 'field'], size: PAGE_SIZES,
    },
    labels: {
      field: (v) => (v ? word('field', v) : t('network.filter.all')),
      profession: (v) => (v ? word('profession', v) : t('network.filter.all')),
    },
    name: (p) => `${p.lastName}, ${p.firstName}`,
    row: (p) => [organisationName(p.organisationId), word('field', p.field), word('profession', p.profession),
      { content: mailLink(p.email) }],
    facts: (p) => [
      fact('network.col.organisation', organisationName(p.organisationId)),
      fact('network.col.email', mailLink(p.email)), fact('network.col.phone', orNone(p.phone)),
      fact('network.col.field', word('field', p.field)), fact('network.col.profession', word('profession', p.profession)),
      fact('network.col.methods', p.methods.length ? p.methods.map((m) => word('method', m)).join(', ') : '–'),
      fact('network.col.languages', p.languages.length ? p.languages.join(', ') : '–'),
      fact('network.col.login', t(p.keycloakUserId ? 'network.login.linked' : 'network.login.none')),
    ],
    actions: (p) => [['network.show.pairs', 'pairs', { professionalId: p.id }]],
  },
  pairs: {
    path: '/api/pairs',
    filters: {
      professionalId: null, active: ['', 'true', 'false'],
      sort: ['-formedOn', 'formedOn', '-dissolvedOn', 'dissolvedOn'], size: PAGE_SIZES,
    },
    labels: { active: (v) => t(`network.active.${v || 'all'}`) },
    name: (p) => `${personById(p.artsProfessionalId)} & ${personById(p.careProfessionalId)}`,
    row: (p) => [organisationsOf(p), date(p.formedOn), date(p.dissolvedOn), word('network.status', p.status)],
    facts: (p) => [
      fact('network.col.arts', personById(p.artsProfessionalId)),
      fact('network.col.care', personById(p.careProfessionalId)), fact('network.col.organisations', organisationsOf(p)),
      fact('network.col.formed', date(p.formedOn)), fact('network.col.dissolved', date(p.dissolvedOn)),
      fact('network.col.dissolve-reason', orNone(p.dissolveReason)),
      fact('network.col.status', word('network.status', p.status)),
    ],
    actions: () => [],
  },
  sites: {
    path: '/api/sites',
    filters: {
      organisationId: null, type: ['', ...SITE_TYPES], open: ['', 'true', 'false'],
      sort: ['name', '-name', 'type', 'city'], size: PAGE_SIZES,
    },
    labels: {
      type: (v) => (v ? word('site-type', v) : t('network.filter.all')),
      open: (v) => t(`network.open.${v || 'all'}`),
    },
    name: (s) => s.name,
    row: (s) => [organisationName(s.organisationId), word('site-type', s.type), orNone(address(s)),
      word('network.status', s.status)],
    facts: (s) => [
      fact('network.col.organisation', organisationName(s.organisationId)),
      fact('network.col.type', word('site-type', s.type)), fact('network.col.address', orNone(address(s))),
      fact('network.col.hospital', orNone(s.hospitalName)), fact('network.col.ward-code', orNone(s.wardCode)),
      fact('network.col.closed-on', date(s.closedOn)), fact('network.col.close-reason', orNone(s.closeReason)),
      fact('network.col.status', word('network.status', s.status)),
    ],
    actions: () => [],
  },
};
const TABS = Object.keys(LISTS);

/** Per list: the answer shown, the filters it was asked with, the item whose details are open, its pager. */
const lists = Object.fromEntries(TABS.map((name) => [name,
  { answer: null, params: {}, open: null, pager: null, loaded: false }]));

let me = null;

// --- Messages ---

function showMessage(text, alert = false) {
  const message = $('network-message');
  message.setAttribute('role', alert ? 'alert' : 'status');
  message.removeAttribute('data-i18n');
  message.replaceChildren(text);
  message.hidden = false;
}

function showSignedOut() {
  showMessage(t('network.signed-out'), true);
  $('network-message').append(' ',
    element('a', { id: 'network-sign-in', href: '/login', textContent: t('shell.sign-in') }));
  $('network-page').hidden = true;
}

// --- Tabs (WAI-ARIA tabs: arrow keys, Home and End move between them; the chosen one is in the address) ---

function selectTab(name, { focus = false } = {}) {
  state.tab = name;
  for (const tab of TABS) {
    const button = $(`tab-${tab}`);
    const chosen = tab === name;
    button.setAttribute('aria-selected', String(chosen));
    button.tabIndex = chosen ? 0 : -1;
    $(`panel-${tab}`).hidden = !chosen;
  }
  if (focus) $(`tab-${name}`).focus();
  if (window.location.hash !== `#${name}`) window.history.replaceState(null, '', `#${name}`);
  if (!lists[name].loaded) load(name, 0);
}

function onTabKey(event) {
  const index = TABS.indexOf(state.tab);
  const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  selectTab(TABS[(next + TABS.length) % TABS.length], { focus: true });
}

// --- Filters ---

/** The options of a list's filter selects; organisations and people come from what the role may read. */
function fillFilters(name) {
  const form = $(`${name}-filters`);
  const list = LISTS[name];
  for (const [param, values] of Object.entries(list.filters)) {
    const select = form.elements[param];
    const chosen = select.value;
    let options;
    if (param === 'organisationId') {
      options = [['', t('network.filter.all')], ...[...state.organisations.values()].map((o) => [o.id, o.name])];
    } else if (param === 'professionalId') {
      const people = [...state.people.values()].filter(Boolean)
        .sort((a, b) => a.lastName.localeCompare(b.lastName, 'fi') || a.firstName.localeCompare(b.firstName, 'fi'));
      options = [['', t('network.filter.all')], ...people.map((p) => [p.id, `${p.lastName}, ${p.firstName}`])];
    } else if (param === 'size') {
      options = PAGE_SIZES.map((v) => [v, formatNumber(Number(v))]);
    } else if (param === 'sort') {
      options = values.map((v) => [v, t(`network.sort.${v}`)]);
    } else {
      options = values.map((v) => [v, list.labels[param](v)]);
    }
    const extra = chosen && !options.some(([value]) => value === chosen)
      ? [...select.options].find((o) => o.value === chosen) : null;
    select.replaceChildren(...options.map(([value, text]) => element('option', { value, textContent: text })));
    if (extra) select.append(extra); // one shown from another tab that the role does not list: kept
    const fallback = param === 'size' ? String(PAGE_SIZE) : select.options[0]?.value ?? '';
    select.value = chosen && [...select.options].some((o) => o.value === chosen) ? chosen : fallback;
  }
}

function formParams(name) {
  const form = $(`${name}-filters`);
  const params = {};
  for (const control of form.elements) if (control.name) params[control.name] = control.value.trim();
  return params;
}

// --- A list: GET with the filters and the page; a row's details on a click ---

const rounds = Object.fromEntries(TABS.map((name) => [name, 0]));

/** submitted: the user asked (the filter form); only then are its problems shown beside the fields and focused. */
async function load(name, page, { submitted = false, params = lists[name].params } = {}) {
  const list = lists[name];
  const round = ++rounds[name];
  list.loaded = true;
  const form = $(`${name}-filters`);
  const table = $(`${name}-table`);
  table.setAttribute('aria-busy', 'true');
  try {
    const answer = await get(withQuery(LISTS[name].path, { size: PAGE_SIZE, ...params, page }));
    if (round !== rounds[name]) return; // a newer request has started; its answer wins
    // Past the last page (the list shrank meanwhile): the last page instead.
    if (answer.page > 0 && answer.page >= answer.totalPages) {
      load(name, Math.max(0, answer.totalPages - 1), { params });
      return;
    }
    list.answer = answer;
    list.params = params;
    clearViolations(form);
    sectionError(`${name}-error`, null);
    if (name === 'pairs') await namePeople(answer.items);
    if (round !== rounds[name]) return;
    drawList(name);
  } catch (failure) {
    if (round !== rounds[name]) return;
    if (failure instanceof ApiError && failure.status === 422 && failure.violations.some((v) => v.field)) {
      sectionError(`${name}-error`, null);
      if (submitted) showViolations(form, failure);
    } else {
      sectionError(`${name}-error`, failure);
    }
  } finally {
    if (round === rounds[name]) table.removeAttribute('aria-busy');
  }
}

/** The pairs' people the page does not know yet, each read once; one the role may not read is named as such. */
async function namePeople(pairs) {
  const unknown = [...new Set(pairs.flatMap((p) => [p.artsProfessionalId, p.careProfessionalId]))]
    .filter((id) => !state.people.has(id));
  await Promise.all(unknown.map((id) => get(`/api/professionals/${encodeURIComponent(id)}`)
    .then((person) => state.people.set(id, person), () => state.people.set(id, null))));
}

function drawList(name) {
  const list = lists[name];
  const answer = list.answer;
  if (!answer) return;
  const spec = LISTS[name];
  const table = $(`${name}-table`);
  const columns = table.tHead.rows[0].cells.length;
  if (!answer.items.length) {
    fillTable(table, [[{ text: t('network.none'), colspan: columns, className: 'no-data' }]]);
  } else {
    fillTable(table, answer.items.map((item) => [{ content: rowButton(name, item) }, ...spec.row(item)]));
    [...table.tBodies[0].rows].forEach((tr, i) => {
      tr.dataset.id = answer.items[i].id;
      tr.classList.add('clickable');
      if (answer.items[i].id === list.open?.id) tr.classList.add('selected');
    });
  }
  const total = t('network.total', { total: formatNumber(answer.totalItems) });
  $(`${name}-caption`).textContent = `${t(`network.${name}.caption`)} (${total})`;
  list.pager(answer);
}

/** The row's name as a button that opens its details: the row is clickable, and this is its keyboard way. */
function rowButton(name, item) {
  const button = element('button',
    { type: 'button', className: 'link-button row-open', textContent: LISTS[name].name(item) });
  button.setAttribute('aria-controls', `${name}-details`);
  button.setAttribute('aria-expanded', String(lists[name].open?.id === item.id));
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    openDetails(name, item);
  });
  return button;
}

function onRowClick(name, event) {
  if (event.target.closest('a, button, input, select')) return; // a link in the row does its own thing
  const tr = event.target.closest('tr[data-id]');
  const item = tr && lists[name].answer?.items.find((i) => i.id === tr.dataset.id);
  if (item) openDetails(name, item);
}

function openDetails(name, item, { focus = true } = {}) {
  lists[name].open = item;
  drawDetails(name);
  for (const tr of $(`${name}-table`).tBodies[0].rows) {
    const chosen = tr.dataset.id === item.id;
    tr.classList.toggle('selected', chosen);
    tr.querySelector('.row-open')?.setAttribute('aria-expanded', String(chosen));
  }
  if (focus) {
    const box = $(`${name}-details`);
    box.scrollIntoView({ block: 'nearest' });
    box.focus();
  }
}

function drawDetails(name) {
  const item = lists[name].open;
  const box = $(`${name}-details`);
  box.hidden = !item;
  if (!item) return;
  const spec = LISTS[name];
  box.querySelector('h3').textContent = spec.name(item);
  box.querySelector('dl').replaceChildren(...spec.facts(item).map(([key, value]) => element('div', {},
    element('dt', { textContent: t(key) }), element('dd', {}, value))));
  const actions = spec.actions(item).map(([key, tab, filter]) => {
    const button = element('button', { type: 'button', className: 'button secondary', textContent: t(key) });
    button.addEventListener('click', () => showFiltered(tab, filter));
    return button;
  });
  const close = element('button',
    { type: 'button', className: 'button secondary details-close', textContent: t('network.details.close') });
  close.addEventListener('click', () => closeDetails(name));
  box.querySelector('.form-actions').replaceChildren(...actions, close);
}

function closeDetails(name) {
  const id = lists[name].open?.id;
  lists[name].open = null;
  drawDetails(name);
  for (const tr of $(`${name}-table`).tBodies[0].rows) {
    tr.classList.remove('selected');
    tr.querySelector('.row-open')?.setAttribute('aria-expanded', 'false');
  }
  const row = id && $(`${name}-table`).querySelector(`tr[data-id="${CSS.escape(id)}"] .row-open`);
  (row ?? $(`${name}-table`).closest('.table-wrap')).focus();
}

/** Another tab's list with one filter set (the others cleared), e.g. an organisation's professionals. */
function showFiltered(name, filter) {
  const form = $(`${name}-filters`);
  form.reset();
  fillFilters(name);
  for (const [param, value] of Object.entries(filter)) {
    const select = form.elements[param];
    if (![...select.options].some((option) => option.value === value)) {
      // not among those the role lists (another organisation's person): offered by the name the page knows
      const text = param === 'professionalId' ? personById(value)
        : param === 'organisationId' ? organisationName(value) : value;
      select.append(element('option', { value, textContent: text }));
    }
    select.value = value;
  }
  lists[name].open = null;
  drawDetails(name);
  selectTab(name, { focus: true });
  load(name, 0, { params: formParams(name) });
}

// --- Registering a professional: POST /api/professionals ---

function fillRegisterForm() {
  const form = $('professional-form');
  const keep = (select, options, placeholder) => {
    const chosen = select.value;
    const choose = placeholder ? [element('option', { value: '', textContent: t('network.register.choose') })] : [];
    select.replaceChildren(...choose, ...options);
    if ([...select.options].some((o) => o.value === chosen)) select.value = chosen;
  };
  const organisations = [...state.organisations.values()].filter((o) => o.status !== 'LEFT');
  keep(form.elements.organisationId, organisations.map((o) => element('option', { value: o.id, textContent: o.name })),
    organisations.length !== 1);
  keep(form.elements.field, FIELDS.map((f) => element('option', { value: f, textContent: word('field', f) })), true);
  // Every profession, grouped by its field; one of another field than the chosen is the API's to refuse.
  keep(form.elements.profession, FIELDS.map((f) => element('optgroup', { label: word('field', f) },
    ...Object.entries(PROFESSIONS).filter(([, of]) => of === f)
      .map(([p]) => element('option', { value: p, textContent: word('profession', p) })))), true);
  const list = $('professional-method-list');
  const checked = new Set([...list.querySelectorAll('input:checked')].map((input) => input.value));
  list.replaceChildren(...METHODS.map((m) => {
    const id = `professional-method-${m}`;
    const box = element('div', { className: 'choice' },
      element('input', { type: 'checkbox', id, name: 'methods', value: m, checked: checked.has(m) }),
      element('label', { htmlFor: id, textContent: word('method', m) }));
    box.setAttribute('data-error-anchor', '');
    return box;
  }));
  $('professional-login-field').hidden = !hasAnyRole(me, ['coordinator']);
}

function toggleRegister(open) {
  const form = $('professional-form');
  form.hidden = !open;
  $('professional-open').setAttribute('aria-expanded', String(open));
  $('professional-open').hidden = open;
  if (open) {
    $('professional-done').hidden = true;
    form.elements.organisationId.focus();
  }
}

let registering = false;

async function submitProfessional(event) {
  event.preventDefault();
  if (registering) return;
  const form = $('professional-form');
  const value = (name) => form.elements[name].value.trim();
  const body = {
    organisationId: value('organisationId') || null,
    firstName: value('firstName'),
    lastName: value('lastName'),
    email: value('email'),
    phone: value('phone') || null,
    field: value('field') || null,
    profession: value('profession') || null,
    methods: [...form.querySelectorAll('input[name="methods"]:checked')].map((input) => input.value),
    languages: value('languages').split(/[\s,;]+/).filter(Boolean),
  };
  if (hasAnyRole(me, ['coordinator']) && value('keycloakUserId')) body.keycloakUserId = value('keycloakUserId');
  registering = true;
  form.setAttribute('aria-busy', 'true');
  try {
    const saved = await post('/api/professionals', body);
    clearViolations(form);
    state.people.set(saved.id, saved);
    state.registered = saved;
    form.reset();
    toggleRegister(false);
    drawRegistered();
    $('professional-done').focus();
    fillFilters('pairs');
    load('professionals', lists.professionals.answer?.page ?? 0);
  } catch (failure) {
    if (!(failure instanceof ApiError)) throw failure;
    if (failure.signedOut) showSignedOut();
    else showViolations(form, failure, { summary: $('professional-errors') });
  } finally {
    registering = false;
    form.removeAttribute('aria-busy');
  }
}

function drawRegistered() {
  const person = state.registered;
  const done = $('professional-done');
  if (!person) return;
  const show = element('button', { type: 'button', id: 'professional-show', className: 'button secondary',
    textContent: t('network.register.show') });
  show.addEventListener('click', () => openDetails('professionals', person));
  const another = element('button', { type: 'button', id: 'professional-another', className: 'button secondary',
    textContent: t('network.register.another') });
  another.addEventListener('click', () => toggleRegister(true));
  done.replaceChildren(element('p', { className: 'done-title', textContent: t('network.register.done') }),
    element('p', { textContent: t('network.register.done-text', { name: personName(person),
      profession: word('profession', person.profession), organisation: organisationName(person.organisationId) }) }),
    element('div', { className: 'form-actions' }, show, another));
  done.hidden = false;
}

// --- A language change redraws what was built from data ---

function redraw() {
  drawScope();
  for (const name of TABS) {
    fillFilters(name);
    lists[name].pager();
    drawList(name);
    drawDetails(name);
  }
  if (hasAnyRole(me, NETWORK_ROLES)) fillRegisterForm();
  if (!$('professional-done').hidden) drawRegistered();
}

function drawScope() {
  $('network-scope').textContent = t(hasAnyRole(me, ['coordinator']) ? 'network.scope.all' : 'network.scope.own');
}

// --- The page starts here, once every function and variable above exists ---

async function start() {
  $('network-message').hidden = true;
  $('network-page').hidden = false;
  drawScope();
  for (const name of TABS) {
    $(`tab-${name}`).addEventListener('click', () => selectTab(name));
    $(`tab-${name}`).addEventListener('keydown', onTabKey);
    lists[name].pager = pager($(`${name}-pager`), (page) => load(name, page));
    $(`${name}-filters`).addEventListener('submit', (event) => {
      event.preventDefault();
      load(name, 0, { submitted: true, params: formParams(name) });
    });
    $(`${name}-table`).tBodies[0].addEventListener('click', (event) => onRowClick(name, event));
    fillFilters(name);
  }
  // Both roles of the page may register a professional (an org-admin in its own organisation).
  $('professional-register').hidden = false;
  $('professional-open').addEventListener('click', () => toggleRegister(true));
  $('professional-cancel').addEventListener('click', () => {
    toggleRegister(false);
    clearViolations($('professional-form'));
    $('professional-open').focus();
  });
  $('professional-form').addEventListener('submit', submitProfessional);
  document.addEventListener(LANGUAGE_CHANGED, redraw);

  // The names the lists show: the organisations and people the role may read.
  const [organisations, people] = await Promise.allSettled([getAll('/api/organisations', { sort: 'name' }),
    getAll('/api/professionals', { sort: 'lastName' })]);
  for (const o of organisations.value ?? []) state.organisations.set(o.id, o);
  for (const p of people.value ?? []) state.people.set(p.id, p);
  const failed = organisations.reason ?? people.reason;
  if (failed) sectionError('organisations-error', failed);
  for (const name of TABS) fillFilters(name);
  fillRegisterForm();
  const asked = window.location.hash.slice(1);
  selectTab(TABS.includes(asked) ? asked : 'organisations');
}

const shell = await startShell({ current: 'network' });
me = shell.me;
if (shell.error) {
  showMessage(describeError(shell.error), true);
} else if (!me) {
  showSignedOut();
} else if (!hasAnyRole(me, NETWORK_ROLES)) {
  showMessage(t('network.no-access'), true);
} else {
  await start();
}
