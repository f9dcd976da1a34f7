// The live stream (/api/stream, server-sent events): calls back on every event and keeps #live-status saying
// whether the page is live. The browser's EventSource reconnects by itself after a dropped connection, and the server
// resumes from Last-Event-ID. It gives up only when the server refused the stream (an error status, or a login
// redirect when the session has ended); then this opens a new one after a pause, and the caller refreshes everything,
// since what happened meanwhile was not resumed.
import { t } from './i18n.js';

const TOPICS = ['outcome', 'session', 'visit'];
const RETRY_SECONDS = [5, 15, 30, 60];

/**
 * onEvent(topic, data): an event of a topic ('outcome', 'session', 'visit'), data as sent (type, seriesId, subject,
 * time, data). onResumed(): the stream opened again after the browser or this module had to reconnect.
 * onRefused(): the server refused the stream, so the caller can check whether the user is still signed in.
 * Returns {stop()}.
 */
export function startLive({ onEvent, onResumed = () => {}, onRefused = () => {} }) {
  const status = document.getElementById('live-status');
  const text = document.getElementById('live-status-text');
  let state = null;
  let opened = false;
  let retries = 0;
  let source = null;
  let stopped = false;
  let retryTimer = null;

  // Written only when the state changes, so a screen reader hears each change once (the element is aria-live).
  const show = (next) => {
    if (next === state) return;
    state = next;
    status.dataset.state = next;
    text.dataset.i18n = `live.${next}`; // apply() relabels it on a language change
    text.textContent = t(`live.${next}`);
  };

  const open = () => {
    show(opened ? 'reconnecting' : 'connecting');
    source = new EventSource('/api/stream');
    source.addEventListener('ready', () => {
      if (opened) onResumed();
      opened = true;
      retries = 0;
      show('live');
    });
    for (const topic of TOPICS) {
      source.addEventListener(topic, (message) => {
        show('live');
        onEvent(topic, parse(message.data));
      });
    }
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        // Refused: EventSource will not try again by itself, so this does, after a pause.
        const seconds = RETRY_SECONDS[Math.min(retries++, RETRY_SECONDS.length - 1)];
        show('reconnecting');
        onRefused();
        if (!stopped) retryTimer = setTimeout(open, seconds * 1000);
      } else {
        show('reconnecting');
      }
    });
  };

  // A page kept in the back/forward cache loses its stream; it opens a new one (and refreshes) when shown again.
  window.addEventListener('pagehide', () => source?.close());
  window.addEventListener('pageshow', (event) => { if (event.persisted && !stopped) open(); });
  open();
  return {
    /** Closes the stream for good (the user signed out): the status says so. */
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
      source?.close();
      show('offline');
    },
  };
}

function parse(data) {
  try {
    return JSON.parse(data);
  } catch {
    return {};
  }
}

/**
 * Calls fn once things have been quiet for `wait` ms, but at least every `maxWait` ms while events keep coming, so
 * a burst of events is one refresh and a steady flow cannot postpone it for ever.
 */
export function debounce(fn, wait = 300, maxWait = 3000) {
  let timer = null;
  let first = null;
  return () => {
    const now = Date.now();
    first ??= now;
    clearTimeout(timer);
    const delay = Math.max(0, Math.min(wait, first + maxWait - now));
    timer = setTimeout(() => {
      first = null;
      fn();
    }, delay);
  };
}
