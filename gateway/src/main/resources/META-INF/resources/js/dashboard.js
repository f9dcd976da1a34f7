// The dashboard: the network's session figures (sessions-service), wellbeing change with its 95 % CI by target
// group and art form, the mood lift per session and the dose (outcomes-service), and one series' attendance for the
// roles that list series. It refreshes its figures when the live stream says something changed.
import {
  t, has, language, LANGUAGE_CHANGED, formatNumber, formatPercent, formatDate, formatMonth, formatTime, todayInHelsinki,
} from './i18n.js';
import { get, withQuery, describeError, showViolations, clearViolations, ApiError, pageErrors } from './api.js';
import { startShell, hasAnyRole, FIGURE_ROLES, element } from './shell.js';
import { drawChart, barChart, intervalChart, fillTable, fillHead } from './figures.js';
import { startLive, debounce } from './live.js';

// Each section's failures: its error box, or the page's sign-in message for a user found signed out.
const { checkStillSignedIn, sectionError } = pageErrors(() => showSignedOut());

// The values of outcomes-service's TargetGroup and ArtForm: a row each, also when the breakdown has no series of it.
const TARGET_GROUPS = ['HOME_DWELLING_ELDERLY', 'DAY_GROUP_CLIENTS', 'HOUSING_UNIT_RESIDENTS', 'SENIOR_HOUSE_RESIDENTS',
  'RESPITE_CARE_RESIDENTS', 'WARD_PATIENTS'];
const ART_FORMS = ['MUSIC', 'DANCE', 'VISUAL_ARTS', 'DRAMA', 'LITERATURE', 'PHOTOGRAPHY', 'CRAFTS'];
/** The mood check before and after each session, as the shipped instrument session-mood defines it. */
const MOOD = { instrumentKey: 'session-mood', scoreKey: 'mood', comparison: 'SESSION' };
const DEFAULT_INSTRUMENT = 'ucla-3';
/** Roles that may list series (GET /api/series), and so pick one to see its attendance. */
const SERIES_READERS = ['coordinator', 'org-admin', 'artist', 'care-professional'];
const ALL = 'ALL';

const $ = (id) => document.getElementById(id);

/** What was last read, so a language change or another instrument redraws without asking the services again. */
const state = {
  figures: null, // /api/session-figures
  outcomes: null, // {ALL: /api/outcomes, targetGroup: /api/outcomes/breakdown?by=targetGroup, artForm: …by=artForm}
  instruments: [], // the latest version of each instrument
  series: [], // /api/series items
  attendance: null, // /api/series/{id}/attendance
  updatedAt: null,
};

let me = null;
let live = null;

async function start() {
  $('dash-message').hidden = true;
  $('dashboard').hidden = false;
  $('period-to').value = todayInHelsinki(); // "planned" then means: should have been held by today
  fillSeasons();
  $('period-form').addEventListener('submit', (event) => {
    event.preventDefault();
    refreshFigures({ submitted: true });
  });
  $('instrument').addEventListener('change', () => {
    fillScores();
    drawOutcomes();
  });
  for (const id of ['score', 'comparison']) $(id).addEventListener('change', drawOutcomes);
  $('season').addEventListener('change', refreshOutcomes);
  $('series').addEventListener('change', refreshAttendance);
  document.addEventListener(LANGUAGE_CHANGED, redraw);

  // The stream opens first, so that nothing that changes while the figures load goes unnoticed.
  const refresh = debounce(() => Promise.all([refreshFigures(), refreshOutcomes()]));
  const refreshSeries = debounce(refreshAttendance);
  live = startLive({
    onEvent: (topic, event) => {
      refresh();
      // A series' attendance names participants, and each read of it is audited: only when that series changed.
      if (topic === 'session' && event.seriesId && event.seriesId === $('series').value) refreshSeries();
    },
    onResumed: refresh,
    onRefused: checkStillSignedIn,
  });
  await Promise.all([loadInstruments(), refreshFigures(), refreshOutcomes(), loadSeriesList()]);
}

