// Planning: the coordinator's (the whole network) and an org-admin's (their organisation's sites) week of visits per
// site, hospital ward or pair, Monday to Sunday in Helsinki time, with moved and cancelled visits marked in words; at a
// hospital ward, when the hospital has it open for groups and when closed, with the reason, and the visits that fall in
// a closed time; and planning a new series: the visits it would make and the dates on its rhythm it would skip, with
// why (POST /api/series/preview, written nowhere), then saving it (POST /api/series) and showing its visits in the
// calendar. A clash with the pair's other bookings (409) is shown beside the form with the clashing visit.
import {
  t, has, localeTag, LANGUAGE_CHANGED, formatDate, formatDay, formatClock, formatNumber, todayInHelsinki,
  dateInHelsinki, instantInHelsinki, addDays,
} from './i18n.js';
import { get, post, withQuery, describeError, showViolations, clearViolations, ApiError, pageErrors } from './api.js';
import { startShell, hasAnyRole, NETWORK_ROLES, element } from './shell.js';
import { fillTable } from './figures.js';
import { startLive, debounce } from './live.js';

// Each section's failures: its error box, or the page's sign-in message for a user found signed out.
const { checkStillSignedIn, sectionError } = pageErrors(() => showSignedOut());

/** Who plans: the coordinator (every site) and an org-admin (its own organisation's sites), as scheduling allows. */
const PLANNING_ROLES = NETWORK_ROLES;
/** scheduling-service's enumerations, in the order the API declares them. */
const ART_FORMS = ['MUSIC', 'DANCE', 'VISUAL_ARTS', 'DRAMA', 'LITERATURE', 'PHOTOGRAPHY', 'CRAFTS'];
const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const VISIT_STATUSES = ['SCHEDULED', 'HELD', 'MISSED', 'CANCELLED'];
const HOSPITAL_WARD = 'HOSPITAL_WARD';
/** The method's range of sessions; outside it the API asks for the reason. */
const METHOD_MIN = 15;
const METHOD_MAX = 30;
/** The API's largest page; lists longer than this are read page by page, up to MAX_PAGES. */
const PAGE_SIZE = 100;
const MAX_PAGES = 20;
const ZONE = 'Europe/Helsinki';
const DAY_MS = 24 * 60 * 60 * 1000;

const $ = (id) => document.getElementById(id);

const state = {
  week: null, // the Monday of the week shown, YYYY-MM-DD (Helsinki)
  siteId: '',
  pairId: '',
  status: '',
  sites: new Map(), // siteId -> SiteView (those the role reads in the register)
  organisations: new Map(), // organisationId -> OrganisationView
  pairs: new Map(), // pairId -> PairView
  people: new Map(), // professionalId -> ProfessionalView, or null when the role may not read that person
  groups: new Map(), // groupId -> GroupView
  loaded: false, // the week has been read at least once
  visits: [], // the week's /api/visits items
  wards: new Map(), // siteId -> {windows: [{from, to}] (ms), statements: [WardStatementView], error}
  highlight: null, // a visit to mark and focus in the calendar (the one a series clashed with)
  newSeries: null, // the id of the series this page just saved: its visits are marked new
  preview: null, // {body, answer, closures: Map(date -> reason text), siteId, stale}
  clash: null, // {failure, parsed, other: VisitView | null}
  saved: null, // the SeriesView this page saved last, with {firstVisitDate}
};

let me = null;
let live = null;

// --- Small helpers ---

/** Every item of a paged list (PAGE_SIZE at a time, MAX_PAGES at most). */
async function getAll(path, params = {}) {
  const items = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await get(withQuery(path, { ...params, page, size: PAGE_SIZE }));
    items.push(...answer.items);
    if (page + 1 >= answer.totalPages) break;
  }
  return items;
}

