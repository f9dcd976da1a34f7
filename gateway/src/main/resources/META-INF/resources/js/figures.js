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
 * Fills a table's body (and foot) from rows of cells. A cell is text, or {text, numeric, colspan, className};
 * the first cell of a row is its header (th scope=row), so a screen reader names the row with each number.
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
    const td = cell(index === 0 ? 'th' : 'td', content);
    if (index === 0) td.scope = 'row';
    return td;
  }));
}

function cell(tag, content) {
  const spec = typeof content === 'object' && content !== null ? content : { text: content };
  const el = element(tag, { textContent: spec.text ?? '' });
  if (spec.colspan) el.colSpan = spec.colspan;
  const classes = [spec.numeric && 'num', spec.className].filter(Boolean).join(' ');
  if (classes) el.className = classes;
  return el;
}