// --- Messages ---

function showMessage(text, alert = false) {
  const message = $('dash-message');
  message.setAttribute('role', alert ? 'alert' : 'status');
  message.removeAttribute('data-i18n');
  message.replaceChildren(text);
  message.hidden = false;
}

function showSignedOut() {
  showMessage(t('dash.signed-out'), true);
  if (!live) $('live-status').hidden = true; // nothing was live; once it was, the status says it stopped
  $('dash-message').append(' ', element('a', { id: 'dash-sign-in', href: '/login', textContent: t('shell.sign-in') }));
  $('dashboard').hidden = true;
  live?.stop();
}

function stamp() {
  state.updatedAt = new Date();
  drawUpdatedAt();
}

function drawUpdatedAt() {
  if (state.updatedAt) $('updated-at').textContent = t('dash.updated', { time: formatTime(state.updatedAt) });
}

// --- Labels ---

const targetGroupName = (value) => (value === ALL ? t('dash.all') : has(`tg.${value}`) ? t(`tg.${value}`) : value);
const artFormName = (value) => (value === ALL ? t('dash.all') : has(`art.${value}`) ? t(`art.${value}`) : value);
/** A text of an instrument's definition ({fi, sv, en}) in the chosen language. */
const localized = (text, fallback) => (text && (text[language()] || text.fi || text.en)) || fallback;

// --- Session figures: /api/session-figures ---

let figuresRound = 0;

/** submitted: the user asked (the period form); only then are its problems shown and focused, never on a live refresh. */
async function refreshFigures({ submitted = false } = {}) {
  const round = ++figuresRound;
  const form = $('period-form');
  try {
    const figures = await get(withQuery('/api/session-figures', { from: $('period-from').value, to: $('period-to').value }));
    if (round !== figuresRound) return; // a newer refresh has started; its answer wins
    state.figures = figures;
    clearViolations(form);
    sectionError('sessions-error', null);
    drawFigures();
    stamp();
  } catch (failure) {
    if (round !== figuresRound) return;
    if (failure instanceof ApiError && failure.status === 422) {
      if (submitted) showViolations(form, failure); // e.g. "to" before "from", beside the field
    } else {
      sectionError('sessions-error', failure);
    }
  }
}

function drawFigures() {
  const f = state.figures;
  if (!f) return;
  const hours = (value) => formatNumber(Number(value), 1);
  $('figures-sessions-held').textContent = formatNumber(f.sessionsHeld);
  $('figures-sessions-planned').textContent = formatNumber(f.sessionsPlanned);
  $('figures-sessions-not-held').textContent = formatNumber(f.sessionsNotHeld);
  $('figures-people-reached').textContent = formatNumber(f.peopleReached);
  $('figures-extra-attendees').textContent = formatNumber(f.extraAttendees);
  $('figures-staff-hours').textContent = hours(f.staffLearningHours);

  const sessions = [['dash.fig.planned', f.sessionsPlanned], ['dash.fig.held', f.sessionsHeld],
    ['dash.fig.not-held', f.sessionsNotHeld]];
  drawChart('chart-sessions', barChart({ labels: sessions.map(([key]) => t(key)), values: sessions.map(([, v]) => v),
    label: t('dash.col.count') }));
  $('table-sessions-caption').textContent = `${t('dash.sessions.table')} ${periodText(f)}`;
  fillTable($('table-sessions'), sessions.map(([key, value]) => [t(key), { text: formatNumber(value), numeric: true }]));

  const groups = f.byTargetGroup;
  drawChart('chart-reach', barChart({ labels: groups.map((g) => targetGroupName(g.targetGroup)),
    values: groups.map((g) => g.peopleReached), label: t('dash.col.people'), horizontal: true }));
  fillTable($('table-reach'), groups.map((g) => [targetGroupName(g.targetGroup),
    { text: formatNumber(g.peopleReached), numeric: true }, { text: formatNumber(g.extraAttendees), numeric: true },
    { text: formatNumber(g.sessionsHeld), numeric: true }]),
  [[t('dash.total'), { text: formatNumber(f.peopleReached), numeric: true },
    { text: formatNumber(f.extraAttendees), numeric: true }, { text: formatNumber(f.sessionsHeld), numeric: true }]]);

  // The chart sums each month over the organisations; the table keeps them apart.
  const months = new Map();
  for (const row of f.staffLearning) months.set(row.month, (months.get(row.month) ?? 0) + Number(row.hours));
  drawChart('chart-staff-hours', barChart({ labels: [...months.keys()].map(formatMonth), values: [...months.values()],
    label: t('dash.col.hours'), digits: 1 }));
  const presences = f.staffLearning.reduce((sum, row) => sum + row.staffPresences, 0);
  fillTable($('table-staff-hours'), f.staffLearning.map((row) => [formatMonth(row.month),
    row.organisationName || t('dash.unknown-organisation'), { text: formatNumber(row.staffPresences), numeric: true },
    { text: hours(row.hours), numeric: true }]),
  [[t('dash.total'), '', { text: formatNumber(presences), numeric: true }, { text: hours(f.staffLearningHours), numeric: true }]]);
}

