// Research: the page a researcher works in (a coordinator too). Every figure of the outcomes (/api/outcomes) and of
// their breakdown per target group or art form (/api/outcomes/breakdown) for the chosen season, target group, art form,
// organisation and instrument, suppressed figures shown as suppressed, never as 0; and the research exports as CSV
// files (/api/exports/long, /wide, /codebook), fetched with the session and saved, with the export log for the
// coordinator (/api/exports/log).
import {
  t, has, language, LANGUAGE_CHANGED, formatNumber, formatPercent, formatDateTime, todayInHelsinki,
} from './i18n.js';
import {
  get, getFile, saveFile, withQuery, describeError, showViolations, clearViolations, ApiError, pageErrors } from './api.js';
import { startShell, hasAnyRole, RESEARCH_ROLES, element } from './shell.js';
import { fillTable, fillHead, pager } from './figures.js';

// Each section's failures: its error box, or the page's sign-in message for a user found signed out.
const { sectionError } = pageErrors(() => showSignedOut());

// The values of outcomes-service's TargetGroup and ArtForm.
const TARGET_GROUPS = ['HOME_DWELLING_ELDERLY', 'DAY_GROUP_CLIENTS', 'HOUSING_UNIT_RESIDENTS', 'SENIOR_HOUSE_RESIDENTS',
  'RESPITE_CARE_RESIDENTS', 'WARD_PATIENTS'];
const ART_FORMS = ['MUSIC', 'DANCE', 'VISUAL_ARTS', 'DRAMA', 'LITERATURE', 'PHOTOGRAPHY', 'CRAFTS'];
const DOSE_BANDS = ['0-4', '5-9', '10-14', '15+'];
/** Roles that may list organisations (partners-service); a researcher may not, so they cannot filter by one. */
const ORGANISATION_READERS = ['coordinator'];
/** The filters of both outcome calls, as the form's controls are named (the API's query parameters). */
const FILTERS = ['season', 'targetGroup', 'artForm', 'organisationId', 'instrumentKey'];
const LOG_SIZE = 20;

const $ = (id) => document.getElementById(id);

/** What was last read, so a language change redraws without asking the services again. */
const state = {
  instruments: [], // the latest version of each instrument
  organisations: [], // /api/organisations items (coordinator)
  report: null, // /api/outcomes
  breakdown: null, // /api/outcomes/breakdown
  log: null, // /api/exports/log page
  saved: null, // {fileName, size} of the last export saved
};

let me = null;
let logPager = null;

// --- Messages ---

function showMessage(text, alert = false) {
  const message = $('research-message');
  message.setAttribute('role', alert ? 'alert' : 'status');
  message.removeAttribute('data-i18n');
  message.replaceChildren(text);
  message.hidden = false;
}

function showSignedOut() {
  showMessage(t('research.signed-out'), true);
  $('research-message').append(' ',
    element('a', { id: 'research-sign-in', href: '/login', textContent: t('shell.sign-in') }));
  $('research-page').hidden = true;
}

// --- Labels ---

/** A text of an instrument's definition ({fi, sv, en}) in the chosen language. */
const localized = (text, fallback) => (text && (text[language()] || text.fi || text.en)) || fallback;
const targetGroupName = (value) => (value == null ? t('tg.UNKNOWN') : has(`tg.${value}`) ? t(`tg.${value}`) : value);
const artFormName = (value) => (has(`art.${value}`) ? t(`art.${value}`) : value);
const instrumentOf = (key) => state.instruments.find((i) => i.key === key);
const instrumentName = (key) => localized(instrumentOf(key)?.definition?.name, key);
const scoreName = (instrumentKey, scoreKey) => localized(instrumentOf(instrumentKey)?.definition?.scores
  ?.find((s) => s.key === scoreKey)?.name, scoreKey);
const organisationName = (id) => state.organisations.find((o) => o.id === id)?.name ?? id;
const seasonName = (season) => t(`season.${season.slice(5)}`, { year: season.slice(0, 4) });
const subjectName = (type) => (has(`research.subject.${type}`) ? t(`research.subject.${type}`) : type);

/** The measure of a figure: "UCLA-3 – Yhteispistemäärä"; the instrument's name alone when its score has the same. */
const measureName = (o) => {
  const instrument = instrumentName(o.instrumentKey);
  const score = scoreName(o.instrumentKey, o.scoreKey);
  return score === instrument ? instrument : `${instrument} – ${score}`;
};

