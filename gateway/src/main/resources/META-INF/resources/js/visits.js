// "My visits": the page an artist or care professional works in, on a desktop or a tablet on the ward. Their visits
// (a coordinator: the network's) from two weeks back to four weeks ahead, by day, with moved and cancelled ones
// marked in words; the calendar feed's secret link to copy; recording a visit's session; and the before/after mood
// check of a recorded session. It refreshes the visits when the live stream says a visit or a session changed.
import {
  t, has, language, LANGUAGE_CHANGED, formatDate, formatDay, formatClock, formatDateClock, todayInHelsinki,
  dateInHelsinki, clockInHelsinki, instantInHelsinki, addDays,
} from './i18n.js';
import { get, post, withQuery, describeError, showViolations, clearViolations, ApiError, pageErrors } from './api.js';
import { startShell, hasAnyRole, PAIR_ROLES, element } from './shell.js';
import { startLive, debounce } from './live.js';

// Each section's failures: its error box, or the page's sign-in message for a user found signed out.
const { checkStillSignedIn, sectionError } = pageErrors(() => showSignedOut());

/** Who may use the page: the pair's two roles (their own visits) and the coordinator (every visit). */
const VISIT_ROLES = [...PAIR_ROLES, 'coordinator'];
const DAYS_BACK = 14;
const DAYS_AHEAD = 28;
/** The values of sessions-service's ArtForm (SessionRecordApi's artForms). */
const ART_FORMS = ['MUSIC', 'DANCE', 'VISUAL_ARTS', 'DRAMA', 'LITERATURE', 'PHOTOGRAPHY', 'CRAFTS'];
/** The shipped mood check and its two time points (outcomes-service's TimePoint). */
const MOOD_INSTRUMENT = 'session-mood';
const MOOD_POINTS = ['BEFORE_SESSION', 'AFTER_SESSION'];
/** The API's largest page; lists longer than this are read page by page, up to MAX_PAGES. */
const PAGE_SIZE = 100;
const MAX_PAGES = 20;
const MOVES_KEY = 'voimala.visit-moves';

const $ = (id) => document.getElementById(id);

const state = {
  today: null,
  from: null,
  to: null,
  visits: [], // /api/visits items, with what this page recorded merged in
  series: new Map(), // seriesId -> SeriesView, or null when it could not be read
  plans: new Map(), // seriesId -> {BEFORE_SESSION: version|null, AFTER_SESSION: version|null}, or null: no plan
  sites: new Map(), // siteId -> SiteView (only the sites the user's role reads in the register)
  recorded: new Map(), // visitId -> {id, held}: records made here that scheduling has not reported back yet
  moves: loadMoves(), // visitId -> {previousStartsAt, sequence}: from the live stream's visit.moved events
  instruments: null, // /api/instruments
  record: null, // the record form's visit and what was sent: {visit, participants, sentCodes, sentStaff, staff}
  mood: null, // the mood form's visit and what it shows
  feed: { active: null, url: null },
};

let me = null;
let live = null;

// --- Small helpers ---

/** A text of an instrument's definition ({fi, sv, en}) in the chosen language. */
const localized = (text, fallback = '') => (text && (text[language()] || text.fi || text.en)) || fallback;

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

const visitById = (id) => state.visits.find((visit) => visit.id === id);
const visitDate = (visit) => dateInHelsinki(visit.startsAt);
const seriesName = (visit) => visit.groupName || state.series.get(visit.seriesId)?.groupName || t('visits.unknown-series');
const siteName = (visit) => visit.siteName || t('visits.unknown-site');

/** When and where, in one line: "tiistai 8. joulukuuta 2026, 13.00–14.30 · Site · Series". */
const visitLine = (visit) => `${formatDay(visitDate(visit))}, ${formatClock(visit.startsAt)}–${formatClock(visit.endsAt)}`
  + ` · ${siteName(visit)} · ${seriesName(visit)}`;

/** Moved: the visit says its earlier time; else each move and cancellation raised its SEQUENCE. */
const wasMoved = (visit) => visit.status !== 'CANCELLED' && (Boolean(visit.previousStartsAt) || visit.sequence > 0);
const hasRecord = (visit) => Boolean(visit.sessionRecordId);
const hasStarted = (visit) => new Date(visit.startsAt).getTime() <= Date.now();
/** A visit whose session can be recorded: not cancelled, started, no record yet (sessions-service's rules). */
const isRecordable = (visit) => visit.status === 'SCHEDULED' && !hasRecord(visit) && hasStarted(visit);
const wasHeld = (visit) => visit.status === 'HELD' || state.recorded.get(visit.id)?.held === true;
const moodPlanned = (visit) => MOOD_POINTS.some((point) => state.plans.get(visit.seriesId)?.[point]);

/** The page's status of a visit, named in words on the page (status.*) and carried by data-status for the CSS. */
function statusOf(visit) {
  if (visit.status === 'CANCELLED') return 'cancelled';
  if (visit.status === 'HELD') return 'held';
  if (visit.status === 'MISSED') return 'missed';
  if (hasRecord(visit)) return state.recorded.get(visit.id)?.held === false ? 'missed' : 'held';
  if (hasStarted(visit)) return 'to-record';
  return 'scheduled';
}

function loadMoves() {
  try {
    return new Map(JSON.parse(sessionStorage.getItem(MOVES_KEY) || '[]'));
  } catch {
    return new Map();
  }
}