function periodText(f) {
  if (f.from && f.to) return `${formatDate(f.from)} – ${formatDate(f.to)}`;
  if (f.from) return t('dash.period.since', { from: formatDate(f.from) });
  if (f.to) return t('dash.period.until', { to: formatDate(f.to) });
  return t('dash.period.all');
}

// --- Outcomes: /api/outcomes for the network, /api/outcomes/breakdown per target group and per art form ---

let outcomesRound = 0;

/** Three calls: the network's report (its figures, mood lift and dose) and the two breakdowns, each in one answer. */
async function refreshOutcomes() {
  const round = ++outcomesRound;
  const season = $('season').value;
  const asks = [[ALL, '/api/outcomes', {}], ['targetGroup', '/api/outcomes/breakdown', { by: 'targetGroup' }],
    ['artForm', '/api/outcomes/breakdown', { by: 'artForm' }]];
  const answers = await Promise.allSettled(asks.map(([, path, params]) => get(withQuery(path, { ...params, season }))));
  if (round !== outcomesRound) return; // a newer refresh has started; its answers win
  const failed = answers.find((answer) => answer.status === 'rejected');
  sectionError('outcomes-error', failed?.reason ?? null);
  state.outcomes = Object.fromEntries(asks.map(([key], i) => [key, answers[i].value ?? null]));
  drawOutcomes();
  if (!failed) stamp();
}

/**
 * The figures of a row: the network's report for ALL, else the value's group of its breakdown ({value, series,
 * outcomes}); a value the breakdown does not list has no series. null when that call failed.
 */
function reportOf(key) {
  if (key === ALL) return state.outcomes[ALL];
  const breakdown = state.outcomes[TARGET_GROUPS.includes(key) ? 'targetGroup' : 'artForm'];
  if (!breakdown) return null;
  return breakdown.groups.find((group) => group.value === key) ?? { value: key, series: 0, outcomes: [] };
}

async function loadInstruments() {
  try {
    const all = await get('/api/instruments');
    const latest = new Map();
    for (const instrument of all) {
      if ((latest.get(instrument.key)?.version ?? -1) < instrument.version) latest.set(instrument.key, instrument);
    }
    state.instruments = [...latest.values()];
  } catch (failure) {
    sectionError('outcomes-error', failure);
  }
  fillInstruments();
  drawOutcomes();
}

