/**
 * Sweep reports: JSON (every run keyed by its parameters), CSV (one row per run and entity) and an
 * HTML page with a heatmap of the measured figure over the first two parameters (a table of coloured
 * cells) and, for a one-parameter sweep, a line chart.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Measure, measureOf } from '../sweep/measure.js';
import type { SweepResult } from '../sweep/sweep-types.js';
import { toCsv } from './csv.js';
import { htmlPage } from './html.js';
import { toJson } from './json.js';

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export function sweepCsv(r: SweepResult): string {
  const paths = r.params.map((p) => p.path);
  return toCsv(
    [...paths, 'digest', 'subnet', 'entity', 'role', 'behaviour', 'dividends', 'incentive', 'emission', 'final_stake'],
    r.runs.flatMap((run) =>
      run.totals.map((t) => [
        ...paths.map((p) => JSON.stringify(run.params[p])),
        run.digest,
        t.subnet,
        t.entity,
        t.role,
        t.behaviour,
        t.dividends,
        t.incentive,
        t.emission,
        t.finalStake,
      ]),
    ),
  );
}

/** White → blue by value between the grid's min and max. */
function colour(v: number, lo: number, hi: number): string {
  const f = hi === lo ? 0.5 : (v - lo) / (hi - lo);
  const c = (a: number, b: number) => Math.round(a + (b - a) * f);
  return `rgb(${c(247, 33)},${c(251, 102)},${c(255, 172)})`;
}

export function sweepHtml(r: SweepResult, m: Measure | null): string {
  const head = `<h1>Sweep: ${esc(r.scenario)}</h1>
<p class="facts">${r.runs.length} runs on ${r.workers} worker thread(s) in ${r.seconds.toFixed(1)} s · parameters ${r.params.map((p) => `<code>${esc(p.path)}</code>`).join(' × ')}</p>`;
  if (m === null) return htmlPage(`Sweep ${r.scenario}`, `${head}<p>No measure given (--measure).</p>`, []);
  const values = r.runs.map((run) => measureOf(run, m));
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const [p1, p2] = r.params;
  let body = `${head}<h2>${esc(m.label)}</h2>`;
  if (p1 !== undefined && p2 !== undefined) {
    const cell = (a: unknown, b: unknown): string => {
      const i = r.runs.findIndex((run) => run.params[p1.path] === a && run.params[p2.path] === b);
      const v = values[i];
      return v === undefined ? '<td>—</td>' : `<td style="background:${colour(v, lo, hi)}">${v.toFixed(4)}</td>`;
    };
    body += `<table class="heat"><thead><tr><th>${esc(p1.path)} \\ ${esc(p2.path)}</th>${p2.values.map((v) => `<th>${esc(String(v))}</th>`).join('')}</tr></thead><tbody>
${p1.values.map((a) => `<tr><th>${esc(String(a))}</th>${p2.values.map((b) => cell(a, b)).join('')}</tr>`).join('\n')}
</tbody></table>`;
    if (r.params.length > 2)
      body +=
        '<p class="facts">Further parameters: the heatmap shows the first run of each cell; sweep.csv has all.</p>';
    return htmlPage(`Sweep ${r.scenario}`, body, []);
  }
  const raw = p1?.values ?? [];
  const numeric = raw.every((v) => typeof v === 'number');
  const x = raw.map((v, i) => (numeric ? (v as number) : i));
  const note = numeric ? '' : `<p class="facts">x: index into [${raw.map(String).map(esc).join(', ')}]</p>`;
  return htmlPage(`Sweep ${r.scenario}`, `${body}${note}`, [
    {
      id: 'sweep-line',
      title: `${m.label} over ${p1?.path ?? ''}`,
      yLabel: m.field,
      x,
      series: [{ label: m.label, values }],
    },
  ]);
}

export function writeSweepReport(r: SweepResult, m: Measure | null, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {
    'sweep.json': toJson({
      ...r,
      measure: m?.label ?? null,
      values: m === null ? null : r.runs.map((x) => measureOf(x, m)),
    }),
    'sweep.csv': sweepCsv(r),
    'sweep.html': sweepHtml(r, m),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return Object.keys(files).map((n) => join(dir, n));
}
