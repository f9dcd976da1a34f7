// The pages' language: Finnish by default, English by choice. Every visible text comes from the dictionaries in
// ./lang/, and elements carry their key in data-i18n (text) or data-i18n-label (aria-label), so one call to apply()
// re-labels a page without a reload. Dates, times and numbers are formatted with Intl in the chosen language and,
// for times, in Europe/Helsinki, where the network works, whatever the device's own zone.
import fi from './lang/fi.js';
import en from './lang/en.js';

const DICTIONARIES = { fi, en };
const LOCALES = { fi: 'fi-FI', en: 'en-GB' };
const STORAGE_KEY = 'voimala.lang';
const ZONE = 'Europe/Helsinki';
export const LANGUAGES = Object.keys(DICTIONARIES);
/** Fired on document after the language changed, so pages can redraw what they built from data. */
export const LANGUAGE_CHANGED = 'voimala:language';

let current = stored();

function stored() {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value in DICTIONARIES ? value : 'fi';
  } catch {
    return 'fi'; // storage may be disabled; Finnish is the default anyway
  }
}

export function language() {
  return current;
}

/** The text for a key in the chosen language, with {name} placeholders filled; Finnish, then the key, if missing. */
export function t(key, params = {}) {
  const text = DICTIONARIES[current][key] ?? DICTIONARIES.fi[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Whether a key exists, for texts that fall back to what the server sent (an unknown role, a rule id). */
export function has(key) {
  return key in DICTIONARIES[current];
}

/** Labels every element under root that carries a key; sets <html lang> so screen readers pronounce it right. */
export function apply(root = document) {
  document.documentElement.lang = current;
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
}

export function setLanguage(lang) {
  if (!(lang in DICTIONARIES) || lang === current) return;
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not remembered, but still switched for this page
  }
  apply();
  document.dispatchEvent(new CustomEvent(LANGUAGE_CHANGED, { detail: { lang } }));
}

const locale = () => LOCALES[current];

/**
 * A number with `digits` decimals (grouping and decimal comma as the language writes them); '–' if none.
 * `signed`: a change, written with its sign (+0,50 / −0,50), since its direction is the point.
 */
export function formatNumber(value, digits = 0, { signed = false } = {}) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return new Intl.NumberFormat(locale(), {
    maximumFractionDigits: digits, minimumFractionDigits: digits, signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(value);
}

/** A share 0..1 as a percentage. */
export function formatPercent(share, digits = 0) {
  if (share === null || share === undefined) return '–';
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: digits }).format(share);
}

/** An ISO date (YYYY-MM-DD) as the language writes dates; taken at noon UTC so no zone can move it a day. */
export function formatDate(isoDate) {
  if (!isoDate) return '–';
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: ZONE }).format(new Date(Date.UTC(y, m - 1, d, 12)));
}

/** A month (YYYY-MM) as "marraskuu 2026" / "November 2026". */
export function formatMonth(isoMonth) {
  const [y, m] = isoMonth.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { year: 'numeric', month: 'long', timeZone: ZONE }).format(new Date(Date.UTC(y, m - 1, 15, 12)));
}

/** An instant (a Date or ISO text) as date and time in Helsinki. */
export function formatDateTime(instant) {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'medium', timeZone: ZONE }).format(new Date(instant));
}

/** An instant's time of day in Helsinki. */
export function formatTime(instant) {
  return new Intl.DateTimeFormat(locale(), { timeStyle: 'medium', timeZone: ZONE }).format(new Date(instant));
}

/** Today's date in Helsinki as YYYY-MM-DD ("today" is the network's day, as the services count it). */
export function todayInHelsinki() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
}

/** The locale tag, for libraries that format on their own (Chart.js). */
export function localeTag() {
  return locale();
}

/** An instant's time of day in Helsinki, hours and minutes ("13.00", "13:00"). */
export function formatClock(instant) {
  return new Intl.DateTimeFormat(locale(), { timeStyle: 'short', timeZone: ZONE }).format(new Date(instant));
}

/** An instant's date and time in Helsinki, without seconds. */
export function formatDateClock(instant) {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: ZONE }).format(new Date(instant));
}

/** An ISO date with its weekday, as a day's heading ("tiistai 8. joulukuuta 2026", "Tuesday 8 December 2026"). */
export function formatDay(isoDate) {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'full', timeZone: ZONE }).format(new Date(Date.UTC(y, m - 1, d, 12)));
}

/** An instant's date in Helsinki as YYYY-MM-DD. */
export function dateInHelsinki(instant) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(instant));
}

/** An instant's time of day in Helsinki as HH:MM, the value a time input takes. */
export function clockInHelsinki(instant) {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: ZONE })
    .format(new Date(instant));
}

/** The date `days` days after an ISO date (before it when negative). */
export function addDays(isoDate, days) {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days, 12)).toISOString().slice(0, 10);
}

/** The wall-clock time in Helsinki of an epoch millisecond, read as if it were UTC (for finding the zone's offset). */
function helsinkiWall(ms) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23', timeZone: ZONE,
  }).formatToParts(new Date(ms)).map((part) => [part.type, part.value]));
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour),
    Number(parts.minute), Number(parts.second));
}

/** The instant of a date (YYYY-MM-DD) and time of day (HH:MM) in Helsinki, daylight saving time included. */
export function instantInHelsinki(isoDate, clock) {
  const [y, m, d] = isoDate.split('-').map(Number);
  const [hours, minutes] = clock.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hours, minutes);
  let guess = wall;
  for (let i = 0; i < 2; i += 1) guess = wall - (helsinkiWall(guess) - guess);
  return new Date(guess);
}