function fillInstruments() {
  const select = $('instrument');
  const chosen = select.value || DEFAULT_INSTRUMENT;
  select.replaceChildren(...state.instruments.map((i) => element('option',
    { value: i.key, textContent: localized(i.definition?.name, i.name) })));
  select.value = state.instruments.some((i) => i.key === chosen) ? chosen : (state.instruments[0]?.key ?? '');
  fillScores();
}

function fillScores() {
  const select = $('score');
  const chosen = select.value;
  const scores = currentInstrument()?.definition?.scores ?? [];
  select.replaceChildren(...scores.map((s) => element('option', { value: s.key, textContent: localized(s.name, s.key) })));
  if (scores.some((s) => s.key === chosen)) select.value = chosen;
}

function fillSeasons() {
  const year = Number(todayInHelsinki().slice(0, 4));
  const seasons = [];
  for (let y = year; y >= year - 2; y -= 1) seasons.push(`${y}-autumn`, `${y}-spring`);
  const select = $('season');
  const chosen = select.value;
  select.replaceChildren(element('option', { value: '', textContent: t('season.all') }),
    ...seasons.map((s) => element('option', { value: s, textContent: t(`season.${s.slice(5)}`, { year: s.slice(0, 4) }) })));
  select.value = chosen;
}

const currentInstrument = () => state.instruments.find((i) => i.key === $('instrument').value);
const currentScore = () => currentInstrument()?.definition?.scores?.find((s) => s.key === $('score').value);

/** The figure of one score and comparison in a report; undefined when the report has none. */
const outcomeIn = (report, { instrumentKey, scoreKey, comparison }) => report?.outcomes.find((o) =>
  o.instrumentKey === instrumentKey && o.scoreKey === scoreKey && o.comparison === comparison);

function chosenOutcome() {
  return { instrumentKey: $('instrument').value, scoreKey: $('score').value, comparison: $('comparison').value };
}

function drawOutcomes() {
  if (!state.outcomes) return;
  const chosen = chosenOutcome();
  const instrument = currentInstrument();
  const score = currentScore();
  const what = [localized(instrument?.definition?.name, chosen.instrumentKey), localized(score?.name, chosen.scoreKey),
    t(`comparison.${chosen.comparison}`)].join(' – ');
  const season = $('season').value ? `, ${$('season').selectedOptions[0].textContent}` : '';
  $('outcome-direction').textContent = score ? directionText(score) : '';

  drawOutcomeBlock('target-group', [ALL, ...TARGET_GROUPS], targetGroupName, chosen,
    `${what}${season}: ${t('dash.change.by-group-caption')}`, 'dash.col.target-group');
  drawOutcomeBlock('art-form', [ALL, ...ART_FORMS], artFormName, chosen,
    `${what}${season}: ${t('dash.change.by-art-form-caption')}`, 'dash.col.art-form');
  drawMood();
  drawDose(chosen, `${what}${season}: ${t('dash.dose.caption')}`);
}

function directionText(score) {
  const mid = score.minimalImportantDifference;
  const direction = t(score.higherIsBetter ? 'dash.outcomes.higher-better' : 'dash.outcomes.lower-better');
  return mid === null || mid === undefined ? direction
    : `${direction} ${t('dash.outcomes.mid', { mid: formatNumber(mid, Number.isInteger(mid) ? 0 : 1) })}`;
}

/** One chart and its table: a row per key (ALL, target groups or art forms), each row's figure from its report. */
function drawOutcomeBlock(suffix, keys, nameOf, chosen, caption, firstColumn) {
  const reports = keys.map(reportOf);
  const figures = reports.map((report) => outcomeIn(report, chosen));
  drawIntervalChart(`chart-change-${suffix}`, keys.map(nameOf), figures, reports);
  const table = $(`table-change-${suffix}`);
  $(`table-change-${suffix}-caption`).textContent = caption;
  fillOutcomeTable(table, keys.map((key, i) => [nameOf(key), figures[i], reports[i]]), firstColumn);
}