// --- The filters ---

function fillSeasons() {
  const year = Number(todayInHelsinki().slice(0, 4));
  const seasons = [];
  for (let y = year; y >= year - 2; y -= 1) seasons.push(`${y}-autumn`, `${y}-spring`);
  fillSelect($('research-season'), t('season.all'), seasons.map((s) => [s, seasonName(s)]));
}

/** Options [value, text] after an "all" option; the chosen value stays chosen when it is still offered. */
function fillSelect(select, allText, options) {
  const chosen = select.value;
  select.replaceChildren(element('option', { value: '', textContent: allText }),
    ...options.map(([value, text]) => element('option', { value, textContent: text })));
  select.value = options.some(([value]) => value === chosen) ? chosen : '';
}

function fillFilters() {
  fillSeasons();
  fillSelect($('research-target-group'), t('research.filter.all-target-groups'),
    TARGET_GROUPS.map((g) => [g, targetGroupName(g)]));
  fillSelect($('research-art-form'), t('research.filter.all-art-forms'), ART_FORMS.map((a) => [a, artFormName(a)]));
  fillSelect($('research-organisation'), t('research.filter.all-organisations'),
    state.organisations.map((o) => [o.id, o.name]));
  const instruments = state.instruments.map((i) => [i.key, localized(i.definition?.name, i.name ?? i.key)]);
  fillSelect($('research-instrument'), t('research.filter.all-instruments'), instruments);
  fillSelect($('export-instrument'), t('research.filter.all-instruments'), instruments);
}

/** The filters as chosen in the form, the empty ones left out by withQuery. */
function chosenFilters() {
  const form = $('research-filters');
  return Object.fromEntries(FILTERS.map((name) => [name, form.elements[name].value]));
}

/** The filters of the address (a bookmarked or shared view) into the form, once its options exist. */
function filtersFromAddress() {
  const query = new URLSearchParams(window.location.search);
  const form = $('research-filters');
  for (const name of FILTERS) {
    const control = form.elements[name];
    const value = query.get(name);
    if (value && [...control.options].some((option) => option.value === value)) control.value = value;
  }
  if (['targetGroup', 'artForm'].includes(query.get('by'))) $('research-by').value = query.get('by');
}

function filtersToAddress() {
  const query = withQuery(window.location.pathname, { ...chosenFilters(), by: $('research-by').value });
  window.history.replaceState(null, '', query);
}

/** The filters an answer says it applied, in words, for the tables' captions. */
function filtersText(filters) {
  if (!filters) return '';
  const parts = [];
  if (filters.season) parts.push(seasonName(filters.season));
  if (filters.targetGroup) parts.push(targetGroupName(filters.targetGroup));
  if (filters.artForm) parts.push(artFormName(filters.artForm));
  if (filters.organisationId) parts.push(organisationName(filters.organisationId));
  if (filters.instrumentKey) parts.push(instrumentName(filters.instrumentKey));
  return parts.length ? parts.join(', ') : t('research.filter.none');
}

// --- Reading: instruments, organisations ---

async function loadInstruments() {
  try {
    const all = await get('/api/instruments');
    const latest = new Map();
    for (const instrument of all) {
      if ((latest.get(instrument.key)?.version ?? -1) < instrument.version) latest.set(instrument.key, instrument);
    }
    state.instruments = [...latest.values()].sort((a, b) => a.key.localeCompare(b.key));
  } catch (failure) {
    sectionError('research-error', failure);
  }
}

async function loadOrganisations() {
  const mayList = hasAnyRole(me, ORGANISATION_READERS);
  $('research-organisation-field').hidden = !mayList;
  $('research-organisation-hint').hidden = mayList;
  if (!mayList) return;
  try {
    const items = [];
    for (let page = 0; page < 20; page += 1) {
      const answer = await get(withQuery('/api/organisations', { page, size: 100, sort: 'name' }));
      items.push(...answer.items);
      if (page + 1 >= answer.totalPages) break;
    }
    state.organisations = items;
  } catch (failure) {
    sectionError('research-error', failure);
  }
}

// --- Outcomes: /api/outcomes and /api/outcomes/breakdown ---

let outcomesRound = 0;