const word = (prefix, value) => (value == null ? '–' : has(`${prefix}.${value}`) ? t(`${prefix}.${value}`) : value);
const noon = (isoDate) => {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12));
};
/** The Monday of the week an ISO date falls in. */
function mondayOf(isoDate) {
  const weekday = (noon(isoDate).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(isoDate, -weekday);
}
/** The ISO 8601 week number of the week starting on a Monday (the week of its Thursday). */
function isoWeek(monday) {
  const thursday = noon(addDays(monday, 3));
  const newYear = Date.UTC(thursday.getUTCFullYear(), 0, 1, 12);
  return Math.floor((thursday.getTime() - newYear) / DAY_MS / 7) + 1;
}
/** A day as a row's name: "maanantai 14.12." / "Monday 14/12" (the weekday alone, so Finnish keeps its plain form). */
const dayName = (isoDate) => `${new Intl.DateTimeFormat(localeTag(), { weekday: 'long', timeZone: ZONE }).format(noon(isoDate))} ${
  new Intl.DateTimeFormat(localeTag(), { day: 'numeric', month: 'numeric', timeZone: ZONE }).format(noon(isoDate))}`;
/** A weekday's name in the chosen language (MONDAY … SUNDAY). */
const weekdayName = (weekday) => new Intl.DateTimeFormat(localeTag(), { weekday: 'long', timeZone: ZONE })
  .format(noon(addDays('2024-01-01', WEEKDAYS.indexOf(weekday)))); // 2024-01-01 was a Monday
/** The start and end (epoch ms) of a Helsinki day, daylight saving time included. */
const dayBounds = (isoDate) => [instantInHelsinki(isoDate, '00:00').getTime(),
  instantInHelsinki(addDays(isoDate, 1), '00:00').getTime()];
const timeElement = (instant) => {
  const el = element('time', { textContent: formatClock(instant) });
  el.dateTime = new Date(instant).toISOString();
  return el;
};

const personName = (person) => `${person.firstName} ${person.lastName}`;
const personById = (id) => {
  const person = state.people.get(id);
  return person ? personName(person) : person === null ? t('network.other-person') : t('common.loading');
};
const pairName = (pair) => `${personById(pair.artsProfessionalId)} & ${personById(pair.careProfessionalId)}`;
const visitPair = (visit) => [visit.artsProfessionalName, visit.careProfessionalName].filter(Boolean).join(' & ')
  || (state.pairs.has(visit.pairId) ? pairName(state.pairs.get(visit.pairId)) : '');
const isWard = (siteId) => state.sites.get(siteId)?.type === HOSPITAL_WARD;
const siteLabel = (site) => {
  const parts = [site.name];
  if (site.type === HOSPITAL_WARD) parts.push(`(${t('site-type.HOSPITAL_WARD')}${site.wardCode ? ` ${site.wardCode}` : ''})`);
  if (site.status === 'CLOSED') parts.push(`– ${t('planning.closed-site')}`);
  return parts.join(' ');
};
const organisationName = (id) => state.organisations.get(id)?.name ?? t('network.other-organisation');

// --- Messages ---

function showMessage(text, alert = false) {
  const message = $('planning-message');
  message.setAttribute('role', alert ? 'alert' : 'status');
  message.removeAttribute('data-i18n');
  message.replaceChildren(text);
  message.hidden = false;
}

function showSignedOut() {
  showMessage(t('planning.signed-out'), true);
  $('planning-message').append(' ',
    element('a', { id: 'planning-sign-in', href: '/login', textContent: t('shell.sign-in') }));
  $('planning-page').hidden = true;
  if (!live) $('live-status').hidden = true;
  live?.stop();
}

// --- The register and the groups: the choosers' names ---

async function loadChoices() {
  const [sites, organisations, pairs, people, groups] = await Promise.allSettled([
    getAll('/api/sites', { sort: 'name' }),
    getAll('/api/organisations', { sort: 'name' }),
    getAll('/api/pairs'),
    getAll('/api/professionals', { sort: 'lastName' }),
    getAll('/api/groups', { sort: 'name' }),
  ]);
  for (const site of sites.value ?? []) state.sites.set(site.id, site);
  for (const organisation of organisations.value ?? []) state.organisations.set(organisation.id, organisation);
  for (const pair of pairs.value ?? []) state.pairs.set(pair.id, pair);
  for (const person of people.value ?? []) state.people.set(person.id, person);
  for (const group of groups.value ?? []) state.groups.set(group.id, group);
  // The pairs' people the list did not give (another organisation's, for an org-admin: 403), each asked once.
  const unknown = [...new Set([...state.pairs.values()].flatMap((p) => [p.artsProfessionalId, p.careProfessionalId]))]
    .filter((id) => !state.people.has(id));
  await Promise.all(unknown.map((id) => get(`/api/professionals/${encodeURIComponent(id)}`)
    .then((person) => state.people.set(id, person), () => state.people.set(id, null))));
  const failed = [sites, pairs, groups].find((result) => result.status === 'rejected');
  if (failed) sectionError('calendar-error', failed.reason);
}

/** Replaces a select's options, keeping the chosen value when it is still offered. */
function refill(select, options) {
  const chosen = select.value;
  select.replaceChildren(...options);
  if ([...select.options].some((option) => option.value === chosen)) select.value = chosen;
}

const option = (value, text) => element('option', { value, textContent: text });
const byText = (a, b) => a[1].localeCompare(b[1], 'fi');

function fillFilters() {
  const form = $('planning-filters');
  // Sites grouped by organisation, so that a coordinator finds a ward under its hospital.
  const byOrganisation = new Map();
  for (const site of state.sites.values()) {
    const name = organisationName(site.organisationId);
    if (!byOrganisation.has(name)) byOrganisation.set(name, []);
    byOrganisation.get(name).push(site);
  }
  const groups = [...byOrganisation.entries()].sort((a, b) => a[0].localeCompare(b[0], 'fi'))
    .map(([name, sites]) => element('optgroup', { label: name },
      ...sites.sort((a, b) => a.name.localeCompare(b.name, 'fi')).map((site) => option(site.id, siteLabel(site)))));
  refill(form.elements.siteId, [option('', t('planning.filter.all-sites')), ...groups]);
  form.elements.siteId.value = state.siteId;
  const pairs = [...state.pairs.values()]
    .map((pair) => [pair.id, pair.status === 'DISSOLVED' ? `${pairName(pair)} (${t('planning.dissolved')})` : pairName(pair)])
    .sort(byText);
  refill(form.elements.pairId, [option('', t('planning.filter.all-pairs')), ...pairs.map(([id, text]) => option(id, text))]);
  form.elements.pairId.value = state.pairId;
  refill(form.elements.status, [option('', t('planning.filter.all-statuses')),
    ...VISIT_STATUSES.map((status) => option(status, t(`planning.visit-status.${status}`)))]);
  form.elements.status.value = state.status;
  if (state.week) form.elements.date.value = state.week;
}

function fillSeriesForm() {
  const form = $('series-form');
  // Groups by their site; a group at a closed site is offered with a note (the API refuses it, saying why).
  const bySite = new Map();
  for (const group of state.groups.values()) {
    const site = group.siteName || state.sites.get(group.siteId)?.name || t('planning.unknown-site');
    if (!bySite.has(site)) bySite.set(site, []);
    bySite.get(site).push(group);
  }
  const groupOptions = [...bySite.entries()].sort((a, b) => a[0].localeCompare(b[0], 'fi'))
    .map(([site, groups]) => element('optgroup', { label: site }, ...groups
      .sort((a, b) => a.name.localeCompare(b.name, 'fi'))
      .map((group) => option(group.id, `${group.name} (${word('tg', group.targetGroup)})${
        state.sites.get(group.siteId)?.status === 'CLOSED' ? ` – ${t('planning.closed-site')}` : ''}`))));
  refill(form.elements.groupId, [option('', t('planning.series.choose-group')), ...groupOptions]);
  const pairs = [...state.pairs.values()].filter((pair) => pair.status !== 'DISSOLVED')
    .map((pair) => [pair.id, pairName(pair)]).sort(byText);
  refill(form.elements.pairId, [option('', t('planning.series.choose-pair')), ...pairs.map(([id, text]) => option(id, text))]);
  refill(form.elements.weekday, [option('', t('planning.series.weekday-of-first-date')),
    ...WEEKDAYS.map((day) => option(day, weekdayName(day)))]);
  // The art forms' checkboxes are made once (an error note beside them stays); a language change relabels them.
  const list = $('series-art-form-list');
  if (!list.childElementCount) {
    list.append(...ART_FORMS.map((artForm) => {
      const id = `series-art-${artForm}`;
      return element('div', { className: 'choice' },
        element('input', { type: 'checkbox', id, name: 'artForms', value: artForm }), element('label', { htmlFor: id }));
    }));
  }
  for (const artForm of ART_FORMS) list.querySelector(`label[for="series-art-${artForm}"]`).textContent = t(`art.${artForm}`);
  markReasonRequired();
}

/** The reason for the number of sessions is required outside the method's 15–30: said by the label's star too. */
function markReasonRequired() {
  const input = $('series-sessions');
  const count = input.value === '' ? null : Number(input.value);
  const required = count !== null && Number.isFinite(count) && (count < METHOD_MIN || count > METHOD_MAX);
  $('series-reason-mark').hidden = !required;
  $('series-reason').required = required;
}

// --- The week: /api/visits, and at the hospital wards among them their windows and statements ---

let weekRound = 0;

function setWeek(monday) {
  state.week = monday;
  $('planning-filters').elements.date.value = monday;
  writeAddress();
  return refreshWeek();
}

async function refreshWeek() {
  const round = ++weekRound;
  const from = state.week;
  const to = addDays(from, 6);
  $('week-calendar').setAttribute('aria-busy', 'true');
  drawWeekLabel();
  try {
    const visits = await getAll('/api/visits', {
      from, to, siteId: state.siteId, pairId: state.pairId, status: state.status, sort: 'startsAt',
    });
    if (round !== weekRound) return; // a newer request has started; its answer wins
    // The wards whose open times matter this week: the ward chosen, and the wards of the week's visits.
    const wardIds = new Set(visits.map((visit) => visit.siteId).filter(isWard));
    if (state.siteId && isWard(state.siteId)) wardIds.add(state.siteId);
    const wards = new Map();
    await Promise.all([...wardIds].map((siteId) => loadWard(siteId, from, to).then((ward) => wards.set(siteId, ward))));
    if (round !== weekRound) return;
    state.visits = visits;
    state.wards = wards;
    state.loaded = true;
    sectionError('calendar-error', null);
    drawWeek();
  } catch (failure) {
    if (round !== weekRound) return;
    sectionError('calendar-error', failure);
    $('week-calendar').removeAttribute('aria-busy');
  }
}

/** A ward's open windows and its statements overlapping the week; a ward the role may not read is left unmarked. */
async function loadWard(siteId, from, to) {
  try {
    const [open, statements] = await Promise.all([
      get(withQuery('/api/ward-availability/windows', { siteId, from, to })),
      getAll('/api/ward-availability', { siteId, from, to, sort: 'from' }),
    ]);
    return {
      windows: open.windows.map((w) => ({ from: Date.parse(w.from), to: Date.parse(w.to) })),
      statements,
    };
  } catch (failure) {
    if (failure instanceof ApiError && failure.signedOut) throw failure;
    return { windows: [], statements: [], error: failure };
  }
}

/** The parts of [from, to) that none of the cuts cover. */
function subtract(from, to, cuts) {
  let pieces = [[from, to]];
  for (const cut of cuts) {
    pieces = pieces.flatMap(([a, b]) => {
      if (cut.to <= a || cut.from >= b) return [[a, b]];
      return [[a, Math.min(b, cut.from)], [Math.max(a, cut.to), b]].filter(([x, y]) => y > x);
    });
  }
  return pieces;
}

/** A ward's day: its open stretches, and its closed ones that a closure statement explains, with the reason. */
function wardDay(ward, isoDate) {
  const [start, end] = dayBounds(isoDate);
  const open = ward.windows.filter((w) => w.from < end && w.to > start)
    .map((w) => ({ from: Math.max(w.from, start), to: Math.min(w.to, end) }));
  const closed = [];
  for (const statement of ward.statements) {
    if (statement.state !== 'UNAVAILABLE') continue;
    const from = Math.max(Date.parse(statement.from), start);
    const to = Math.min(Date.parse(statement.to), end);
    if (to <= from) continue;
    // What a later statement opened again is open: the windows are the hospital's last word.
    for (const [a, b] of subtract(from, to, ward.windows)) closed.push({ from: a, to: b, reason: statement.reason });
  }
  closed.sort((a, b) => a.from - b.from);
  return { start, end, open, closed };
}

/** A stretch of a day in words: "9.00–15.30", or "all day". */
function stretch(from, to, start, end) {
  if (from <= start && to >= end) return t('planning.ward.all-day');
  const until = to >= end ? formatClock(start).replace(/^0?0/, '24') : formatClock(to);
  return `${formatClock(from)}\u2060–\u2060${until}`; // word joiners: the stretch does not break at its dash
}

const closureReason = (reason) => reason || t('planning.ward.no-reason');

/** Why a (not cancelled) visit at a ward falls in closed time: null when one open window holds it whole. */
function closedFor(visit) {
  const ward = state.wards.get(visit.siteId);
  if (!ward || ward.error || visit.status === 'CANCELLED') return null;
  const start = Date.parse(visit.startsAt);
  const end = Date.parse(visit.endsAt);
  if (ward.windows.some((w) => w.from <= start && w.to >= end)) return null;
  const reasons = [...new Set(ward.statements
    .filter((s) => s.state === 'UNAVAILABLE' && Date.parse(s.from) < end && Date.parse(s.to) > start)
    .map((s) => closureReason(s.reason)))];
  return { reasons };
}

/** Moved: the visit says its earlier time; else each move and cancellation raised its SEQUENCE. */
const wasMoved = (visit) => visit.status !== 'CANCELLED' && (Boolean(visit.previousStartsAt) || visit.sequence > 0);

/** The visit's status in words (status.*), also carried by data-status for the CSS. */
function statusOf(visit) {
  if (visit.status === 'CANCELLED') return 'cancelled';
  if (visit.status === 'HELD') return 'held';
  if (visit.status === 'MISSED') return 'missed';
  if (visit.sessionRecordId) return 'held';
  if (Date.parse(visit.startsAt) <= Date.now()) return 'to-record';
  return 'scheduled';
}

/** Whom the week shows, in words: the site, the pair, both, or everything the role sees. */
function whose() {
  const site = state.siteId && state.sites.get(state.siteId);
  const pair = state.pairId && state.pairs.get(state.pairId);
  const parts = [];
  if (state.siteId) parts.push(site ? site.name : t('planning.unknown-site'));
  if (state.pairId) parts.push(pair ? pairName(pair) : t('planning.unknown-pair'));
  if (!parts.length) parts.push(t(hasAnyRole(me, ['coordinator']) ? 'planning.whose.all' : 'planning.whose.own'));
  if (state.status) parts.push(t(`planning.visit-status.${state.status}`));
  return parts.join(' · ');
}

function weekText() {
  return t('planning.week.label', {
    week: isoWeek(state.week), from: formatDate(state.week), to: formatDate(addDays(state.week, 6)),
  });
}

function drawWeekLabel() {
  $('week-label').textContent = weekText();
  $('week-caption').textContent = t('planning.week.caption', { week: weekText(), whose: whose() });
}

/** Preview visits for this week, shown beside the real ones while a preview is open (not saved). */
function previewVisitsOf(isoDate) {
  const preview = state.preview;
  if (!preview || preview.stale) return [];
  const matches = (!state.siteId || state.siteId === preview.siteId) && (!state.pairId || state.pairId === preview.body.pairId)
    && (!state.status || state.status === 'SCHEDULED');
  return matches ? preview.answer.visits.filter((visit) => visit.date === isoDate) : [];
}

function drawWeek() {
  if (!state.week) return;
  drawWeekLabel();
  const table = $('week-calendar');
  const today = todayInHelsinki();
  const ward = state.siteId && isWard(state.siteId) ? state.wards.get(state.siteId) : null;
  $('week-ward-col').hidden = !ward;
  // A redraw keeps the keyboard where it was.
  const active = document.activeElement;
  const keepId = active?.closest?.('[data-visit-id]')?.dataset.visitId;

  const byDay = new Map();
  for (const visit of state.visits) {
    const day = dateInHelsinki(visit.startsAt);
    if (!byDay.has(day)) byDay.set(day, []);
    byDay.get(day).push(visit);
  }
  const rows = [];
  for (let i = 0; i < 7; i += 1) {
    const day = addDays(state.week, i);
    const th = element('th', { scope: 'row', className: 'week-day' }, element('span', { textContent: dayName(day) }));
    if (day === today) th.append(' ', element('span', { className: 'today-mark', textContent: t('planning.today') }));
    const tr = element('tr', { className: day === today ? 'week-row today' : 'week-row' }, th);
    tr.dataset.date = day;
    if (ward) tr.append(element('td', { className: 'week-ward' }, wardCell(ward, day)));
    const visits = byDay.get(day) ?? [];
    const previews = previewVisitsOf(day);
    const cell = element('td', { className: 'week-visits' });
    if (visits.length || previews.length) {
      cell.append(element('ul', { className: 'visit-list week-list' }, ...visits.map(visitItem), ...previews.map(previewItem)));
    } else {
      cell.append(element('p', { className: 'hint', textContent: t('planning.day.none') }));
    }
    tr.append(cell);
    rows.push(tr);
  }
  table.tBodies[0].replaceChildren(...rows);
  table.removeAttribute('aria-busy');
  drawWardWindows(ward);
  drawSummary();
  if (state.highlight) {
    const item = table.querySelector(`[data-visit-id="${CSS.escape(state.highlight)}"]`);
    if (item) {
      item.tabIndex = -1;
      item.scrollIntoView({ block: 'center' });
      item.focus();
      state.highlight = null;
    }
  } else if (keepId) {
    const item = table.querySelector(`[data-visit-id="${CSS.escape(keepId)}"]`);
    if (item) {
      item.tabIndex = -1;
      item.focus();
    }
  }
}

function drawSummary() {
  const visits = state.visits;
  const count = (test) => visits.filter(test).length;
  const parts = [t('planning.week.count', { count: formatNumber(visits.length) })];
  const cancelled = count((v) => v.status === 'CANCELLED');
  const moved = count(wasMoved);
  const closed = count((v) => closedFor(v));
  if (cancelled) parts.push(t('planning.week.cancelled', { count: formatNumber(cancelled) }));
  if (moved) parts.push(t('planning.week.moved', { count: formatNumber(moved) }));
  if (closed) parts.push(t('planning.week.in-closed', { count: formatNumber(closed) }));
  // A status region: written only when it changes, so a live refresh that changed nothing is not announced again.
  const summary = `${weekText()}. ${parts.join(' ')}`;
  if ($('week-summary').textContent !== summary) $('week-summary').textContent = summary;
}

function wardCell(ward, day) {
  if (ward.error) return element('p', { className: 'hint', textContent: describeError(ward.error) });
  const { start, end, open, closed } = wardDay(ward, day);
  const items = [
    ...open.map((w) => ({ at: w.from, state: 'open', text: t('planning.ward.open', { time: stretch(w.from, w.to, start, end) }) })),
    ...closed.map((c) => ({ at: c.from, state: 'closed',
      text: t('planning.ward.closed', { time: stretch(c.from, c.to, start, end), reason: closureReason(c.reason) }) })),
  ].sort((a, b) => a.at - b.at);
  if (!items.length) {
    const none = element('p', { className: 'ward-none', textContent: t('planning.ward.none') });
    none.dataset.state = 'unpublished';
    return none;
  }
  return element('ul', { className: 'ward-times' }, ...items.map((item) => {
    const li = element('li', { className: `ward-${item.state}`, textContent: item.text });
    li.dataset.state = item.state;
    return li;
  }));
}

/** The ward's week in words: what the hospital published, the closures with their reasons, the visits they touch. */
function drawWardWindows(ward) {
  const box = $('ward-windows');
  const body = $('ward-windows-body');
  const site = state.siteId ? state.sites.get(state.siteId) : null;
  if (!site) {
    box.hidden = true;
    body.replaceChildren();
    return;
  }
  box.hidden = false;
  box.dataset.ward = String(Boolean(ward));
  const heading = $('ward-windows-heading');
  if (!ward) {
    heading.textContent = t('planning.ward.heading.site', { site: site.name });
    body.replaceChildren(element('p', { className: 'hint', textContent: t('planning.ward.not-a-ward') }));
    return;
  }
  heading.textContent = t('planning.ward.heading', { site: site.name, code: site.wardCode ?? '' });
  if (ward.error) {
    body.replaceChildren(element('p', { className: 'error', textContent: describeError(ward.error) }));
    return;
  }
  const parts = [element('p', { className: 'hint', textContent: t('planning.ward.explain') })];
  const closures = [];
  let openCount = 0;
  for (let i = 0; i < 7; i += 1) {
    const day = addDays(state.week, i);
    const { start, end, open, closed } = wardDay(ward, day);
    openCount += open.length;
    for (const c of closed) closures.push({ day, text: stretch(c.from, c.to, start, end), reason: closureReason(c.reason) });
  }
  parts.push(element('p', { className: 'ward-open-count',
    textContent: openCount ? t('planning.ward.open-count', { count: formatNumber(openCount) }) : t('planning.ward.none-week') }));
  if (closures.length) {
    parts.push(element('p', { className: 'ward-closures-title', textContent: t('planning.ward.closures') }),
      element('ul', { className: 'ward-closures' }, ...closures.map((c) => {
        const li = element('li', { className: 'ward-closed' },
          element('strong', { textContent: `${dayName(c.day)} ${c.text}: ` }), c.reason);
        li.dataset.state = 'closed';
        return li;
      })));
  } else {
    parts.push(element('p', { textContent: t('planning.ward.no-closures') }));
  }
  const inClosed = state.visits.filter((visit) => visit.siteId === state.siteId && closedFor(visit));
  if (inClosed.length) {
    const first = inClosed[0];
    const go = element('button', { type: 'button', className: 'link-button', textContent: t('planning.ward.first-in-closed') });
    go.addEventListener('click', () => {
      const target = $(`plan-visit-${first.id}`);
      if (!target) return;
      target.tabIndex = -1;
      target.scrollIntoView({ block: 'center' });
      target.focus();
    });
    parts.push(element('p', { className: 'notice' },
      t('planning.ward.visits-in-closed', { count: formatNumber(inClosed.length) }), ' ', go));
  }
  body.replaceChildren(...parts);
}

function visitItem(visit) {
  const status = statusOf(visit);
  const item = element('li', { id: `plan-visit-${visit.id}`, className: 'visit plan-visit' });
  item.dataset.visitId = visit.id;
  item.dataset.status = status;
  if (wasMoved(visit)) item.dataset.moved = 'true';
  const closed = closedFor(visit);
  if (closed) item.dataset.wardClosed = 'true';
  if (visit.seriesId === state.newSeries) item.dataset.new = 'true';
  if (visit.id === state.clash?.other?.id) item.dataset.clash = 'true';
  const card = element('div', { className: 'visit-card' });
  card.append(element('p', { className: 'visit-title' },
    element('span', { className: 'visit-time' }, timeElement(visit.startsAt), '–', timeElement(visit.endsAt)),
    ' ', element('span', { className: 'visit-group', textContent: visit.groupName || t('planning.unknown-group') })));
  const where = [t('planning.visit.ordinal', { n: visit.ordinal })];
  if (!state.siteId) where.push(visit.siteName || t('planning.unknown-site'));
  card.append(element('p', { className: 'visit-series', textContent: where.join(' · ') }));
  const pair = visitPair(visit);
  if (pair) card.append(element('p', { className: 'visit-pair', textContent: `${t('planning.visit.pair')}: ${pair}` }));
  card.append(element('p', { className: 'visit-status' },
    element('span', { className: 'visually-hidden', textContent: `${t('planning.visit.status')}: ` }),
    element('span', { className: 'status-badge', textContent: t(`status.${status}`) })));
  for (const flag of flagsOf(visit, closed)) card.append(flag);
  item.append(card);
  return item;
}

/** Cancelled, moved, added, in a closed ward time, new, clashing: in words (colour and symbol only repeat them). */
function flagsOf(visit, closed) {
  const flags = [];
  const flag = (kind, label, ...details) => element('p', { className: `visit-flag flag-${kind}` },
    element('strong', { textContent: label }), ...details.filter(Boolean).map((text) => ` ${text}`));
  const reason = visit.statusReason ? t('planning.visit.reason', { reason: visit.statusReason }) : null;
  if (visit.status === 'CANCELLED') {
    flags.push(flag('cancelled', t('planning.flag.cancelled'), reason));
  } else if (wasMoved(visit)) {
    const before = visit.previousStartsAt ? t('planning.visit.moved-from', {
      time: `${formatDate(dateInHelsinki(visit.previousStartsAt))} ${formatClock(visit.previousStartsAt)}–${
        formatClock(visit.previousEndsAt ?? visit.previousStartsAt)}`,
    }) : null;
    flags.push(flag('moved', t('planning.flag.moved'), reason, before));
  } else if (visit.statusReason) {
    flags.push(flag('added', t('planning.flag.added'), reason));
  }
  if (closed) {
    flags.push(flag('closed', t('planning.flag.ward-closed'), closed.reasons.length
      ? t('planning.visit.closed-reason', { reason: closed.reasons.join('; ') }) : t('planning.visit.unpublished')));
  }
  if (visit.seriesId === state.newSeries) flags.push(flag('new', t('planning.flag.new')));
  if (visit.id === state.clash?.other?.id) flags.push(flag('clash', t('planning.flag.clash')));
  return flags;
}

/** A visit of the open preview, not saved: marked so in words. */
function previewItem(visit) {
  const li = element('li', { className: 'visit plan-visit plan-preview' });
  li.dataset.status = 'preview';
  li.dataset.previewOrdinal = String(visit.ordinal);
  const group = state.groups.get(state.preview.body.groupId);
  li.append(element('div', { className: 'visit-card' },
    element('p', { className: 'visit-title' },
      element('span', { className: 'visit-time' }, timeElement(visit.startsAt), '–', timeElement(visit.endsAt)),
      ' ', element('span', { className: 'visit-group', textContent: group?.name ?? '' })),
    element('p', { className: 'visit-series', textContent: t('planning.visit.ordinal', { n: visit.ordinal }) }),
    element('p', { className: 'visit-flag flag-preview' }, element('strong', { textContent: t('planning.flag.preview') }))));
  return li;
}

// --- The filters and the address: #week=…&site=…&pair=…&status=… ---

function readAddress() {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const week = params.get('week');
  state.week = /^\d{4}-\d{2}-\d{2}$/.test(week ?? '') ? mondayOf(week) : mondayOf(todayInHelsinki());
  state.siteId = params.get('site') ?? '';
  state.pairId = params.get('pair') ?? '';
  state.status = VISIT_STATUSES.includes(params.get('status')) ? params.get('status') : '';
}

function writeAddress() {
  const params = new URLSearchParams({ week: state.week });
  if (state.siteId) params.set('site', state.siteId);
  if (state.pairId) params.set('pair', state.pairId);
  if (state.status) params.set('status', state.status);
  const hash = `#${params}`;
  if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
}

function applyFilters(event) {
  event.preventDefault();
  const form = $('planning-filters');
  clearViolations(form);
  state.siteId = form.elements.siteId.value;
  state.pairId = form.elements.pairId.value;
  state.status = form.elements.status.value;
  const date = form.elements.date.value;
  if (form.elements.date.validity.badInput) {
    showViolations(form, { violations: [{ field: 'date', rule: 'date', message: t('rule.date') }] });
    return;
  }
  setWeek(date ? mondayOf(date) : state.week);
}

/** Shows a week of a site (or pair) in the calendar and takes the keyboard there. */
async function showInCalendar({ siteId = '', pairId = '', date, highlight = null }) {
  state.siteId = siteId;
  state.pairId = pairId;
  state.status = '';
  state.highlight = highlight;
  fillFilters();
  await setWeek(mondayOf(date));
  if (!highlight || state.highlight) {
    state.highlight = null;
    $('week-calendar').closest('.table-wrap').focus();
  }
}

// --- Planning a series: POST /api/series/preview, then POST /api/series ---

/** The form as the API's SeriesRequest, and what cannot be sent (a number or time the browser could not read). */
function seriesRequest() {
  const form = $('series-form');
  const fields = form.elements;
  const local = [];
  const number = (name) => {
    const input = fields[name];
    if (input.validity.badInput || (input.value !== '' && !Number.isInteger(Number(input.value)))) {
      local.push({ field: name, rule: 'whole-number', message: t('rule.whole-number') });
      return null;
    }
    return input.value === '' ? null : Number(input.value);
  };
  const formatted = (name, rule) => {
    if (fields[name].validity.badInput) local.push({ field: name, rule: 'format', message: t(rule) });
    return fields[name].value || null;
  };
  const body = {
    groupId: fields.groupId.value || null,
    pairId: fields.pairId.value || null,
    artForms: [...form.querySelectorAll('input[name="artForms"]:checked')].map((input) => input.value),
    plannedSessions: number('plannedSessions'),
    sessionCountReason: fields.sessionCountReason.value.trim() || null,
    frequency: form.querySelector('input[name="frequency"]:checked')?.value ?? null,
    weekday: fields.weekday.value || null,
    startTime: formatted('startTime', 'rule.format.startTime'),
    durationMinutes: number('durationMinutes'),
    firstDate: formatted('firstDate', 'rule.format.firstDate'),
  };
  return { body, local };
}

function clearSeriesProblems() {
  const form = $('series-form');
  clearViolations(form);
  const box = $('series-errors');
  box.classList.remove('clash');
  delete box.dataset.rule;
  state.clash = null;
}

let sending = false;

async function send(kind) {
  if (sending) return;
  const form = $('series-form');
  const { body, local } = seriesRequest();
  clearSeriesProblems();
  $('series-saved').hidden = true;
  if (local.length) {
    showViolations(form, { violations: local }, { summary: $('series-errors') });
    return;
  }
  sending = true;
  form.setAttribute('aria-busy', 'true');
  try {
    if (kind === 'preview') await preview(body);
    else await save(body);
  } catch (failure) {
    if (!(failure instanceof ApiError)) throw failure;
    if (failure.signedOut) showSignedOut();
    else if (failure.status === 409) await showClash(failure);
    else showViolations(form, withCounts(failure), { summary: $('series-errors') });
    if (kind === 'preview') closePreview();
    if (state.loaded) drawWeek(); // no preview beside the visits; the clashing visit, if this week shows it, marked
  } finally {
    sending = false;
    form.removeAttribute('aria-busy');
  }
}

/**
 * No room on the rhythm (422 free-slots) says how many visits found a slot ("only 5 of 15 visits found a slot"): the
 * page's own words keep those numbers, so the planner sees how far the series got.
 */
function withCounts(failure) {
  const violations = failure.violations.map((violation) => {
    const found = violation.rule === 'free-slots' && violation.message?.match(/only (\d+) of (\d+) visits found a slot/);
    return found ? { field: violation.field, message: t('planning.free-slots', {
      found: formatNumber(Number(found[1])), count: formatNumber(Number(found[2])) }) } : violation;
  });
  return Object.assign(Object.create(Object.getPrototypeOf(failure)), failure, { violations });
}

async function preview(body) {
  const answer = await post('/api/series/preview', body);
  const siteId = state.groups.get(body.groupId)?.siteId ?? null;
  const closures = await closuresOf(siteId, answer.skipped, body);
  state.preview = { body, answer, closures, siteId, stale: false };
  drawPreview();
  $('preview-section').hidden = false;
  $('preview-section').focus();
  drawWeek(); // the preview's visits of this week appear beside the real ones
}

/**
 * The reasons the hospital gave for the skipped dates on which the ward was not open: the closure statements
 * overlapping each such date's slot (one list request over their span). Empty when the site is not a ward or the
 * statements cannot be read; the skipped dates then keep scheduling's own reason.
 */
async function closuresOf(siteId, skipped, body) {
  const closures = new Map();
  const dates = skipped.filter((skip) => skip.reason === 'the ward is not open for groups').map((skip) => skip.date);
  if (!siteId || !isWard(siteId) || !dates.length || !body.startTime) return closures;
  try {
    const statements = (await getAll('/api/ward-availability', { siteId, from: dates[0], to: dates[dates.length - 1], sort: 'from' }))
      .filter((s) => s.state === 'UNAVAILABLE');
    for (const date of dates) {
      const start = instantInHelsinki(date, body.startTime).getTime();
      const end = start + (body.durationMinutes ?? 0) * 60000;
      const reasons = [...new Set(statements.filter((s) => Date.parse(s.from) < end && Date.parse(s.to) > start)
        .map((s) => closureReason(s.reason)))];
      if (reasons.length) closures.set(date, reasons.join('; '));
    }
  } catch (failure) {
    if (failure instanceof ApiError && failure.signedOut) throw failure;
  }
  return closures;
}

/** A skipped date's reason in the chosen language; scheduling's own words when the page does not know them. */
function skipReason(skip) {
  const holiday = skip.reason.match(/^public holiday: (.+)$/);
  if (holiday) return t('planning.skip.holiday', { name: has(`holiday.${holiday[1]}`) ? t(`holiday.${holiday[1]}`) : holiday[1] });
  if (skip.reason === 'a professional is absent') return t('planning.skip.absent');
  if (skip.reason === 'the pair has another visit then') return t('planning.skip.pair-busy');
  if (skip.reason === 'the ward is not open for groups') {
    const why = state.preview?.closures.get(skip.date);
    return why ? t('planning.skip.ward-closed', { reason: why }) : t('planning.skip.ward-not-open');
  }
  return skip.reason;
}

const skipKind = (skip) => (skip.reason.startsWith('public holiday:') ? 'holiday'
  : skip.reason === 'a professional is absent' ? 'absence'
    : skip.reason === 'the ward is not open for groups' ? 'ward' : 'other');

function drawPreview() {
  const preview = state.preview;
  if (!preview) return;
  const { answer } = preview;
  const first = answer.visits[0];
  $('preview-summary').textContent = t('planning.preview.summary', {
    count: formatNumber(answer.visits.length), first: first ? formatDate(first.date) : '–',
    end: formatDate(answer.plannedEnd), skipped: formatNumber(answer.skipped.length),
  });
  $('preview-stale').hidden = !preview.stale;
  $('preview-show-week').hidden = !first;
  const visits = $('preview-visits');
  fillTable(visits, answer.visits.map((visit) => [
    { text: formatNumber(visit.ordinal), numeric: true },
    formatDay(visit.date),
    `${formatClock(visit.startsAt)}–${formatClock(visit.endsAt)}`,
  ]));
  [...visits.tBodies[0].rows].forEach((tr, i) => { tr.dataset.date = answer.visits[i].date; });
  const skipped = $('preview-skipped');
  if (!answer.skipped.length) {
    fillTable(skipped, [[{ text: t('planning.preview.none-skipped'), colspan: 2, className: 'no-data' }]]);
  } else {
    fillTable(skipped, answer.skipped.map((skip) => [formatDay(skip.date), skipReason(skip)]));
    [...skipped.tBodies[0].rows].forEach((tr, i) => {
      tr.dataset.date = answer.skipped[i].date;
      tr.dataset.kind = skipKind(answer.skipped[i]);
    });
  }
}

function closePreview() {
  state.preview = null;
  $('preview-section').hidden = true;
}

function markPreviewStale() {
  markReasonRequired();
  if (state.preview && !state.preview.stale) {
    state.preview.stale = true;
    $('preview-stale').hidden = false;
    drawWeek(); // an outdated preview is no longer shown in the calendar
  }
}

async function save(body) {
  const saved = await post('/api/series', body);
  closePreview();
  $('series-form').reset();
  markReasonRequired();
  state.newSeries = saved.id;
  // The calendar shows the new visits: the group's site, the week of the series' first visit.
  let firstVisitDate = saved.firstDate;
  try {
    const first = await get(withQuery('/api/visits', { seriesId: saved.id, sort: 'startsAt', size: 1 }));
    if (first.items[0]) firstVisitDate = dateInHelsinki(first.items[0].startsAt);
  } catch {
    // the series' first date is the week to show
  }
  state.saved = { ...saved, firstVisitDate };
  state.siteId = saved.siteId;
  state.pairId = '';
  state.status = '';
  fillFilters();
  await setWeek(mondayOf(firstVisitDate));
  drawSaved();
  $('series-saved').focus();
}

function drawSaved() {
  const saved = state.saved;
  const box = $('series-saved');
  if (!saved) return;
  box.dataset.seriesId = saved.id;
  const pair = state.pairs.get(saved.pairId);
  const show = element('button', { type: 'button', id: 'series-show', className: 'button secondary',
    textContent: t('planning.saved.show') });
  show.addEventListener('click', () => showInCalendar({ siteId: saved.siteId, date: saved.firstVisitDate }));
  const another = element('button', { type: 'button', id: 'series-another', className: 'button secondary',
    textContent: t('planning.saved.another') });
  another.addEventListener('click', () => {
    box.hidden = true;
    $('series-group').focus();
  });
  box.replaceChildren(element('p', { className: 'done-title', textContent: t('planning.saved.title') }),
    element('p', { textContent: t('planning.saved.text', {
      group: saved.groupName ?? '', site: saved.siteName ?? '', pair: pair ? pairName(pair) : '',
      count: formatNumber(saved.visits?.scheduled ?? saved.plannedSessions), first: formatDate(saved.firstVisitDate),
      end: formatDate(saved.plannedEnd),
    }) }),
    element('div', { className: 'form-actions' }, show, another));
  box.hidden = false;
}

// --- A clash: 409 double-booking, naming the time and the other visit (or absence) ---

/** "the pair is already booked at Thu 2026-12-10 13:00 (Helsinki) in visit <id>" / "... absent at ... (absence <id>)". */
function parseClash(detail) {
  const text = detail ?? '';
  const when = text.match(/ at \w{3} (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) \(Helsinki\)/);
  const visit = text.match(/ in visit ([0-9a-f-]{36})/i);
  const absence = text.match(/\(absence ([0-9a-f-]{36})\)/i);
  return { date: when?.[1] ?? null, clock: when?.[2] ?? null, visitId: visit?.[1] ?? null, absenceId: absence?.[1] ?? null };
}

async function showClash(failure) {
  const parsed = parseClash(failure.detail);
  let other = null;
  if (parsed.visitId) {
    try {
      other = await get(`/api/visits/${encodeURIComponent(parsed.visitId)}`);
    } catch (reading) {
      if (reading instanceof ApiError && reading.signedOut) throw reading;
    }
  }
  state.clash = { failure, parsed, other };
  drawClash();
  $('series-errors').focus();
}

function clashTime(parsed) {
  if (!parsed.date) return null;
  return t('planning.clash.at', { day: formatDay(parsed.date), clock: formatClock(instantInHelsinki(parsed.date, parsed.clock)) });
}

function drawClash() {
  const clash = state.clash;
  if (!clash) return;
  const box = $('series-errors');
  const { failure, parsed, other } = clash;
  const rule = failure.violations[0]?.rule ?? null;
  box.setAttribute('data-summary', '');
  box.classList.add('clash');
  box.dataset.rule = rule ?? 'conflict';
  const time = clashTime(parsed);
  const parts = [element('p', { className: 'clash-title' },
    element('strong', { textContent: rule === 'double-booking' ? t('planning.clash.title') : t('planning.clash.conflict') }))];
  if (rule === 'double-booking' && time && parsed.visitId) {
    parts.push(element('p', { className: 'clash-time', textContent: t('planning.clash.visit', { time }) }));
  } else if (rule === 'double-booking' && time && parsed.absenceId) {
    parts.push(element('p', { className: 'clash-time', textContent: t('planning.clash.absence', { time }) }));
  } else {
    parts.push(element('p', { textContent: describeError(failure) }));
  }
  if (other) {
    const when = `${formatDay(dateInHelsinki(other.startsAt))} ${formatClock(other.startsAt)}–${formatClock(other.endsAt)}`;
    const pair = [other.artsProfessionalName, other.careProfessionalName].filter(Boolean).join(' & ');
    const show = element('button', { type: 'button', id: 'series-clash-show', className: 'button secondary',
      textContent: t('planning.clash.show') });
    show.addEventListener('click', () => showInCalendar({ siteId: other.siteId, date: dateInHelsinki(other.startsAt), highlight: other.id }));
    const described = element('p', { className: 'clash-visit' },
      element('strong', { textContent: `${t('planning.clash.other')}: ` }),
      [other.groupName, other.siteName, when, pair].filter(Boolean).join(' · '));
    described.dataset.visitId = other.id;
    parts.push(described, show);
  } else if (parsed.visitId) {
    parts.push(element('p', { textContent: t('planning.clash.other-unreadable') }));
  }
  parts.push(element('p', { className: 'hint', textContent: t('planning.clash.hint') }));
  box.replaceChildren(...parts);
  box.hidden = false;
}

// --- A language change redraws what was built from data ---

function redraw() {
  drawScope();
  fillFilters();
  fillSeriesForm();
  if (state.loaded) drawWeek();
  else drawWeekLabel();
  drawPreview();
  drawClash();
  if (!$('series-saved').hidden) drawSaved();
}

function drawScope() {
  $('planning-scope').textContent = t(hasAnyRole(me, ['coordinator']) ? 'planning.scope.all' : 'planning.scope.own');
}

// --- The page starts here, once every function and variable above exists ---

async function start() {
  $('planning-message').hidden = true;
  $('planning-page').hidden = false;
  readAddress();
  drawScope();
  drawWeekLabel();
  $('planning-filters').addEventListener('submit', applyFilters);
  $('week-prev').addEventListener('click', () => setWeek(addDays(state.week, -7)));
  $('week-next').addEventListener('click', () => setWeek(addDays(state.week, 7)));
  $('week-this').addEventListener('click', () => setWeek(mondayOf(todayInHelsinki())));
  const form = $('series-form');
  form.addEventListener('submit', (event) => {
    event.preventDefault(); // Enter in a field previews; only the Save button saves
    send('preview');
  });
  $('series-save').addEventListener('click', () => send('save'));
  form.addEventListener('input', markPreviewStale);
  form.addEventListener('change', markPreviewStale);
  $('preview-show-week').addEventListener('click', () => {
    const first = state.preview?.answer.visits[0];
    if (first) showInCalendar({ siteId: state.preview.siteId ?? '', pairId: state.preview.siteId ? '' : state.preview.body.pairId, date: first.date });
  });
  document.addEventListener(LANGUAGE_CHANGED, redraw);
  window.addEventListener('hashchange', () => {
    if (!window.location.hash.includes('week=')) return;
    readAddress();
    fillFilters();
    refreshWeek();
  });

  // The stream opens first, so that nothing that changes while the page loads goes unnoticed (a ward closure
  // moving visits, another planner's series).
  const refresh = debounce(() => state.week && refreshWeek());
  live = startLive({
    onEvent: (topic) => { if (topic === 'visit') refresh(); },
    onResumed: refresh,
    onRefused: checkStillSignedIn,
  });
  await loadChoices();
  fillFilters();
  fillSeriesForm();
  writeAddress();
  await refreshWeek();
}

const shell = await startShell({ current: 'planning' });
me = shell.me;
if (shell.error) {
  showMessage(describeError(shell.error), true);
  $('live-status').hidden = true;
} else if (!me) {
  showSignedOut();
} else if (!hasAnyRole(me, PLANNING_ROLES)) {
  showMessage(t('planning.no-access'), true);
  $('live-status').hidden = true;
} else {
  await start();
}
