import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { YUMA_CASES } from '../src/yuma-cases/cases.js';
import { yumaCasesCharts, yumaCasesHtml } from '../src/yuma-cases/report.js';
import { runYumaCase } from '../src/yuma-cases/run-case.js';
import { runAllYumaCases, yumaCasesMarkdown } from '../src/yuma-cases/table.js';
import { YUMA_VARIANTS } from '../src/yuma-cases/variants.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const runs = runAllYumaCases();
const run = (id: number, variant: string) => {
  const r = runs.find((x) => x.caseId === id && x.variant === variant);
  if (r === undefined) throw new Error(`no run ${id}/${variant}`);
  return r;
};

describe('yuma-simulation cases on the runtime', () => {
  it('docs/sim-yuma-cases.md is what `taonet sim yuma-cases` generates now', () => {
    expect(readFileSync(`${ROOT}docs/sim-yuma-cases.md`, 'utf8')).toBe(yumaCasesMarkdown(runs));
  });

  it('covers the 22 registered cases for every variant, 40 epochs each', () => {
    expect(YUMA_CASES.map((c) => c.id)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect(runs).toHaveLength(22 * YUMA_VARIANTS.length);
    for (const r of runs) for (const s of r.series) expect(s).toHaveLength(40);
  });

  it('pays each validator in proportion to stake when everyone agrees (case 4)', () => {
    for (const v of YUMA_VARIANTS) {
      const t = run(4, v.id).totals;
      expect(Math.abs((t[0] as number) - (t[1] as number))).toBeLessThan(1e-3);
      // 41 units per epoch over 1000 stake-units: 0.041 per epoch, 40 epochs.
      expect(t[0]).toBeCloseTo(40 * 0.041, 3);
    }
  });

  it('shows the known findings: classic Yuma punishes the lazy validator more than Yuma3 does (case 1)', () => {
    const classic = run(1, 'classic').totals;
    const y3 = run(1, 'yuma3').totals;
    expect((y3[2] as number) / (y3[0] as number)).toBeGreaterThan((classic[2] as number) / (classic[0] as number));
  });

  it('without the bonds penalty, the small validator that keeps a sliver on the other server profits (case 12)', () => {
    const b0 = run(12, 'classic-b0').totals;
    const b1 = run(12, 'classic').totals;
    expect((b0[1] as number) / (b0[0] as number)).toBeGreaterThan(2);
    expect(Math.abs((b1[1] as number) / (b1[0] as number) - 1)).toBeLessThan(0.01);
  });

  it('a validator whose stake goes to zero (case 9) stops earning from that epoch', () => {
    const r = runYumaCase(
      YUMA_CASES[8] as (typeof YUMA_CASES)[number],
      YUMA_VARIANTS[0] as (typeof YUMA_VARIANTS)[number],
    );
    expect(r.series[2]?.slice(6).every((x) => x === 0)).toBe(true);
    expect(r.series[2]?.[5]).toBeGreaterThan(0);
  });

  it('charts every case and variant over its epochs in the HTML page', () => {
    const charts = yumaCasesCharts(runs);
    expect(charts).toHaveLength(22 * YUMA_VARIANTS.length);
    const c1 = charts.find((c) => c.id === 'case-1-yuma3');
    expect(c1?.series.map((s) => s.values)).toEqual(run(1, 'yuma3').series);
    const html = yumaCasesHtml(runs);
    for (const c of charts) expect(html).toContain(`id="${c.id}"`);
  });
});