/** submitted: the user asked (the form); only then are the filters' problems shown beside them and focused. */
async function refreshOutcomes({ submitted = false } = {}) {
  const round = ++outcomesRound;
  const filters = chosenFilters();
  const form = $('research-filters');
  const [report, breakdown] = await Promise.allSettled([
    get(withQuery('/api/outcomes', filters)),
    get(withQuery('/api/outcomes/breakdown', { ...filters, by: $('research-by').value })),
  ]);
  if (round !== outcomesRound) return; // a newer refresh has started; its answers win
  state.report = report.value ?? null;
  state.breakdown = breakdown.value ?? null;
  const failure = report.reason ?? null;
  clearViolations(form);
  if (failure instanceof ApiError && failure.status === 422 && failure.violations.some((v) => v.field)) {
    sectionError('research-error', null);
    if (submitted) showViolations(form, failure);
  } else {
    sectionError('research-error', failure);
  }
  sectionError('research-breakdown-error', failure ? null : breakdown.reason ?? null);
  drawReport();
  drawBreakdown();
  drawDose();
}

let breakdownRound = 0;

async function refreshBreakdown() {
  const round = ++breakdownRound;
  try {
    const breakdown = await get(withQuery('/api/outcomes/breakdown', { ...chosenFilters(), by: $('research-by').value }));
    if (round !== breakdownRound) return;
    state.breakdown = breakdown;
    sectionError('research-breakdown-error', null);
  } catch (failure) {
    if (round !== breakdownRound) return;
    state.breakdown = null;
    sectionError('research-breakdown-error', failure);
  }
  drawBreakdown();
}

const FIGURE_COLUMNS = ['dash.col.people-measured', 'dash.col.n', 'dash.col.before', 'dash.col.after',
  'dash.col.change', 'research.col.sd', 'dash.col.ci', 'research.col.t', 'dash.col.p', 'dash.col.dz',
  'dash.col.mid-share'];
/** Measure, comparison and respondents name each figure. */
const MEASURE_COLUMNS = ['research.col.measure', 'research.col.comparison', 'research.col.subject'];

const ci = (o) => (o.ciLow == null ? '–' : `${formatNumber(o.ciLow, 2)} … ${formatNumber(o.ciHigh, 2)}`);
const pText = (p) => (p == null ? '–' : p < 0.001 ? `< ${formatNumber(0.001, 3)}` : formatNumber(p, 3));

/** The cells of one ScoreOutcome: its measure (a row header), then every figure, or "suppressed" across them. */
function outcomeCells(o) {
  const naming = [{ text: measureName(o), header: true }, t(`comparison.${o.comparison}`), subjectName(o.subjectType)];
  if (o.suppressed) {
    return [...naming, { text: t('suppressed'), colspan: FIGURE_COLUMNS.length, className: 'suppressed' }];
  }
  const n = (value, digits = 2, options) => ({ text: formatNumber(value, digits, options), numeric: true });
  return [...naming, n(o.people, 0), n(o.n, 0), n(o.meanBefore), n(o.meanAfter), n(o.meanChange, 2, { signed: true }),
    n(o.sdChange), { text: ci(o), numeric: true }, n(o.t), { text: pText(o.p), numeric: true }, n(o.effectSizeDz),
    { text: formatPercent(o.shareReachingMid), numeric: true }];
}

const headOf = (keys) => keys.map((key, i) => ({ text: t(key), numeric: i >= keys.length - FIGURE_COLUMNS.length }));

function drawReport() {
  const table = $('research-table');
  const r = state.report;
  const a = r?.attendance;
  const unlessSuppressed = (value, digits = 0) => (a?.suppressed ? t('suppressed.short') : formatNumber(value, digits));
  $('research-series').textContent = formatNumber(r?.series);
  $('research-sessions-planned').textContent = formatNumber(a?.sessionsPlanned);
  $('research-sessions-held').textContent = formatNumber(a?.sessionsHeld);
  $('research-participants').textContent = unlessSuppressed(a?.participants);
  $('research-mean-attended').textContent = unlessSuppressed(a?.meanSessionsAttended, 1);
  const what = r ? filtersText(r.filters) : t('dash.not-available');
  $('research-table-caption').textContent = `${t('research.table.caption')}: ${what}`;
  fillHead(table, headOf([...MEASURE_COLUMNS, ...FIGURE_COLUMNS]));
  const span = MEASURE_COLUMNS.length + FIGURE_COLUMNS.length;
  if (!r) {
    fillTable(table, [[{ text: t('dash.not-available'), colspan: span, className: 'no-data' }]]);
  } else if (!r.outcomes.length) {
    fillTable(table, [[{ text: t(r.series ? 'no-data' : 'no-series'), colspan: span, className: 'no-data' }]]);
  } else {
    fillTable(table, r.outcomes.map((o) => [...outcomeCells(o)]));
  }
}