/** Suppressed and missing figures are named in the label and drawn as nothing, never as 0. */
function drawIntervalChart(id, names, figures, reports = []) {
  drawChart(id, intervalChart({
    labels: names.map((name, i) => (figures[i]?.suppressed ? `${name} (${t('suppressed.short')})`
      : figures[i] ? name : `${name} (${t(reports[i]?.series === 0 ? 'no-series.short' : 'no-data.short')})`)),
    rows: figures.map((o) => (o && !o.suppressed ? { mean: o.meanChange, low: o.ciLow, high: o.ciHigh } : null)),
  }));
}

const OUTCOME_COLUMNS = ['dash.col.people-measured', 'dash.col.n', 'dash.col.before', 'dash.col.after',
  'dash.col.change', 'dash.col.ci', 'dash.col.p', 'dash.col.dz', 'dash.col.mid-share'];

/** rows: [label, outcome or undefined, the report it came from (null when that call failed)]. */
function fillOutcomeTable(table, rows, firstColumn) {
  fillHead(table, [{ text: t(firstColumn) }, ...OUTCOME_COLUMNS.map((key) => ({ text: t(key), numeric: true }))]);
  const span = OUTCOME_COLUMNS.length;
  fillTable(table, rows.map(([label, o, report]) => {
    if (!report) return [label, { text: t('dash.not-available'), colspan: span }];
    if (!o) return [label, { text: t(report.series === 0 ? 'no-series' : 'no-data'), colspan: span, className: 'no-data' }];
    if (o.suppressed) return [label, { text: t('suppressed'), colspan: span, className: 'suppressed' }];
    const n = (value, digits = 2, options) => ({ text: formatNumber(value, digits, options), numeric: true });
    return [label, n(o.people, 0), n(o.n, 0), n(o.meanBefore), n(o.meanAfter), n(o.meanChange, 2, { signed: true }),
      { text: ci(o), numeric: true }, { text: pText(o.p), numeric: true }, n(o.effectSizeDz),
      { text: formatPercent(o.shareReachingMid), numeric: true }];
  }));
}

const ci = (o) => (o.ciLow == null ? '–' : `${formatNumber(o.ciLow, 2)} … ${formatNumber(o.ciHigh, 2)}`);
const pText = (p) => (p == null ? '–' : p < 0.001 ? `< ${formatNumber(0.001, 3)}` : formatNumber(p, 3));

function drawMood() {
  const keys = [ALL, ...TARGET_GROUPS];
  const reports = keys.map(reportOf);
  const figures = reports.map((report) => outcomeIn(report, MOOD));
  drawIntervalChart('chart-mood', keys.map(targetGroupName), figures, reports);
  fillOutcomeTable($('table-mood'), keys.map((key, i) => [targetGroupName(key), figures[i], reports[i]]),
    'dash.col.target-group');
  const all = figures[0];
  $('mood-summary').textContent = !state.outcomes[ALL] ? t('dash.not-available')
    : !all ? t(state.outcomes[ALL].series === 0 ? 'no-series' : 'no-data')
    : all.suppressed ? t('suppressed')
    : t('dash.mood.summary', { change: formatNumber(all.meanChange, 2, { signed: true }), ci: ci(all),
      n: formatNumber(all.n), people: formatNumber(all.people) });
}

