/**
 * The HTML report: one self-contained file (uPlot and the data inlined) that opens offline —
 * run facts, a totals table, and line charts of dividends, incentive, bonds, stake, emission share
 * and price over epochs; for a sweep, a heatmap of the measured figure over the two parameters.
 */
import type { SimResult } from '../engine/records.js';
import type { ChartSpec } from './charts.js';
import { runCharts } from './charts.js';
import { raoToDecimal } from './csv.js';
import { uplotBundle } from './uplot-bundle.js';

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** JSON safe inside a <script> element. */
const scriptJson = (v: unknown): string => JSON.stringify(v).replace(/</g, '\\u003c');

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1000px;color:#1b1f24;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
.facts{color:#57606a;margin:0 0 12px}.facts code{font-size:12px}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{border-bottom:1px solid #d0d7de;padding:4px 8px;text-align:right}th{background:#f6f8fa}
td:first-child,th:first-child,td.l,th.l{text-align:left}
.chart{margin:14px 0}.heat td{text-align:center;color:#111}
.warn{background:#fff8c5;border:1px solid #d4a72c;padding:8px;border-radius:6px}
`;

const CHART_SCRIPT = `
const PALETTE=['#0969da','#cf222e','#1a7f37','#8250df','#bc4c00','#1b7c83','#bf3989','#6e7781','#4d2d00','#0550ae'];
const specs=JSON.parse(document.getElementById('chart-data').textContent);
for(const c of specs){
  const host=document.getElementById(c.id);
  const w=Math.max(320,Math.min(960,host.clientWidth||960));
  new uPlot({title:c.title,width:w,height:260,scales:{x:{time:false}},
    axes:[{label:'epoch'},{label:c.yLabel,size:70}],
    series:[{label:'epoch'},...c.series.map((s,i)=>({label:s.label,stroke:PALETTE[i%PALETTE.length],width:2,spanGaps:true}))]},
    [c.x,...c.series.map(s=>s.values)],host);
}
`;

export function htmlPage(title: string, body: string, charts: readonly ChartSpec[]): string {
  const { js, css } = uplotBundle();
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${css}</style><style>${STYLE}</style></head>
<body>
${body}
${charts.map((c) => `<div class="chart" id="${esc(c.id)}"></div>`).join('\n')}
<script type="application/json" id="chart-data">${scriptJson(charts)}</script>
<script>${js}</script>
<script>${CHART_SCRIPT}</script>
</body></html>
`;
}

export function runReportHtml(r: SimResult): string {
  const rows = [...r.totals]
    .map(
      (t) =>
        `<tr><td>${esc(t.subnet)}</td><td class="l">${esc(t.entity)}</td><td class="l">${esc(t.role)}</td><td class="l">${esc(t.behaviour)}</td><td>${t.dividends.toFixed(4)}</td><td>${t.incentive.toFixed(4)}</td><td>${raoToDecimal(t.emission)}</td><td>${raoToDecimal(t.finalStake)}</td></tr>`,
    )
    .join('\n');
  const failures =
    r.failures.length === 0
      ? ''
      : `<p class="warn">${r.failures.length} call(s) failed on chain; see result.json (first: ${esc(r.failures[0]?.method ?? '')} ${esc(r.failures[0]?.code ?? '')}).</p>`;
  const body = `<h1>${esc(r.scenario)}</h1>
<p class="facts">${r.epochs} epochs · ${r.blocks} blocks · ${r.mode} mode · seed ${r.seed} · final state digest <code>${esc(r.digest)}</code></p>
${failures}
<h2>Totals</h2>
<p class="facts">Dividends and incentive: each epoch's normalised share summed over the epochs. Emission and stake in alpha.</p>
<table class="totals"><thead><tr><th>subnet</th><th class="l">entity</th><th class="l">role</th><th class="l">behaviour</th><th>dividends</th><th>incentive</th><th>emission (α)</th><th>final stake (α)</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<h2>Over epochs</h2>`;
  return htmlPage(`${r.scenario} — taonet sim`, body, runCharts(r));
}