function rememberMove(data) {
  if (!data?.id || !data.previousStartsAt) return;
  state.moves.set(data.id, { previousStartsAt: data.previousStartsAt, sequence: data.sequence });
  try {
    sessionStorage.setItem(MOVES_KEY, JSON.stringify([...state.moves]));
  } catch {
    // kept for this page only
  }
}

/** The message of a violation as showViolations writes it: the dictionary's for its rule, else the server's. */
const ruleMessage = (violation) => (violation.rule && has(`rule.${violation.rule}`) ? t(`rule.${violation.rule}`)
  : violation.message);

/** A whole number from a number input; null when empty; NaN when what was typed is not a number. */
function wholeNumber(input) {
  if (input.validity.badInput) return Number.NaN;
  return input.value === '' ? null : Number(input.value);
}

/** What a consent covers on a date: what was given, less what a withdrawal from that date on or earlier stopped. */
function consentOn(participant, purpose, isoDate) {
  const stoppedBy = (participant.withdrawals ?? [])
    .filter((w) => w.withdrawnFrom <= isoDate && w.covers.includes(purpose));
  const given = (participant.consent?.covers ?? []).includes(purpose);
  return { covers: given && stoppedBy.length === 0, withdrawal: stoppedBy[0] ?? null };
}

/** Why a participant cannot be marked present, or measured, on the visit's date. */
function consentReason(consent, key) {
  if (!consent.withdrawal) return t(`${key}.not-given`);
  const reason = t(`${key}.withdrawn`, { date: formatDate(consent.withdrawal.withdrawnFrom) });
  return consent.withdrawal.note ? `${reason} (${consent.withdrawal.note})` : reason;
}

// --- Messages ---

function showMessage(text, alert = false) {
  const message = $('visits-message');
  message.setAttribute('role', alert ? 'alert' : 'status');
  message.removeAttribute('data-i18n');
  message.replaceChildren(text);
  message.hidden = false;
}

function showSignedOut() {
  showMessage(t('visits.signed-out'), true);
  if (!live) $('live-status').hidden = true;
  $('visits-message').append(' ', element('a', { id: 'visits-sign-in', href: '/login', textContent: t('shell.sign-in') }));
  $('visits-page').hidden = true;
  live?.stop();
}

// --- The visits: /api/visits, with the names of /api/series/{id}, /api/sites and the mood check's plans ---

let visitsRound = 0;

async function refreshVisits() {
  const round = ++visitsRound;
  state.today = todayInHelsinki();
  state.from = addDays(state.today, -DAYS_BACK);
  state.to = addDays(state.today, DAYS_AHEAD);
  try {
    const visits = await getAll('/api/visits', { from: state.from, to: state.to, sort: 'startsAt' });
    if (round !== visitsRound) return; // a newer refresh has started; its answer wins
    for (const visit of visits) {
      const mine = state.recorded.get(visit.id);
      if (visit.sessionRecordId) state.recorded.delete(visit.id);
      else if (mine) visit.sessionRecordId = mine.id; // recorded here; scheduling will say so shortly
    }
    state.visits = visits;
    sectionError('visits-error', null);
    drawVisits();
    await loadDetails(visits);
    if (round === visitsRound) drawVisits();
  } catch (failure) {
    if (round === visitsRound) {
      sectionError('visits-error', failure);
      $('visits').removeAttribute('aria-busy');
    }
  }
}

/** The series (art forms, planned sessions), sites (addresses) and mood-check plans the list needs, read once. */
async function loadDetails(visits) {
  const seriesIds = [...new Set(visits.map((visit) => visit.seriesId))];
  const newSeries = seriesIds.filter((id) => !state.series.has(id));
  const planned = [...new Set(visits.filter((visit) => wasHeld(visit) || isRecordable(visit)).map((v) => v.seriesId))]
    .filter((id) => !state.plans.has(id));
  await Promise.all([
    ...newSeries.map((id) => get(`/api/series/${encodeURIComponent(id)}`)
      .then((series) => state.series.set(id, series), () => state.series.set(id, null))),
    ...planned.map(loadPlan),
    sitesLoaded ? null : loadSites(),
  ]);
}

async function loadPlan(seriesId) {
  try {
    const plan = await get(`/api/measurement-plans/${encodeURIComponent(seriesId)}`);
    const pointOf = (timePoint) => plan.points.find((p) => p.instrumentKey === MOOD_INSTRUMENT && p.timePoint === timePoint);
    state.plans.set(seriesId, Object.fromEntries(MOOD_POINTS.map((tp) => [tp, pointOf(tp)?.instrumentVersion ?? null])));
  } catch (failure) {
    // 404: the series has no measurement plan, so no mood check; anything else: not offered now, asked again later
    if (failure instanceof ApiError && failure.status === 404) state.plans.set(seriesId, null);
  }
}

let sitesLoaded = false;

async function loadSites() {
  sitesLoaded = true;
  try {
    // Only what the user's role reads in the register: a coordinator every site, a professional their own
    // organisation's. The visit's own siteName is always shown; the address is added when known.
    for (const site of await getAll('/api/sites')) state.sites.set(site.id, site);
  } catch {
    // the visits still name their sites
  }
}

function drawRange() {
  const key = hasAnyRole(me, PAIR_ROLES) ? 'visits.range.own' : 'visits.range.all';
  $('visits-range').textContent = t(key, { from: formatDate(state.from), to: formatDate(state.to) });
}

