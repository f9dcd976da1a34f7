// The header of every page: the platform's name, the pages the user's role works in, who is signed in, the language
// switch and sign-in/sign-out. A page calls startShell() first and gets the user (or null when nobody is signed in).
import { apply, t, has, language, setLanguage, LANGUAGES, LANGUAGE_CHANGED } from './i18n.js';
import { get, ApiError } from './api.js';

/** Every role that reads the network's figures; hospital-system is a program, not a person, and reads none. */
export const FIGURE_ROLES = ['coordinator', 'org-admin', 'artist', 'care-professional', 'researcher', 'viewer'];
/** Roles that may list organisations, which turns the token's organisation alias into its name. */
const ORGANISATION_READERS = ['coordinator', 'org-admin', 'artist', 'care-professional', 'viewer'];

/** The roles whose visits are theirs: the pair's two professionals. */
export const PAIR_ROLES = ['artist', 'care-professional'];
/** Roles that read the outcomes in full and take the research exports (outcomes-service's ExportResource). */
export const RESEARCH_ROLES = ['researcher', 'coordinator'];
/** Roles that run the partner register: the coordinator all of it, an org-admin its own organisation's part. */
export const NETWORK_ROLES = ['coordinator', 'org-admin'];

/**
 * The pages beyond the start page; only those that exist are listed, each for the roles that work in it.
 * `landing`: the roles for which it is the page they work in, offered first and foremost on the start page.
 */
export const PAGES = [
  { id: 'visits', href: '/visits.html', key: 'nav.visits', roles: [...PAIR_ROLES, 'coordinator'], landing: PAIR_ROLES },
  // Planning is scheduling's work for those who plan series (its landing page stays the dashboard).
  { id: 'planning', href: '/planning.html', key: 'nav.planning', roles: NETWORK_ROLES },
  { id: 'dashboard', href: '/dashboard.html', key: 'nav.dashboard', roles: FIGURE_ROLES,
    landing: [...NETWORK_ROLES, 'viewer'] },
  { id: 'research', href: '/research.html', key: 'nav.research', roles: RESEARCH_ROLES, landing: ['researcher'] },
  { id: 'network', href: '/network.html', key: 'nav.network', roles: NETWORK_ROLES },
];

/** Fired on document when more is known of the user (their organisation's name), for pages that show it. */
export const USER_CHANGED = 'voimala:user';

export const hasAnyRole = (me, roles) => Boolean(me) && me.roles.some((role) => roles.includes(role));
export const pagesFor = (me) => PAGES.filter((page) => hasAnyRole(me, page.roles));
/** Whether a page is the one this user works in (their landing page). */
export const isLandingFor = (me, page) => hasAnyRole(me, page.landing ?? []);

/** The language names are written in their own language (and marked so), as a reader of either looks for their own. */
const AUTONYMS = { fi: 'suomi', en: 'English' };

let me = null;
let organisationName = null;

/**
 * Labels the page, draws the header and asks the gateway who is signed in.
 * Returns {me, error}: me is null when nobody is (401); error is set when the gateway could not tell.
 */
export async function startShell({ current } = {}) {
  apply();
  let error = null;
  try {
    me = await get('/api/me');
  } catch (failure) {
    me = null;
    if (!(failure instanceof ApiError && failure.signedOut)) error = failure;
  }
  drawHeader(current);
  document.addEventListener(LANGUAGE_CHANGED, () => drawHeader(current));
  if (hasAnyRole(me, ORGANISATION_READERS) && me.organization) lookUpOrganisation();
  return { me, error };
}

/** The user's name, or their user name when Keycloak has no name for them. */
export const displayName = (user) => user.name || user.username;

/** The roles in words, in the chosen language; an unknown role as it is. */
export const roleWords = (user) => user.roles.map((role) => (has(`role.${role}`) ? t(`role.${role}`) : role)).join(', ');

export const organisationOf = (user) => organisationName || user.organization;

async function lookUpOrganisation() {
  try {
    const page = await get('/api/organisations?size=100');
    const found = page.items.find((organisation) => organisation.keycloakAlias === me.organization);
    if (found) {
      organisationName = found.name;
      const who = document.getElementById('who');
      if (who) fillWho(who);
      document.dispatchEvent(new CustomEvent(USER_CHANGED));
    }
  } catch {
    // the alias stays: it still says which organisation
  }
}

function drawHeader(current) {
  const header = document.getElementById('site-header');
  header.replaceChildren(brand(), navigation(current), account());
}

function brand() {
  const link = element('a', { href: '/', id: 'brand', className: 'brand' });
  link.append(element('span', { className: 'brand-name', textContent: 'Voimala' }),
    element('span', { className: 'brand-tagline', textContent: t('shell.tagline') }));
  return link;
}

function navigation(current) {
  const nav = element('nav', { id: 'nav', className: 'site-nav' });
  nav.setAttribute('aria-label', t('shell.nav'));
  const list = element('ul');
  for (const page of [{ id: 'home', href: '/', key: 'nav.home' }, ...pagesFor(me)]) {
    const link = element('a', { href: page.href, id: `nav-${page.id}`, textContent: t(page.key) });
    if (page.id === current) link.setAttribute('aria-current', 'page');
    list.append(element('li', {}, link));
  }
  nav.append(list);
  return nav;
}

function account() {
  const box = element('div', { className: 'account' });
  const who = element('p', { id: 'who', className: 'who' });
  fillWho(who);
  box.append(who, languageSwitch());
  box.append(me
    ? element('a', { id: 'sign-out', className: 'button secondary', href: '/logout', textContent: t('shell.sign-out') })
    : element('a', { id: 'sign-in', className: 'button', href: '/login', textContent: t('shell.sign-in') }));
  return box;
}

/** Only the text of #who changes when the organisation's name arrives, so focus elsewhere in the header stays. */
function fillWho(who) {
  who.replaceChildren();
  if (!me) {
    who.textContent = t('shell.not-signed-in');
    return;
  }
  who.append(element('span', { className: 'visually-hidden', textContent: `${t('shell.signed-in-as')} ` }),
    element('strong', { textContent: displayName(me) }));
  const details = [organisationOf(me), roleWords(me)].filter(Boolean).join(' · ');
  if (details) who.append(element('span', { className: 'who-details', textContent: details }));
}

function languageSwitch() {
  const box = element('div', { className: 'lang-switch' });
  const label = element('label', { htmlFor: 'lang', textContent: t('shell.language') });
  const select = element('select', { id: 'lang', name: 'lang' });
  for (const lang of LANGUAGES) {
    const option = element('option', { value: lang, textContent: AUTONYMS[lang], selected: lang === language() });
    option.lang = lang;
    select.append(option);
  }
  // The header is redrawn on a change; focus goes back to the new switch so a keyboard user stays where they were.
  select.addEventListener('change', () => {
    setLanguage(select.value);
    document.getElementById('lang')?.focus();
  });
  box.append(label, select);
  return box;
}

/** document.createElement with properties and children, to keep the drawing code short. */
export function element(tag, properties = {}, ...children) {
  const el = Object.assign(document.createElement(tag), properties);
  el.append(...children);
  return el;
}
