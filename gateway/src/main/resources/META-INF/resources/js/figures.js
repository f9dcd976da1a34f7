// Charts (Chart.js, served by the gateway as a webjar) and the tables that carry the same numbers for those who
// cannot see a chart. Without Chart.js the tables still fill: they are the figures, the charts only show them.
import { t, localeTag, formatNumber } from './i18n.js';
import { element } from './shell.js';

// Colours with at least 3:1 against white for marks and 4.5:1 for text; the meaning is always also in the labels.
const INK = '#1a1a1a';
const GRID = '#d0d0d0';
const BLUE = '#0b4f8a';
const LIGHT_BLUE = '#a9cdee';

const charts = new Map();
let configured = false;

function chartLibrary() {
  const Chart = window.Chart;
  if (!Chart) return null;
  if (!configured) {
    configured = true;
    Chart.defaults.color = INK;
    Chart.defaults.borderColor = GRID;
    Chart.defaults.font.size = 14;
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.animation = false; // live updates would otherwise move all the time
    Chart.defaults.maintainAspectRatio = false; // the height comes from the CSS of .chart
  }
  return Chart;
}

/** Draws a chart on the canvas with this id, or updates the one already there. */
export function drawChart(id, config) {
  const Chart = chartLibrary();
  if (!Chart) return;
  config.options = { ...config.options, locale: localeTag() };
  const existing = charts.get(id);
  if (existing) {
    existing.data = config.data;
    existing.options = config.options;
    existing.update();
  } else {
    charts.set(id, new Chart(document.getElementById(id), config));
  }
}

const numberTicks = (digits) => ({ callback: (value) => formatNumber(value, digits) });

/** One bar per label; `horizontal` for long labels such as target groups. */
export function barChart({ labels, values, label, horizontal = false, digits = 0 }) {
  const valueAxis = horizontal ? 'x' : 'y';
  return {
    type: 'bar',
    data: { labels, datasets: [{ label, data: values, backgroundColor: BLUE, borderColor: BLUE }] },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      plugins: { legend: { display: false } },
      scales: { [valueAxis]: { beginAtZero: true, ticks: numberTicks(digits) } },
    },
  };
}

/**
 * A mean change with its 95 % confidence interval per label: the interval as a floating bar, the mean as a diamond,
 * on a horizontal axis with a dark line at zero (no change). rows[i]: {mean, low, high}, or null to draw nothing.
 */
export function intervalChart({ labels, rows }) {
  const ci = rows.map((row) => (row && row.low != null ? [row.low, row.high] : null));
  const means = rows.map((row) => (row ? row.mean : null));
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        { type: 'bar', label: t('chart.ci'), data: ci, backgroundColor: LIGHT_BLUE, borderColor: BLUE, borderWidth: 1,
          borderSkipped: false, barPercentage: 0.6, order: 2, pointStyle: 'rect' },
        { type: 'line', label: t('chart.mean-change'), data: means, showLine: false, pointStyle: 'rectRot',
          pointRadius: 7, pointHoverRadius: 8, backgroundColor: INK, borderColor: INK, order: 1 },
      ],
    },
    options: {
      indexAxis: 'y',
      scales: {
        x: {
          ticks: numberTicks(2),
          grid: { color: (context) => (context.tick?.value === 0 ? INK : GRID), lineWidth: (c) => (c.tick?.value === 0 ? 2 : 1) },
          title: { display: true, text: t('chart.change-axis') },
        },
      },
      plugins: {
        // The legend shows each mark's own shape (a diamond, a bar), not only its colour.
        legend: { labels: { usePointStyle: true } },
        tooltip: {
          callbacks: {
            label: (item) => (item.datasetIndex === 0
              ? `${t('chart.ci')}: ${formatNumber(item.raw[0], 2)} … ${formatNumber(item.raw[1], 2)}`
              : `${t('chart.mean-change')}: ${formatNumber(item.raw, 2)}`),
          },
        },
      },
    },
  };
}

/**
 * Fills a table's body (and foot) from rows of cells. A cell is text, or {text, numeric, colspan, className, header,
 * content} (content: elements instead of text);
 * the first cell of a row is its header (th scope=row), so a screen reader names the row with each number; a cell
 * with `header: true` is a row header too (a row named by two things, such as a group and a score).
 */
export function fillTable(table, rows, footRows = []) {
  table.tBodies[0].replaceChildren(...rows.map(row));
  table.tFoot?.replaceChildren(...footRows.map(row));
}

/** The head row of a table whose columns are made in script: [{text, numeric}]. */
export function fillHead(table, columns) {
  table.tHead.replaceChildren(element('tr', {}, ...columns.map((column) => {
    const th = cell('th', column);
    th.scope = 'col';
    return th;
  })));
}

function row(cells) {
  return element('tr', {}, ...cells.map((content, index) => {
    const header = index === 0 || Boolean(content?.header);
    const td = cell(header ? 'th' : 'td', content);
    if (header) td.scope = 'row';
    return td;
  }));
}

function cell(tag, content) {
  const spec = typeof content === 'object' && content !== null ? content : { text: content };
  const el = element(tag, { textContent: spec.text ?? '' });
  if (spec.content) el.replaceChildren(...[].concat(spec.content)); // elements, such as a row's button
  if (spec.colspan) el.colSpan = spec.colspan;
  const classes = [spec.numeric && 'num', spec.className].filter(Boolean).join(' ');
  if (classes) el.className = classes;
  return el;
}

/**
 * The paging of a list under its table: previous and next buttons and "page 2 of 5, 87 in all" between them.
 * Drawn once into the (empty) element `nav` and then only updated, so a button keeps the focus across pages;
 * `go(page)` is called with the page (from 0) asked for. Returns update(answer) for a list's answer
 * ({page, totalPages, totalItems}) or null while nothing is read; it relabels itself in the chosen language.
 */
export function pager(nav, go) {
  const previous = element('button', { type: 'button', className: 'button secondary pager-previous' });
  const next = element('button', { type: 'button', className: 'button secondary pager-next' });
  const status = element('p', { className: 'pager-status' });
  status.setAttribute('aria-live', 'polite');
  nav.classList.add('pager');
  nav.replaceChildren(previous, status, next);
  let last = null;
  previous.addEventListener('click', () => last && last.page > 0 && go(last.page - 1));
  next.addEventListener('click', () => last && last.page + 1 < last.totalPages && go(last.page + 1));
  const update = (answer = last) => {
    last = answer;
    previous.textContent = t('pager.previous');
    next.textContent = t('pager.next');
    const pages = Math.max(1, answer?.totalPages ?? 1);
    status.textContent = !answer ? '' : t('pager.status', { page: formatNumber(Math.min(answer.page + 1, pages)),
      pages: formatNumber(pages), total: formatNumber(answer.totalItems) });
    const hadFocus = document.activeElement;
    previous.disabled = !answer || answer.page <= 0;
    next.disabled = !answer || answer.page + 1 >= answer.totalPages;
    // A button that just became disabled loses the focus: it goes to the other one, so the keyboard stays here.
    if (hadFocus === next && next.disabled && !previous.disabled) previous.focus();
    if (hadFocus === previous && previous.disabled && !next.disabled) next.focus();
  };
  update(null);
  return update;
}