/** A row per group and measure; a group with no series, or none with measurements, says so in a row of its own. */
function drawBreakdown() {
  const table = $('research-breakdown-table');
  const b = state.breakdown;
  const by = b?.by ?? $('research-by').value;
  const byGroup = by === 'targetGroup';
  const nameOf = byGroup ? targetGroupName : artFormName;
  $('research-breakdown-table-caption').textContent = `${t(`research.breakdown.caption.${by}`)}: `
    + `${b ? filtersText(b.filters) : t('dash.not-available')}`;
  const columns = [byGroup ? 'dash.col.target-group' : 'dash.col.art-form', 'research.col.series', ...MEASURE_COLUMNS,
    ...FIGURE_COLUMNS];
  fillHead(table, headOf(columns).map((c, i) => (i === 1 ? { ...c, numeric: true } : c)));
  const span = columns.length - 2;
  if (!b) {
    fillTable(table, [[{ text: t('dash.not-available'), colspan: columns.length, className: 'no-data' }]]);
    return;
  }
  // Every value of the dimension, unless the filters chose one of it; then the values the answer has beyond those.
  const chosen = b.filters?.[by];
  const values = chosen ? [chosen] : [...(byGroup ? TARGET_GROUPS : ART_FORMS)];
  for (const group of b.groups) if (!values.includes(group.value)) values.push(group.value);
  const rows = [];
  for (const value of values) {
    const group = b.groups.find((g) => g.value === value);
    const series = { text: formatNumber(group?.series ?? 0), numeric: true };
    if (!group || !group.outcomes.length) {
      rows.push([nameOf(value), series,
        { text: t(group ? 'no-data' : 'no-series'), colspan: span, className: 'no-data' }]);
    } else {
      for (const o of group.outcomes) rows.push([nameOf(value), series, ...outcomeCells(o)]);
    }
  }
  fillTable(table, rows);
}

function drawDose() {
  const table = $('research-dose-table');
  const r = state.report;
  fillHead(table, headOf(['dash.col.dose-band', ...MEASURE_COLUMNS, ...FIGURE_COLUMNS]));
  const span = 1 + MEASURE_COLUMNS.length + FIGURE_COLUMNS.length;
  if (!r || !r.byDose.length) {
    const none = !r ? 'dash.not-available' : r.series ? 'no-data' : 'no-series';
    fillTable(table, [[{ text: t(none), colspan: span, className: 'no-data' }]]);
    return;
  }
  const bands = [...r.byDose].sort((x, y) => DOSE_BANDS.indexOf(x.doseBand) - DOSE_BANDS.indexOf(y.doseBand));
  fillTable(table, bands.map((d) => [t('dash.dose.band', { band: d.doseBand.replace('-', '–') }),
    ...outcomeCells(d.outcome)]));
}

// --- Exports: /api/exports/{long,wide,codebook} as files ---

let exporting = false;

async function download(kind) {
  const form = $('export-form');
  if (exporting) return;
  clearViolations(form);
  const params = {
    seriesId: form.elements.seriesId.value.trim(),
    instrumentKey: form.elements.instrumentKey.value,
    measuredFrom: form.elements.measuredFrom.value,
    measuredTo: form.elements.measuredTo.value,
  };
  // What the browser already knows is wrong is said beside the field; the rest is the API's to judge.
  const local = [];
  for (const name of ['measuredFrom', 'measuredTo']) {
    if (form.elements[name].validity.badInput) local.push({ field: name, rule: 'date', message: t('rule.date') });
  }
  if (params.measuredFrom && params.measuredTo && params.measuredTo < params.measuredFrom) {
    local.push({ field: 'measuredTo', rule: 'not-before-from', message: t('rule.not-before-from') });
  }
  if (local.length) {
    showViolations(form, { violations: local }, { summary: $('export-errors') });
    return;
  }
  exporting = true;
  form.setAttribute('aria-busy', 'true');
  const status = $('export-status');
  state.saved = null;
  status.hidden = false;
  status.classList.remove('saved-note');
  status.textContent = t('research.exports.fetching', { kind: t(`research.kind.${kind}`) });
  try {
    const file = await getFile(withQuery(`/api/exports/${kind}`, params),
      { fallbackName: `voimala-outcomes-${kind}.csv` });
    saveFile(file.blob, file.fileName);
    state.saved = { fileName: file.fileName, size: file.blob.size };
    drawSaved();
    if (hasAnyRole(me, ['coordinator'])) refreshLog(0);
  } catch (failure) {
    if (!(failure instanceof ApiError)) throw failure;
    status.hidden = true;
    if (failure.signedOut) showSignedOut();
    else showViolations(form, failure, { summary: $('export-errors') });
  } finally {
    exporting = false;
    form.removeAttribute('aria-busy');
  }
}

