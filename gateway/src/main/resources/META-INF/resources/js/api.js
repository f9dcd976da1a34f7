// Calls to the platform's API through the gateway, with the session cookie. Every call sends
// X-Requested-With: JavaScript: the gateway's CSRF guard requires it on POST/PUT/PATCH/DELETE, and on any call it
// makes an expired session answer 499 instead of a redirect to Keycloak that fetch cannot follow.
import { t, has } from './i18n.js';

/** A failed call: the HTTP status and, from application/problem+json (RFC 9457), type, detail and violations. */
export class ApiError extends Error {
  constructor(status, problem = {}) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.type = problem.type ?? null;
    this.title = problem.title ?? null;
    this.detail = problem.detail ?? null;
    /** [{field, rule, message}]; field is the JSON path or query parameter, absent for the body as a whole. */
    this.violations = Array.isArray(problem.violations) ? problem.violations : [];
  }

  /** 401: no session; 499: the session could not be refreshed. Either way the user must sign in again. */
  get signedOut() {
    return this.status === 401 || this.status === 499;
  }
}

export async function api(path, { method = 'GET', body, signal } = {}) {
  const headers = { Accept: 'application/json, application/problem+json', 'X-Requested-With': 'JavaScript' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method, headers, signal, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    if (cause.name === 'AbortError') throw cause;
    throw new ApiError(0, { detail: t('error.network') });
  }
  const type = response.headers.get('Content-Type') || '';
  const json = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) throw new ApiError(response.status, json ?? {});
  return json;
}

/**
 * A file the API answers (a CSV export) as {blob, fileName}: fetched like every call, with the session and
 * X-Requested-With, asking for `accept` or a problem; a failure is the same ApiError as api()'s. The name is the
 * one the answer's Content-Disposition gives, else `fallbackName`.
 */
export async function getFile(path, { accept = 'text/csv', fallbackName = 'download', signal } = {}) {
  let response;
  try {
    response = await fetch(path, {
      headers: { Accept: `${accept}, application/problem+json`, 'X-Requested-With': 'JavaScript' },
      signal, credentials: 'same-origin',
    });
  } catch (cause) {
    if (cause.name === 'AbortError') throw cause;
    throw new ApiError(0, { detail: t('error.network') });
  }
  if (!response.ok) {
    const type = response.headers.get('Content-Type') || '';
    const json = type.includes('json') ? await response.json().catch(() => null) : null;
    throw new ApiError(response.status, json ?? {});
  }
  const disposition = response.headers.get('Content-Disposition') || '';
  const named = disposition.match(/filename\*=UTF-8''([^;]+)/i) ?? disposition.match(/filename="?([^";]+)"?/i);
  let fileName = fallbackName;
  try {
    if (named) fileName = decodeURIComponent(named[1].trim());
  } catch {
    fileName = named[1].trim();
  }
  return { blob: await response.blob(), fileName };
}