function drawDose(chosen, caption) {
  const report = state.outcomes[ALL];
  const a = report?.attendance;
  const unlessSuppressed = (value, digits = 0) => (a?.suppressed ? t('suppressed') : formatNumber(value, digits));
  $('dose-series').textContent = formatNumber(report?.series);
  $('dose-sessions-planned').textContent = formatNumber(a?.sessionsPlanned);
  $('dose-sessions-held').textContent = formatNumber(a?.sessionsHeld);
  $('dose-participants').textContent = unlessSuppressed(a?.participants);
  $('dose-mean-attended').textContent = unlessSuppressed(a?.meanSessionsAttended, 1);

  const bands = ['0-4', '5-9', '10-14', '15+'];
  const figures = bands.map((band) => report?.byDose.find((d) => d.doseBand === band
    && d.outcome.instrumentKey === chosen.instrumentKey && d.outcome.scoreKey === chosen.scoreKey
    && d.outcome.comparison === chosen.comparison)?.outcome);
  const names = bands.map((band) => t('dash.dose.band', { band: band.replace('-', '–') }));
  drawIntervalChart('chart-dose', names, figures);
  $('table-dose-caption').textContent = caption;
  fillOutcomeTable($('table-dose'), bands.map((band, i) => [names[i], figures[i], report]), 'dash.col.dose-band');
}

// --- One series' attendance: /api/series and /api/series/{id}/attendance ---

async function loadSeriesList() {
  if (!hasAnyRole(me, SERIES_READERS)) return;
  $('series-attendance').hidden = false;
  try {
    // The newest 100 (the API's largest page); a network with more series will need a search here.
    const page = await get('/api/series?size=100&sort=-firstDate');
    state.series = page.items;
    fillSeries();
  } catch (failure) {
    sectionError('series-error', failure);
  }
}

function fillSeries() {
  const select = $('series');
  const chosen = select.value;
  select.replaceChildren(element('option', { value: '', textContent: t('dash.series.none') }),
    ...state.series.map((s) => element('option', { value: s.id, textContent: [s.groupName, s.siteName,
      formatDate(s.firstDate), s.status === 'ACTIVE' ? null : t(`series.${s.status}`)].filter(Boolean).join(' · ') })));
  select.value = chosen;
}

let attendanceRound = 0;

async function refreshAttendance() {
  const id = $('series').value;
  const round = ++attendanceRound;
  if (!id) {
    state.attendance = null;
    $('series-details').hidden = true;
    return;
  }
  try {
    const attendance = await get(`/api/series/${encodeURIComponent(id)}/attendance`);
    if (round !== attendanceRound) return;
    state.attendance = attendance;
    sectionError('series-error', null);
    drawAttendance();
  } catch (failure) {
    if (round === attendanceRound) sectionError('series-error', failure);
  }
}

function drawAttendance() {
  const a = state.attendance;
  if (!a) return;
  $('series-details').hidden = false; // before drawing: a chart in a hidden box would get no size
  $('series-sessions-planned').textContent = formatNumber(a.visitsPlanned);
  $('series-sessions-held').textContent = formatNumber(a.sessionsHeld);
  $('series-sessions-not-held').textContent = formatNumber(a.sessionsNotHeld);
  $('series-average-rate').textContent = formatPercent(a.averageAttendanceRate == null ? null : Number(a.averageAttendanceRate));
  drawChart('chart-series-attendance', barChart({ labels: a.participants.map((p) => p.code),
    values: a.participants.map((p) => p.attended), label: t('dash.col.attended') }));
  fillTable($('table-series-attendance'), a.participants.map((p) => [p.code,
    { text: formatNumber(p.attended), numeric: true },
    { text: formatPercent(p.rate == null ? null : Number(p.rate)), numeric: true },
    t(p.active ? 'common.yes' : 'common.no')]));
}

// --- A language change redraws everything from what was read ---

function redraw() {
  fillSeasons();
  fillInstruments();
  fillSeries();
  drawFigures();
  drawOutcomes();
  drawAttendance();
  drawUpdatedAt();
}

// --- The page starts here, once every function and variable above exists ---

const shell = await startShell({ current: 'dashboard' });
me = shell.me;
if (shell.error) {
  showMessage(describeError(shell.error), true);
} else if (!me) {
  showSignedOut();
} else if (!hasAnyRole(me, FIGURE_ROLES)) {
  showMessage(t('dash.no-access'), true);
  $('live-status').hidden = true;
} else {
  await start();
}