function drawVisits() {
  if (!state.today) return;
  drawRange();
  const box = $('visits');
  // A redraw keeps the keyboard where it was: the same control of the same visit gets the focus back.
  const active = document.activeElement;
  const holder = active?.closest?.('[data-visit-id]');
  const keep = holder && box.contains(holder) ? { id: holder.dataset.visitId, className: active.classList[0] } : null;

  const coming = state.visits.filter((visit) => visitDate(visit) >= state.today);
  const past = state.visits.filter((visit) => visitDate(visit) < state.today).reverse();
  box.replaceChildren(period('coming', coming), period('past', past));
  box.removeAttribute('aria-busy');

  const toRecord = state.visits.filter(isRecordable);
  const notice = $('visits-to-record');
  notice.hidden = toRecord.length === 0;
  notice.replaceChildren();
  if (toRecord.length) {
    notice.append(t('visits.to-record', { count: toRecord.length }), ' ',
      element('a', { href: `#visit-${toRecord[0].id}`, textContent: t('visits.to-record.first') }));
  }
  if (keep) {
    const item = box.querySelector(`[data-visit-id="${CSS.escape(keep.id)}"]`);
    (keep.className && item?.querySelector(`.${CSS.escape(keep.className)}`))?.focus();
  }
}

/** A period (coming, past) as a heading and its days, each day a heading and a list of its visits. */
function period(id, visits) {
  const headingId = `visits-${id}-heading`;
  const section = element('section', { id: `visits-${id}`, className: 'visit-period' });
  section.setAttribute('aria-labelledby', headingId);
  section.append(element('h3', { id: headingId, textContent: t(`visits.${id}.heading`) }));
  if (!visits.length) {
    section.append(element('p', { className: 'hint', textContent: t(`visits.${id}.none`) }));
    return section;
  }
  const days = new Map();
  // On the ward the first question is "anything today?": today is always shown, also when it has no visits.
  if (id === 'coming' && visitDate(visits[0]) !== state.today) days.set(state.today, []);
  for (const visit of visits) {
    const day = visitDate(visit);
    if (!days.has(day)) days.set(day, []);
    days.get(day).push(visit);
  }
  for (const [day, ofDay] of days) {
    const dayId = `day-${day}`;
    const daySection = element('section', { className: 'visit-day' });
    daySection.setAttribute('aria-labelledby', dayId);
    const heading = element('h4', { id: dayId, textContent: formatDay(day) });
    if (day === state.today) heading.append(' ', element('span', { className: 'today-mark', textContent: t('visits.today') }));
    daySection.append(heading, ofDay.length ? element('ul', { className: 'visit-list' }, ...ofDay.map(visitItem))
      : element('p', { className: 'hint', textContent: t('visits.today.none') }));
    section.append(daySection);
  }
  return section;
}

