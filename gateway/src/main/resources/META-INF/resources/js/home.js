// The start page: who is signed in and the pages their role works in, or the way to sign in.
import { t, LANGUAGE_CHANGED } from './i18n.js';
import { describeError } from './api.js';
import {
  startShell, pagesFor, isLandingFor, displayName, roleWords, organisationOf, element, USER_CHANGED,
} from './shell.js';

const { me, error } = await startShell({ current: 'home' });
const status = document.getElementById('home-status');

function draw() {
  if (error) {
    status.setAttribute('role', 'alert');
    status.textContent = describeError(error);
    return;
  }
  status.hidden = true;
  document.getElementById('signed-out').hidden = Boolean(me);
  document.getElementById('welcome').hidden = !me;
  if (!me) return;
  document.getElementById('welcome-heading').textContent = t('home.welcome', { name: displayName(me) });
  document.getElementById('welcome-username').textContent = me.username;
  document.getElementById('welcome-organisation').textContent = organisationOf(me) || t('home.no-organisation');
  document.getElementById('welcome-role').textContent = roleWords(me) || t('home.no-role');
  // The page the user works in (an artist's or care professional's visits) comes first, marked as theirs.
  const pages = [...pagesFor(me)].sort((a, b) => Number(isLandingFor(me, b)) - Number(isLandingFor(me, a)));
  document.getElementById('offer').replaceChildren(...pages.map((page) => {
    const landing = isLandingFor(me, page);
    const item = element('li', { className: landing ? 'offer-landing' : '' },
      element('a', { id: `offer-${page.id}`, href: page.href, className: landing ? 'offer-link button' : 'offer-link',
        textContent: t(page.key) }),
      element('p', { className: 'offer-text', textContent: t(`${page.key}.about`) }));
    if (landing) item.prepend(element('p', { className: 'offer-badge', textContent: t('home.work-page') }));
    return item;
  }));
  document.getElementById('offer').hidden = pages.length === 0;
  document.getElementById('no-pages').hidden = pages.length > 0;
}

draw();
document.addEventListener(LANGUAGE_CHANGED, draw);
document.addEventListener(USER_CHANGED, draw);
