/**
 * The yuma-simulation cases as an offline HTML page: per case and Yuma variant, each validator's
 * dividends (yuma-simulation's unit) over the 40 epochs, next to the totals of the docs table.
 */
import { htmlPage } from '../report/html.js';
import type { ChartSpec } from '../report/charts.js';
import { YUMA_CASES } from './cases.js';
import type { CaseRun } from './run-case.js';
import { runAllYumaCases } from './table.js';
import { YUMA_VARIANTS } from './variants.js';

export function yumaCasesCharts(runs: readonly CaseRun[]): ChartSpec[] {
  return YUMA_CASES.flatMap((c) =>
    YUMA_VARIANTS.map((v): ChartSpec => {
      const r = runs.find((x) => x.caseId === c.id && x.variant === v.id);
      return {
        id: `case-${c.id}-${v.id}`,
        title: `${c.name} — ${v.label}`,
        yLabel: 'dividends per 1000 TAO',
        x: Array.from({ length: c.epochs }, (_, e) => e),
        series: c.validators.map((name, i) => ({ label: name, values: r?.series[i] ?? [] })),
      };
    }),
  );
}

export function yumaCasesHtml(runs: readonly CaseRun[] = runAllYumaCases()): string {
  const body = `<h1>yuma-simulation cases on the runtime</h1>
<p class="facts">${YUMA_CASES.length} cases × ${YUMA_VARIANTS.length} variants, each validator's dividends per 1000 TAO staked per epoch (yuma-simulation's unit), computed by the runtime's epoch. Totals and the notes on differences: docs/sim-yuma-cases.md.</p>`;
  return htmlPage('yuma-simulation cases — taonet sim', body, yumaCasesCharts(runs));
}