function visitItem(visit) {
  const status = statusOf(visit);
  const item = element('li', { id: `visit-${visit.id}`, className: 'visit' });
  item.dataset.visitId = visit.id;
  item.dataset.status = status;
  if (wasMoved(visit)) item.dataset.moved = 'true';
  const titleId = `visit-${visit.id}-title`;
  const article = element('article', { className: 'visit-card' });
  article.setAttribute('aria-labelledby', titleId);

  const time = (instant) => {
    const el = element('time', { textContent: formatClock(instant) });
    el.dateTime = instant;
    return el;
  };
  const title = element('h5', { id: titleId, className: 'visit-title' },
    element('span', { className: 'visit-time' }, time(visit.startsAt), '–', time(visit.endsAt)),
    ' ', element('span', { className: 'visit-site', textContent: siteName(visit) }));
  article.append(title);

  const series = state.series.get(visit.seriesId);
  const ordinal = series ? t('visits.ordinal.of', { n: visit.ordinal, of: series.plannedSessions })
    : t('visits.ordinal', { n: visit.ordinal });
  article.append(element('p', { className: 'visit-series' },
    element('span', { className: 'visually-hidden', textContent: `${t('visits.series')}: ` }),
    `${seriesName(visit)} · ${ordinal}`));

  const site = state.sites.get(visit.siteId);
  const address = site && [site.street, [site.postalCode, site.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  if (address) article.append(element('p', { className: 'visit-address', textContent: `${t('visits.address')}: ${address}` }));

  const pair = [visit.artsProfessionalName, visit.careProfessionalName].filter(Boolean).join(' & ');
  if (pair) article.append(element('p', { className: 'visit-pair', textContent: `${t('visits.pair')}: ${pair}` }));

  article.append(element('p', { className: 'visit-status' },
    element('span', { className: 'visually-hidden', textContent: `${t('visits.status')}: ` }),
    element('span', { className: 'status-badge', textContent: t(`status.${status}`) })));

  for (const flag of flagsOf(visit)) article.append(flag);

  const actions = element('div', { className: 'visit-actions' });
  if (isRecordable(visit)) {
    const button = element('button', { type: 'button', className: 'record-session', textContent: t('visits.record') });
    button.setAttribute('aria-describedby', titleId);
    button.addEventListener('click', () => openRecord(visit.id));
    actions.append(button);
  }
  if (wasHeld(visit) && hasRecord(visit) && moodPlanned(visit)) {
    const button = element('button', { type: 'button', className: 'mood-check button secondary', textContent: t('visits.mood') });
    button.setAttribute('aria-describedby', titleId);
    button.addEventListener('click', () => openMood(visit.id));
    actions.append(button);
  }
  if (actions.childElementCount) article.append(actions);
  item.append(article);
  return item;
}

/** Moved and cancelled visits, and the reason of an added one, in words (the colour and symbol only repeat them). */
function flagsOf(visit) {
  const flags = [];
  const flag = (kind, label, ...details) => element('p', { className: `visit-flag flag-${kind}` },
    element('strong', { textContent: label }), ...details.filter(Boolean).map((text) => ` ${text}`));
  const reason = visit.statusReason ? t('visits.reason', { reason: visit.statusReason }) : null;
  if (visit.status === 'CANCELLED') {
    flags.push(flag('cancelled', t('visits.flag.cancelled'), reason));
  } else if (wasMoved(visit)) {
    const move = visit.previousStartsAt ? { previousStartsAt: visit.previousStartsAt } : state.moves.get(visit.id);
    const before = move ? t('visits.moved-from', { time: formatDateClock(move.previousStartsAt) }) : null;
    flags.push(flag('moved', t('visits.flag.moved'), reason, before));
  } else if (visit.statusReason) {
    flags.push(flag('added', t('visits.flag.added'), reason));
  }
  return flags;
}

// --- Recording a session: POST /api/session-records ---

function openRecord(visitId) {
  const visit = visitById(visitId);
  if (!visit) return;
  closeMood(false);
  const form = $('record-form');
  form.reset();
  clearViolations(form);
  state.record = { visit, participants: [], sentCodes: [], sentStaff: [], staff: new Map(), found: [] };
  $('record-done').hidden = true;
  $('record-done').replaceChildren();
  form.hidden = false;
  $('record-section').hidden = false;
  drawRecordVisit();
  $('record-started-at').value = clockInHelsinki(visit.startsAt);
  $('record-ended-at').value = clockInHelsinki(visit.endsAt);
  drawArtForms(state.series.get(visit.seriesId)?.artForms ?? []);
  drawStaff();
  searchStaff();
  toggleHeld();
  $('record-section').scrollIntoView({ block: 'start' });
  $('record-heading').focus();
  loadParticipants(visit);
}

function drawRecordVisit() {
  const visit = state.record?.visit;
  if (!visit) return;
  $('record-visit').textContent = visitLine(visit);
  $('record-times-hint').textContent = t('record.times.hint', { date: formatDate(visitDate(visit)),
    start: formatClock(visit.startsAt), end: formatClock(visit.endsAt) });
}

function toggleHeld() {
  const held = $('record-form').elements.held.value !== 'false';
  $('record-held-part').hidden = !held;
  $('record-not-held').hidden = held;
}

async function loadParticipants(visit) {
  const status = $('record-participants-status');
  status.textContent = t('record.participants.loading');
  $('record-participant-list').replaceChildren();
  try {
    const participants = await getAll('/api/participants', { seriesId: visit.seriesId });
    if (state.record?.visit.id !== visit.id) return;
    state.record.participants = participants;
    drawParticipants();
  } catch (failure) {
    if (state.record?.visit.id === visit.id) status.textContent = describeError(failure);
  }
}

/** A checkbox per enrolled code; one whose consent to take part does not cover the visit's date is disabled. */
function drawParticipants() {
  const record = state.record;
  const list = $('record-participant-list');
  const checked = new Set([...list.querySelectorAll('input:checked')].map((input) => input.value));
  const date = visitDate(record.visit);
  list.replaceChildren(...record.participants.map((participant, index) => {
    const id = `record-participant-${index}`;
    const consent = consentOn(participant, 'PARTICIPATION', date);
    const input = element('input', { type: 'checkbox', id, name: 'participantCodes', value: participant.code,
      checked: consent.covers && checked.has(participant.code), disabled: !consent.covers });
    const box = element('div', { className: 'choice' }, input,
      element('label', { htmlFor: id, className: 'code', textContent: participant.code }));
    box.setAttribute('data-error-anchor', '');
    if (!consent.covers) {
      const why = element('p', { id: `${id}-why`, className: 'choice-note', textContent: consentReason(consent, 'record.consent') });
      input.setAttribute('aria-describedby', why.id);
      box.append(why);
    }
    return box;
  }));
  $('record-participants-status').textContent = record.participants.length ? ''
    : t('record.participants.none');
}

function drawArtForms(chosen) {
  const list = $('record-art-form-list');
  const checked = list.childElementCount
    ? new Set([...list.querySelectorAll('input:checked')].map((input) => input.value)) : new Set(chosen);
  list.replaceChildren(...ART_FORMS.map((value) => {
    const id = `record-art-form-${value}`;
    const label = element('label', { htmlFor: id, textContent: t(`art.${value}`) });
    label.dataset.i18n = `art.${value}`;
    const box = element('div', { className: 'choice' },
      element('input', { type: 'checkbox', id, name: 'artForms', value, checked: checked.has(value) }), label);
    box.setAttribute('data-error-anchor', '');
    return box;
  }));
}

// Care staff present: the professionals of the site's organisation, not the visit's pair, as sessions-service offers
// them for this visit (GET /api/session-records/staff-candidates); the search box narrows them by name.

let staffRound = 0;

async function searchStaff() {
  const record = state.record;
  if (!record) return;
  const text = $('record-staff-search').value.trim();
  const round = ++staffRound;
  const status = $('record-staff-status');
  status.textContent = t('record.staff.searching');
  try {
    record.candidates ??= await get(withQuery('/api/session-records/staff-candidates', { visitId: record.visit.id }));
    if (round !== staffRound || state.record !== record) return;
    const needle = text.toLocaleLowerCase();
    record.found = record.candidates.filter((person) => !needle || person.name.toLocaleLowerCase().includes(needle));
    drawStaff();
    status.textContent = record.found.length ? t('record.staff.found', { count: record.found.length }) : t('record.staff.none');
  } catch (failure) {
    if (round === staffRound) status.textContent = describeError(failure);
  }
}

/** The chosen staff first (checked), then the last search's others; a change only updates what is chosen. */
function drawStaff() {
  const record = state.record;
  const list = $('record-staff-list');
  const people = [...record.staff.values(), ...record.found.filter((p) => !record.staff.has(p.id))];
  list.replaceChildren(...people.map((person) => {
    const id = `record-staff-${person.id}`;
    const input = element('input', { type: 'checkbox', id, name: 'staffProfessionalIds', value: person.id,
      checked: record.staff.has(person.id) });
    input.addEventListener('change', () => {
      if (input.checked) record.staff.set(person.id, person);
      else record.staff.delete(person.id);
    });
    const box = element('div', { className: 'choice' }, input,
      element('label', { htmlFor: id, textContent: person.name }));
    box.setAttribute('data-error-anchor', '');
    return box;
  }));
}

let recording = false;

async function submitRecord(event) {
  event.preventDefault();
  const record = state.record;
  if (!record || recording) return;
  const form = $('record-form');
  const { visit } = record;
  const held = form.elements.held.value !== 'false';
  const text = (name) => form.elements[name].value.trim() || null;
  const body = { visitId: visit.id, held };
  const local = [];
  if (held) {
    const date = visitDate(visit);
    const instant = (input) => (input.value ? instantInHelsinki(date, input.value).toISOString() : null);
    body.startedAt = instant($('record-started-at'));
    body.endedAt = instant($('record-ended-at'));
    record.sentCodes = [...form.querySelectorAll('input[name="participantCodes"]:checked')].map((input) => input.value);
    body.participantCodes = record.sentCodes;
    body.extraAttendees = wholeNumber($('record-extra-attendees'));
    record.sentStaff = [...form.querySelectorAll('input[name="staffProfessionalIds"]:checked')].map((input) => input.value);
    body.staffProfessionalIds = record.sentStaff;
    body.otherStaffCount = wholeNumber($('record-other-staff'));
    body.artForms = [...form.querySelectorAll('input[name="artForms"]:checked')].map((input) => input.value);
    body.methods = $('record-methods').value.split(',').map((method) => method.trim()).filter(Boolean);
    for (const name of ['extraAttendees', 'otherStaffCount']) {
      if (Number.isNaN(body[name])) local.push({ field: name, rule: 'whole-number', message: t('rule.whole-number') });
    }
  } else {
    body.notHeldReason = text('notHeldReason');
  }
  body.observations = text('observations');
  body.reflection = text('reflection');
  if (local.length) {
    showRecordProblems({ violations: local });
    return;
  }

  recording = true;
  form.setAttribute('aria-busy', 'true');
  try {
    const saved = await post('/api/session-records', body);
    clearViolations(form);
    state.recorded.set(visit.id, { id: saved.id, held: saved.held });
    visit.sessionRecordId = saved.id;
    recordDone(visit, saved);
    drawVisits();
    if (saved.held) loadDetails([visit]).then(drawVisits); // the mood check's plan, when not read yet
  } catch (failure) {
    if (!(failure instanceof ApiError)) throw failure;
    if (failure.status === 409) {
      showRecordProblems({ violations: [{ message: t('record.already') }] });
      refreshVisits();
    } else {
      showRecordProblems(failure);
    }
  } finally {
    recording = false;
    form.removeAttribute('aria-busy');
  }
}

/** Each violation beside its control; indexed fields to the code, person or text they name; the rest at the top. */
function showRecordProblems(error) {
  const form = $('record-form');
  const record = state.record;
  const byValue = (name, value) => (value === undefined ? null
    : [...form.querySelectorAll(`input[name="${name}"]`)].find((input) => input.value === value) ?? null);
  // At the top, a problem of a whole list is named by the list's legend, and one of the visit by nothing more.
  const legends = { participantCodes: 'record-participants', staffProfessionalIds: 'record-staff', artForms: 'record-art-forms' };
  const named = (violation) => {
    if (violation.field === 'visitId') return { rule: violation.rule, message: violation.message };
    const legend = $(legends[violation.field] ?? '')?.querySelector('legend');
    return legend ? { rule: null, message: `${legend.textContent}: ${ruleMessage(violation)}` } : violation;
  };
  const violations = (error.violations ?? []).map(named);
  showViolations(form, violations.length ? { ...error, violations } : error, {
    summary: $('record-errors'),
    controlFor: (field) => {
      let match = field.match(/^participantCodes\[(\d+)\]$/);
      if (match) return byValue('participantCodes', record.sentCodes[Number(match[1])]);
      match = field.match(/^staffProfessionalIds\[(\d+)\]$/);
      if (match) return byValue('staffProfessionalIds', record.sentStaff[Number(match[1])]);
      if (/^methods\[\d+\]$/.test(field)) return form.elements.methods;
      if (/^artForms\[.*\]$/.test(field)) return form.querySelector('input[name="artForms"]');
      // A whole list (or the visit itself) has no one control: listed at the top.
      if (['participantCodes', 'staffProfessionalIds', 'artForms', 'visitId'].includes(field)) return null;
      return undefined;
    },
  });
}

function recordDone(visit, saved) {
  const form = $('record-form');
  form.hidden = true;
  const done = $('record-done');
  const what = saved.held
    ? t('record.done.held', { participants: saved.participants.length, extra: saved.extraAttendees })
    : t('record.done.not-held');
  done.replaceChildren(element('p', { className: 'done-title', textContent: t('record.done') }),
    element('p', { textContent: `${visitLine(visit)}. ${what}` }));
  const actions = element('div', { className: 'form-actions' });
  if (saved.held && saved.participants.length) {
    const mood = element('button', { type: 'button', id: 'record-to-mood', textContent: t('record.done.mood') });
    mood.addEventListener('click', () => openMood(visit.id));
    actions.append(mood);
  }
  const back = element('button', { type: 'button', id: 'record-back', className: 'button secondary',
    textContent: t('record.done.back') });
  back.addEventListener('click', () => closeRecord());
  actions.append(back);
  done.append(actions);
  done.hidden = false;
  done.focus();
}

/** Closes the record form; the focus goes back to the visit it was opened from. */
function closeRecord(focusBack = true) {
  const visitId = state.record?.visit.id;
  state.record = null;
  $('record-section').hidden = true;
  if (focusBack && visitId) focusVisit(visitId);
}

function focusVisit(visitId) {
  const item = $('visits').querySelector(`[data-visit-id="${CSS.escape(visitId)}"]`);
  const target = item?.querySelector('button') ?? item?.querySelector('h5');
  if (target && !target.matches('button')) target.tabIndex = -1;
  target?.focus();
}

// --- The mood check before and after a session: POST /api/measurements, instrument session-mood ---

async function openMood(visitId) {
  const visit = visitById(visitId);
  if (!visit) return;
  closeRecord(false);
  const form = $('mood-form');
  clearViolations(form);
  state.mood = { visit, people: [], instrument: null, points: [], saved: new Map() };
  $('mood-done').hidden = true;
  $('mood-done').textContent = '';
  $('mood-participants').replaceChildren();
  $('mood-question').textContent = '';
  $('mood-visit').textContent = visitLine(visit);
  $('mood-status').textContent = t('common.loading');
  $('mood-submit').hidden = true;
  $('mood-section').hidden = false;
  $('mood-section').scrollIntoView({ block: 'start' });
  $('mood-heading').focus();
  try {
    const mood = state.mood;
    if (!state.plans.has(visit.seriesId)) await loadPlan(visit.seriesId);
    const plan = state.plans.get(visit.seriesId);
    mood.points = MOOD_POINTS.filter((point) => plan?.[point]);
    const version = plan?.[mood.points[0]];
    const [record, participants, instruments, measurements] = await Promise.all([
      get(`/api/session-records/${encodeURIComponent(visit.sessionRecordId)}`),
      getAll('/api/participants', { seriesId: visit.seriesId }),
      state.instruments ?? get('/api/instruments'),
      getAll('/api/measurements', { seriesId: visit.seriesId, visitId: visit.id, instrumentKey: MOOD_INSTRUMENT }),
    ]);
    if (state.mood !== mood) return;
    state.instruments = instruments;
    mood.instrument = instruments.find((i) => i.key === MOOD_INSTRUMENT && i.version === version)
      ?? instruments.filter((i) => i.key === MOOD_INSTRUMENT).sort((a, b) => b.version - a.version)[0] ?? null;
    const byCode = new Map(participants.map((p) => [p.code, p]));
    mood.people = record.participants.map((present) => ({ code: present.code, participant: byCode.get(present.code) }));
    // This visit's mood checks (asked by visit; the test of visitId stays as a guard).
    for (const m of measurements) {
      if (m.visitId === visit.id && m.participantCode) mood.saved.set(`${m.timePoint} ${m.participantCode}`, m);
    }
    drawMood();
  } catch (failure) {
    $('mood-status').textContent = describeError(failure);
  }
}

const moodName = (timePoint, code) => `mood-${timePoint}-${code}`;

/** A fieldset per participant present, in it a radio group of the five faces for each planned time point. */
function drawMood() {
  const mood = state.mood;
  if (!mood) return;
  const status = $('mood-status');
  const definition = mood.instrument?.definition;
  if (!mood.points.length || !definition) {
    status.textContent = t('mood.not-planned');
    $('mood-participants').replaceChildren();
    $('mood-submit').hidden = true;
    return;
  }
  if (!mood.people.length) {
    status.textContent = t('mood.nobody');
    $('mood-submit').hidden = true;
    return;
  }
  const chosen = new Map([...$('mood-form').querySelectorAll('input[type="radio"]:checked')]
    .map((input) => [input.name, input.value]));
  const item = definition.items[0];
  $('mood-question').textContent = t('mood.question', { question: localized(item.text, item.id) });
  const date = visitDate(mood.visit);
  $('mood-participants').replaceChildren(...mood.people.map(({ code, participant }, index) => {
    const personId = `mood-person-${index}`;
    const fieldset = element('fieldset', { id: personId, className: 'group mood-person' },
      element('legend', { textContent: t('mood.participant', { code }) }));
    fieldset.dataset.participantCode = code;
    const consent = participant ? consentOn(participant, 'MEASUREMENTS', date) : { covers: true, withdrawal: null };
    let why = null;
    if (!consent.covers) {
      why = element('p', { id: `${personId}-why`, className: 'choice-note', textContent: consentReason(consent, 'mood.consent') });
      fieldset.append(why);
    }
    const saved = mood.points.filter((timePoint) => mood.saved.has(`${timePoint} ${code}`));
    // Without consent to measurements nothing is asked; answers saved before a withdrawal are still shown.
    const shown = consent.covers ? mood.points : saved;
    if (shown.length) {
      const points = element('div', { className: 'mood-points' });
      for (const timePoint of shown) {
        points.append(moodPoint(timePoint, code, index, definition, { chosen, why, disabled: !consent.covers }));
      }
      fieldset.append(points);
    }
    return fieldset;
  }));
  const open = $('mood-participants').querySelectorAll('input[type="radio"]:not(:disabled)').length;
  $('mood-submit').hidden = open === 0;
  status.textContent = open === 0 ? t('mood.all-saved') : '';
}

function moodPoint(timePoint, code, index, definition, { chosen, why, disabled }) {
  const mood = state.mood;
  const name = moodName(timePoint, code);
  const saved = mood.saved.get(`${timePoint} ${code}`);
  const savedValue = saved?.answers?.[definition.items[0].id];
  const pointId = `mood-${index}-${timePoint}`;
  const fieldset = element('fieldset', { id: pointId, className: 'mood-point' },
    element('legend', { textContent: t(`mood.${timePoint}`) }));
  fieldset.dataset.timePoint = timePoint;
  const faces = element('div', { className: 'choices faces' });
  faces.setAttribute('data-error-anchor', '');
  for (const label of definition.scale.labels) {
    const id = `${pointId}-${label.value}`;
    const input = element('input', { type: 'radio', id, name, value: String(label.value),
      checked: saved ? savedValue === label.value : chosen.get(name) === String(label.value),
      disabled: disabled || Boolean(saved) });
    if (why) input.setAttribute('aria-describedby', why.id);
    faces.append(element('div', { className: 'choice face' }, input,
      element('label', { htmlFor: id }, face(label.value, definition.scale),
        element('span', { className: 'face-text', textContent: localized(label.text, String(label.value)) }))));
  }
  fieldset.append(faces);
  if (saved) {
    fieldset.dataset.saved = 'true';
    fieldset.append(element('p', { className: 'saved-note', textContent: t('mood.saved', { by: saved.recordedBy }) }));
  }
  return fieldset;
}

const SVG = 'http://www.w3.org/2000/svg';

/** A face for a value of the scale, from a deep frown (min) to a wide smile (max); decoration beside its words. */
function face(value, scale) {
  const share = (value - scale.min) / Math.max(1, scale.max - scale.min); // 0 … 1
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 40 40');
  svg.setAttribute('class', 'face-icon');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const shape = (tag, attributes) => {
    const el = document.createElementNS(SVG, tag);
    for (const [key, val] of Object.entries(attributes)) el.setAttribute(key, val);
    svg.append(el);
  };
  shape('circle', { cx: 20, cy: 20, r: 18, class: 'face-head' });
  shape('circle', { cx: 14, cy: 16, r: 2.2, class: 'face-feature' });
  shape('circle', { cx: 26, cy: 16, r: 2.2, class: 'face-feature' });
  const bend = Math.round((share - 0.5) * 20); // −10 (frown) … +10 (smile)
  shape('path', { d: `M11 ${27 - bend / 3} Q20 ${27 + bend} 29 ${27 - bend / 3}`, class: 'face-mouth' });
  return svg;
}

let measuring = false;

/** Each answered, not yet saved time point as one measurement; what failed is shown beside its faces. */
async function submitMood(event) {
  event.preventDefault();
  const mood = state.mood;
  if (!mood || measuring || !mood.instrument) return;
  const form = $('mood-form');
  const itemId = mood.instrument.definition.items[0].id;
  const asks = [];
  for (const person of mood.people) {
    for (const timePoint of mood.points) {
      const input = form.querySelector(`input[name="${CSS.escape(moodName(timePoint, person.code))}"]:checked:not(:disabled)`);
      if (input) asks.push({ person, timePoint, value: Number(input.value) });
    }
  }
  clearViolations(form);
  $('mood-done').hidden = true;
  if (!asks.length) {
    showViolations(form, { violations: [{ message: t('mood.nothing') }] }, { summary: $('mood-errors') });
    return;
  }
  measuring = true;
  form.setAttribute('aria-busy', 'true');
  const problems = [];
  let savedCount = 0;
  for (const { person, timePoint, value } of asks) {
    const name = moodName(timePoint, person.code);
    try {
      const saved = await post('/api/measurements', {
        seriesId: mood.visit.seriesId, instrumentKey: MOOD_INSTRUMENT, timePoint, visitId: mood.visit.id,
        participantCode: person.code, measuredOn: visitDate(mood.visit), answers: { [itemId]: value },
      });
      mood.saved.set(`${timePoint} ${person.code}`, saved);
      savedCount += 1;
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      const where = t('mood.where', { code: person.code, point: t(`mood.${timePoint}`) });
      const violations = failure.violations.length ? failure.violations : [{ message: describeError(failure) }];
      for (const violation of violations) {
        // The answer and the person are this radio group; anything else of the request is listed at the top.
        const own = violation.field === `answers.${itemId}` || violation.field === 'participantCode';
        problems.push(own ? { field: name, rule: violation.rule, message: violation.message }
          : { message: `${where}: ${ruleMessage(violation)}` });
      }
    }
  }
  measuring = false;
  form.removeAttribute('aria-busy');
  drawMood(); // the saved ones now shown as saved; the rest keep their choice
  const done = $('mood-done');
  done.textContent = problems.length ? t('mood.done.partly', { saved: savedCount, failed: asks.length - savedCount })
    : t('mood.done', { saved: savedCount });
  done.dataset.state = problems.length ? 'partly' : 'done';
  done.hidden = false;
  if (problems.length) showViolations(form, { violations: problems }, { summary: $('mood-errors') });
}

function closeMood(focusBack = true) {
  const visitId = state.mood?.visit.id;
  state.mood = null;
  $('mood-section').hidden = true;
  if (focusBack && visitId) focusVisit(visitId);
}

// --- The calendar feed: /api/calendar-feeds ---

async function loadFeed() {
  if (!hasAnyRole(me, PAIR_ROLES)) return; // a coordinator has no visits of their own to subscribe to
  $('feed').hidden = false;
  try {
    const page = await get(withQuery('/api/calendar-feeds', { active: true, size: 1 }));
    state.feed.active = page.items[0] ?? null;
  } catch (failure) {
    sectionError('feed-error', failure);
  }
  drawFeed();
}

function drawFeed() {
  const { active, url, replaced } = state.feed;
  $('feed-state').textContent = url ? t(replaced ? 'feed.state.renewed' : 'feed.state.new', { time: formatDateClock(active.createdAt) })
    : active ? t('feed.state.active', { time: formatDateClock(active.createdAt) }) : t('feed.state.none');
  const button = $('feed-create');
  button.dataset.i18n = active ? 'feed.renew' : 'feed.create';
  button.textContent = t(button.dataset.i18n);
  $('feed-result').hidden = !url;
  $('feed-url').value = url ?? '';
}

async function createFeed(event) {
  event.preventDefault();
  sectionError('feed-error', null);
  try {
    const feed = await post('/api/calendar-feeds', {});
    state.feed = { active: { id: feed.id, createdAt: feed.createdAt }, url: feed.url, replaced: Boolean(state.feed.active) };
    $('feed-copied').textContent = '';
    drawFeed();
    $('feed-url').focus();
    $('feed-url').select();
  } catch (failure) {
    sectionError('feed-error', failure);
  }
}

/** Copies the link; where the clipboard cannot be written, the text is selected for the user to copy. */
async function copyFeed() {
  const input = $('feed-url');
  const said = $('feed-copied');
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
    await navigator.clipboard.writeText(input.value);
    said.textContent = t('feed.copied');
  } catch {
    input.focus();
    input.select();
    input.setSelectionRange(0, input.value.length);
    said.textContent = t('feed.copy-yourself');
  }
}

// --- A language change redraws what was built from data ---

function redraw() {
  drawVisits();
  if (state.record) {
    drawRecordVisit();
    drawParticipants();
    drawArtForms([]);
    drawStaff();
  }
  if (state.mood) {
    $('mood-visit').textContent = visitLine(state.mood.visit);
    drawMood();
  }
  if (hasAnyRole(me, PAIR_ROLES)) drawFeed();
}

// --- The page starts here, once every function and variable above exists ---

async function start() {
  $('visits-message').hidden = true;
  $('visits-page').hidden = false;
  $('record-form').addEventListener('submit', submitRecord);
  $('record-form').elements.held.forEach((radio) => radio.addEventListener('change', toggleHeld));
  $('record-cancel').addEventListener('click', () => closeRecord());
  const search = $('record-staff-search');
  const searchSoon = debounce(searchStaff, 350, 1000);
  search.addEventListener('input', () => { if (search.value.trim().length >= 2) searchSoon(); });
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault(); // Enter searches; it does not send the record
      searchStaff();
    }
  });
  $('record-staff-find').addEventListener('click', searchStaff);
  $('mood-form').addEventListener('submit', submitMood);
  $('mood-close').addEventListener('click', () => closeMood());
  $('feed-form').addEventListener('submit', createFeed);
  $('feed-copy').addEventListener('click', copyFeed);
  document.addEventListener(LANGUAGE_CHANGED, redraw);

  // The stream opens first, so that nothing that changes while the visits load goes unnoticed.
  const refresh = debounce(refreshVisits);
  live = startLive({
    onEvent: (topic, event) => {
      if (topic === 'visit') {
        if (event.type?.includes('.visit.moved.')) rememberMove(event.data);
        refresh();
      } else if (topic === 'session') {
        refresh();
      }
    },
    onResumed: refresh,
    onRefused: checkStillSignedIn,
  });
  await Promise.all([refreshVisits(), loadFeed()]);
}

const shell = await startShell({ current: 'visits' });
me = shell.me;
if (shell.error) {
  showMessage(describeError(shell.error), true);
  $('live-status').hidden = true;
} else if (!me) {
  showSignedOut();
} else if (!hasAnyRole(me, VISIT_ROLES)) {
  showMessage(t('visits.no-access'), true);
  $('live-status').hidden = true;
} else {
  await start();
}