function drawSaved() {
  const status = $('export-status');
  if (!state.saved) return;
  status.classList.add('saved-note');
  status.textContent = t('research.exports.saved', { file: state.saved.fileName,
    size: formatNumber(Math.max(0.1, state.saved.size / 1024), 1) });
}

// --- The export log: /api/exports/log (coordinators) ---

let logRound = 0;

async function refreshLog(page = state.log?.page ?? 0) {
  const round = ++logRound;
  try {
    const answer = await get(withQuery('/api/exports/log', { page, size: LOG_SIZE }));
    if (round !== logRound) return;
    // Past the last page (the log cannot shrink, but be safe): the last page instead.
    if (answer.page > 0 && answer.page >= answer.totalPages) {
      refreshLog(answer.totalPages - 1);
      return;
    }
    state.log = answer;
    sectionError('export-log-error', null);
  } catch (failure) {
    if (round === logRound) sectionError('export-log-error', failure);
  }
  drawLog();
}

function drawLog() {
  const log = state.log;
  if (!log) return;
  const roles = (list) => (list ?? []).map((role) => (has(`role.${role}`) ? t(`role.${role}`) : role)).join(', ');
  const table = $('export-log');
  if (!log.items.length) {
    fillTable(table, [[{ text: t('research.log.empty'), colspan: 7, className: 'no-data' }]]);
  } else {
    fillTable(table, log.items.map((entry) => [formatDateTime(entry.at), entry.actor, entry.actorOrganisation ?? '–',
      roles(entry.actorRoles), has(`research.kind.${entry.kind}`) ? t(`research.kind.${entry.kind}`) : entry.kind,
      entry.filters, { text: formatNumber(entry.rowsExported), numeric: true }]));
  }
  logPager(log);
}

// --- A language change redraws everything from what was read ---

function redraw() {
  fillFilters();
  drawReport();
  drawBreakdown();
  drawDose();
  drawSaved();
  if (logPager) {
    logPager();
    drawLog();
  }
}

// --- The page starts here, once every function and variable above exists ---

async function start() {
  $('research-message').hidden = true;
  $('research-page').hidden = false;
  $('research-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    filtersToAddress();
    refreshOutcomes({ submitted: true });
  });
  $('research-by').addEventListener('change', () => {
    filtersToAddress();
    refreshBreakdown();
  });
  const form = $('export-form');
  form.addEventListener('submit', (event) => event.preventDefault()); // Enter in a field: the buttons say which file
  for (const button of form.querySelectorAll('button[data-kind]')) {
    button.addEventListener('click', () => download(button.dataset.kind));
  }
  document.addEventListener(LANGUAGE_CHANGED, redraw);
  if (hasAnyRole(me, ['coordinator'])) {
    $('export-log-section').hidden = false;
    logPager = pager($('export-log-pager'), (page) => refreshLog(page));
  }
  fillFilters();
  await Promise.all([loadInstruments(), loadOrganisations()]);
  fillFilters();
  filtersFromAddress();
  await Promise.all([refreshOutcomes(), logPager ? refreshLog(0) : null]);
}

const shell = await startShell({ current: 'research' });
me = shell.me;
if (shell.error) {
  showMessage(describeError(shell.error), true);
} else if (!me) {
  showSignedOut();
} else if (!hasAnyRole(me, RESEARCH_ROLES)) {
  showMessage(t('research.no-access'), true);
} else {
  await start();
}
