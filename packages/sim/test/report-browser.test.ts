/**
 * The HTML report in a real browser (playwright-core driving Debian's chromium, as the explorer's
 * end-to-end test does): opened from disk with the network off, it must draw every chart and the
 * totals table with no console error or page error. The screenshot goes to a temporary directory,
 * or to the one TAONET_SCREENSHOTS names (`TAONET_SCREENSHOTS=docs/screenshots` refreshes the docs').
 *
 * Skipped when chromium is missing; `node scripts/ensure-chromium.mjs` installs it.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../src/engine/engine.js';
import { runCharts } from '../src/report/charts.js';
import { writeRunReport } from '../src/report/write-run.js';
import { writeSweepReport } from '../src/report/sweep-report.js';
import { parseScenario, readScenarioDocument } from '../src/scenario/parse.js';
import { measureOf, parseMeasure } from '../src/sweep/measure.js';
import { withParam } from '../src/sweep/param-path.js';
import { runSweep } from '../src/sweep/sweep.js';

const CHROMIUM = process.env.TAONET_CHROMIUM ?? '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SHOTS =
  process.env.TAONET_SCREENSHOTS !== undefined
    ? resolve(ROOT, process.env.TAONET_SCREENSHOTS)
    : mkdtempSync(join(tmpdir(), 'taonet-sim-shots-'));

describe.skipIf(!existsSync(CHROMIUM))('sim HTML report in chromium', () => {
  it('renders every chart and the totals offline, without console errors', async () => {
    const file = join(ROOT, 'packages/sim/examples/copier.yaml');
    const r = runScenario(parseScenario(readFileSync(file, 'utf8'), file));
    const dir = mkdtempSync(join(tmpdir(), 'taonet-sim-report-'));
    writeRunReport(r, dir);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/cdn/i);

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
      const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, offline: true });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('requestfailed', (q) => problems.push(`request failed: ${q.url()}`));
      await page.goto(pathToFileURL(join(dir, 'report.html')).href);
      const charts = runCharts(r);
      await page.waitForFunction((n) => document.querySelectorAll('.uplot canvas').length === n, charts.length);
      // Every chart drew its title and a legend entry per series.
      for (const c of charts) {
        const legend = await page.locator(`#${c.id} .u-legend .u-series`).count();
        expect(legend, c.id).toBe(c.series.length + 1);
        expect(await page.locator(`#${c.id} .u-title`).textContent()).toBe(c.title);
      }
      const rows = await page.locator('table.totals tbody tr').count();
      expect(rows).toBe(r.totals.length);
      expect(await page.locator('h1').textContent()).toBe(r.scenario);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, 'sim-report.png'), fullPage: false });
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('renders a sweep heatmap offline, without console errors', async () => {
    const file = join(ROOT, 'packages/sim/examples/copier.yaml');
    const doc = readScenarioDocument(readFileSync(file, 'utf8'), file);
    const params = [
      { path: 'hyperparameters.kappa', values: [16384, 49151] },
      { path: 'subnets.alpha.validators.copier.stake', values: [250, 1000] },
    ];
    const r = await runSweep('copier sweep', withParam(doc, 'epochs', 4), params, { workers: 1 });
    const dir = mkdtempSync(join(tmpdir(), 'taonet-sim-sweep-'));
    writeSweepReport(r, parseMeasure('alpha/copier:dividends'), dir);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
      const context = await browser.newContext({ viewport: { width: 1100, height: 700 }, offline: true });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      await page.goto(pathToFileURL(join(dir, 'sweep.html')).href);
      const cells = page.locator('table.heat tbody td');
      expect(await cells.count()).toBe(4);
      const shown = (await cells.allTextContents()).map(Number);
      expect(shown).toEqual(r.runs.map((x) => Number(measureOf(x, parseMeasure('alpha/copier:dividends')).toFixed(4))));
      await page.screenshot({ path: join(SHOTS, 'sim-sweep.png') });
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