/** Hands a blob to the browser as a download under a name: a link with `download`, clicked, then let go. */
export function saveFile(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

export const get = (path, options) => api(path, options);
export const post = (path, body, options) => api(path, { ...options, method: 'POST', body });
export const put = (path, body, options) => api(path, { ...options, method: 'PUT', body });
export const del = (path, options) => api(path, { ...options, method: 'DELETE' });

/** A path with query parameters, leaving out the empty ones. */
export function withQuery(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') query.set(key, value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** A sentence for the user: the dictionary's for a known status, else the problem's own detail. */
export function describeError(error) {
  if (!(error instanceof ApiError)) return t('error.unexpected');
  if (error.signedOut) return t('error.signed-out');
  if (error.status === 403) return t('error.forbidden');
  if (error.status === 0) return t('error.network');
  if (error.status >= 500) return t('error.service', { detail: error.detail || error.title || error.status });
  return error.detail || error.title || t('error.unexpected');
}

// --- Forms: a 4xx problem's violations shown beside the fields they name ---

const ERROR_CLASS = 'field-error';

/** Removes what showViolations added; a summary box of the page's own (data-summary) is emptied and hidden. */
export function clearViolations(form) {
  for (const note of form.querySelectorAll(`.${ERROR_CLASS}, .form-errors`)) {
    if (note.hasAttribute('data-summary')) {
      note.replaceChildren();
      note.hidden = true;
    } else {
      note.remove();
    }
  }
  for (const field of form.querySelectorAll('[aria-invalid="true"]')) {
    field.removeAttribute('aria-invalid');
    const ids = (field.getAttribute('aria-describedby') || '').split(' ').filter((id) => id && !id.endsWith('-error'));
    if (ids.length) field.setAttribute('aria-describedby', ids.join(' '));
    else field.removeAttribute('aria-describedby');
  }
}

/**
 * Shows each violation's message under the control whose name is its field ("sectors[0]" also finds "sectors"),
 * links it with aria-describedby and marks the control aria-invalid; violations that name no control of the form
 * are listed at the form's top. Focuses the first problem (the list at the top, else the first control in the
 * form's order), so keyboard and screen-reader users land on it. The message is the dictionary's text for the rule
 * on that field (key "rule.<rule>.<field>", e.g. rule.pattern.email) or for the rule (key "rule.<rule>") when there
 * is one, else the server's.
 *
 * Options, for forms whose controls do not map one to one to the API's fields:
 * - controlFor(field): the control a field belongs to (e.g. "participantCodes[2]" to the third code's checkbox);
 *   undefined to look it up by name as usual, null to list the violation at the top.
 * - summary: an element of the form to list the unplaced violations in (kept, emptied and hidden by
 *   clearViolations) instead of a box made at the form's top.
 * A note goes after the control, or at the end of its closest [data-error-anchor] (a checkbox's or radio group's
 * box), so that it stays with the option or group it is about.
 */
export function showViolations(form, error, { controlFor: find, summary } = {}) {
  clearViolations(form);
  const unplaced = [];
  let first = null;
  const violations = error.violations.length ? error.violations : [{ message: describeError(error) }];
  violations.forEach((violation, index) => {
    const message = ruleText(violation);
    const found = violation.field && find ? find(violation.field) : undefined;
    const control = !violation.field ? null : found === undefined ? controlFor(form, violation.field) : found;
    if (!control) {
      unplaced.push(violation.field ? `${violation.field}: ${message}` : message);
      return;
    }
    const note = document.createElement('p');
    note.className = ERROR_CLASS;
    note.id = `${form.id || 'form'}-${index}-error`;
    note.textContent = message;
    const anchor = control.closest('[data-error-anchor]');
    if (anchor) anchor.append(note);
    else control.after(note);
    control.setAttribute('aria-invalid', 'true');
    const described = control.getAttribute('aria-describedby');
    control.setAttribute('aria-describedby', described ? `${described} ${note.id}` : note.id);
    if (!first || (first.compareDocumentPosition(control) & Node.DOCUMENT_POSITION_PRECEDING)) first = control;
  });
  if (unplaced.length) {
    const box = summary ?? document.createElement('div');
    box.classList.add('form-errors');
    box.setAttribute('role', 'alert');
    box.tabIndex = -1;
    const list = document.createElement('ul');
    for (const text of unplaced) list.append(Object.assign(document.createElement('li'), { textContent: text }));
    box.replaceChildren(list);
    if (summary) {
      summary.setAttribute('data-summary', '');
      summary.hidden = false;
    } else {
      form.prepend(box);
    }
    first = box;
  }
  first?.focus();
}

/** A violation's message: the dictionary's for the rule on its field, else for the rule, else the server's. */
function ruleText({ rule, field, message }) {
  if (!rule) return message;
  const onField = field ? `rule.${rule}.${field.replace(/\[\d+\]/g, '')}` : null;
  if (onField && has(onField)) return t(onField);
  return has(`rule.${rule}`) ? t(`rule.${rule}`) : message;
}

function controlFor(form, field) {
  for (const name of [field, field.replace(/\[\d+\]$/, '')]) {
    const found = form.elements.namedItem(name);
    if (found) return found instanceof RadioNodeList ? found[0] : found;
  }
  return null;
}

/**
 * A page's handling of failures in its sections: the section's error box shows what went wrong, and a user found
 * signed out gets the page's own sign-in message instead ({@code showSignedOut}).
 */
export function pageErrors(showSignedOut) {
  return {
    async checkStillSignedIn() {
      try {
        await get('/api/me');
      } catch (failure) {
        if (failure instanceof ApiError && failure.signedOut) showSignedOut();
      }
    },
    sectionError(id, failure) {
      const box = document.getElementById(id);
      if (failure instanceof ApiError && failure.signedOut) showSignedOut();
      box.hidden = !failure;
      box.textContent = failure ? describeError(failure) : '';
    },
  };
}
