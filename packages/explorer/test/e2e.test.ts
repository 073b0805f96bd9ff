/**
 * The explorer end to end in a real browser (playwright-core driving Debian's chromium): a dev
 * node and `taonet explorer` started as processes, a subnet seeded through the SDK, then every
 * page opened, live updates checked without a reload, a failed extrinsic's decoded error, table
 * downloads, phone width, accessible names, and the "disconnected — retrying" state. Any console
 * error or page error fails the test. Screenshots go to a temporary directory, or to the directory
 * TAONET_SCREENSHOTS names (`TAONET_SCREENSHOTS=docs/screenshots` refreshes the README's).
 *
 * Skipped when chromium is missing; `npm run test:e2e` installs it first (scripts/ensure-chromium.mjs).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encryptShieldBlob, shieldKeypairFromSeed } from '@taonet/primitives';
import { keypairFromUri, keypairSigner, Subtensor, Tao } from '@taonet/sdk';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchBrowser } from './browser.js';
import { type Started, startCli, stopCli } from './cli-process.js';
import { aliceAddress, type Seeded, seed, validatorHot } from './seed.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// A test run must not rewrite tracked files: the committed screenshots change only on request.
const SHOTS =
  process.env.TAONET_SCREENSHOTS !== undefined
    ? resolvePath(ROOT, process.env.TAONET_SCREENSHOTS)
    : mkdtempSync(join(tmpdir(), 'taonet-explorer-shots-'));

/** Alpha amount text ("1,234.5 α") as a number, for comparisons only. */
const amount = (s: string | null): number => Number((s ?? '').replace(/[^\d.]/g, ''));

describe.skipIf(!HAS_CHROMIUM)('explorer in a real browser', () => {
  let node: Started | undefined;
  let explorer: Started | undefined;
  let st: Subtensor;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let url: string;
  let seeded: Seeded;
  const problems: string[] = [];
  /** Set once the test stops the node on purpose: failed WebSocket reconnects are then expected. */
  let nodeDown = false;
  const expectedWhileDown = /WebSocket|ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|Failed to load resource/;

  function watch(p: Page): Page {
    p.on('console', (m) => {
      if (m.type() !== 'error') return;
      if (nodeDown && expectedWhileDown.test(m.text())) return;
      problems.push(`console error on ${p.url()}: ${m.text()}`);
    });
    p.on('pageerror', (e) => problems.push(`page error on ${p.url()}: ${e.message}`));
    return p;
  }

  async function open(p: Page, hash: string): Promise<void> {
    await p.goto(`${url}/${hash}`);
    await p.locator('#conn.conn-connected').waitFor({ timeout: 15_000 });
  }

  async function shot(p: Page, name: string, fullPage = true): Promise<void> {
    // Let a live update land and charts size themselves before the picture.
    await p.waitForTimeout(600);
    await p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
  }

  /**
   * Every button, link and text input has an accessible name. Live pages add rows between the two
   * counts, so they are taken again until they agree (an unnamed control never lets them).
   */
  async function expectNamedControls(p: Page): Promise<void> {
    for (const role of ['button', 'link', 'textbox', 'searchbox', 'combobox'] as const) {
      const unnamed = async (): Promise<number> => {
        const all = await p.getByRole(role).count();
        return all - (await p.getByRole(role, { name: /\S/ }).count());
      };
      await expect
        .poll(unnamed, { message: `${role} elements without an accessible name on ${p.url()}`, timeout: 5_000 })
        .toBe(0);
    }
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    node = await startCli(['node', '--dev', '--rpc-port', '0', '--json']);
    const ws = node.line.ws as string;
    st = await Subtensor.connect(ws, { timeoutMs: 20_000 });
    seeded = await seed(st);
    explorer = await startCli(['explorer', '--rpc', ws, '--port', '0', '--json']);
    url = explorer.line.url as string;
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page = watch(await context.newPage());
  }, 180_000);

  afterEach(() => {
    const seen = problems.splice(0);
    expect(seen, 'console errors or page errors').toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    st?.close();
    await stopCli(explorer);
    await stopCli(node);
    if (process.env.TAONET_SCREENSHOTS === undefined) rmSync(SHOTS, { recursive: true, force: true });
  });

  it('network page: live head, finality, issuance against the cap, emission and halving', async () => {
    await open(page, '#/');
    const height = page.getByTestId('stat-height').locator('.stat-value');
    await expect.poll(() => height.textContent()).toMatch(/^#[\d,]+$/);
    const first = amount(await height.textContent());
    // Live: the height moves without a reload.
    await expect.poll(async () => amount(await height.textContent()), { timeout: 10_000 }).toBeGreaterThan(first);
    await expect(page.getByTestId('stat-issuance').textContent()).resolves.toMatch(/τ[\d,]+.*of the τ21,000,000 cap/);
    await expect(page.getByTestId('stat-halving').textContent()).resolves.toMatch(/≈ [\d,]+ blocks/);
    expect(await page.getByText('Emission per block').count()).toBe(1);
    expect(await page.locator('[data-table="network-blocks"] tbody tr').count()).toBeGreaterThan(0);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/\de[+-]\d/);
    await expectNamedControls(page);
    await shot(page, 'explorer-network');
  });

  it('subnets table: the seeded subnet with price, reserves, burn and owner; sorts; downloads as CSV and JSON', async () => {
    await open(page, '#/subnets');
    const row = page.locator('[data-table="subnets"] tbody tr', { hasText: 'Apex Forecasts' });
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells.join(' ')).toMatch(/τ[\d,.]+ \/ α/);
    expect(cells.join(' ')).toMatch(/[\d,.]+ α/);
    // Sorting by price: the header says which way.
    await page.getByRole('button', { name: 'Sort by Price' }).click();
    await expect
      .poll(() => page.locator('[data-table="subnets"] th', { hasText: 'Price' }).getAttribute('aria-sort'))
      .toBe('descending');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download Subnets as CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe('subnets.csv');
    const csvText = readFileSync(await csv.path(), 'utf8');
    const [header, ...lines] = csvText.trim().split('\n');
    expect(header?.split(',')).toEqual([
      'netuid',
      'name',
      'symbol',
      'price_tao',
      'tao_in',
      'alpha_in',
      'market_cap_tao',
      'emission_share',
      'flow_tao_per_block',
      'burn_tao',
      'neurons',
      'owner',
    ]);
    expect(lines.some((l) => l.startsWith(`${seeded.netuid},Apex Forecasts,α,`))).toBe(true);
    const [js] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download Subnets as JSON' }).click(),
    ]);
    const rows = JSON.parse(readFileSync(await js.path(), 'utf8')) as Record<string, unknown>[];
    const sn = rows.find((r) => r.netuid === seeded.netuid);
    expect(sn?.name).toBe('Apex Forecasts');
    // Exact decimal text, never a float in scientific notation.
    expect(String(sn?.tao_in)).toMatch(/^\d+(\.\d{1,9})?$/);
    expect(sn?.owner).toBe(keypairFromUri('//Bob').ss58Address);
    await expectNamedControls(page);
    await shot(page, 'explorer-subnets');
  });

  it('subnet page: charts, emission split, hyperparameters, metagraph, weights heatmap, registrations', async () => {
    await open(page, `#/subnet/${seeded.netuid}`);
    await expect(page.locator('h1').textContent()).resolves.toContain('Apex Forecasts');
    const mg = page.locator(`[data-table="metagraph-${seeded.netuid}"] tbody tr`);
    await expect.poll(() => mg.count()).toBe(4);
    const vRow = mg.filter({ hasText: '✓ validator' }).first();
    await vRow.waitFor();
    // uPlot draws the recorded price and reserves once two blocks are in.
    await page.locator('.chart-plot canvas').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.chart-plot canvas').count()).toBeGreaterThanOrEqual(2);
    await page.getByText('blocks between two epochs').waitFor();
    await page.getByText(/to the owner, then/).waitFor();
    const heat = page.getByRole('table', { name: /Weights heatmap/ });
    await expect(heat.locator('td.heat').allTextContents()).resolves.toEqual(expect.arrayContaining(['70.00%']));
    await expect.poll(() => page.locator(`[data-table="registrations-${seeded.netuid}"] tbody tr`).count()).toBe(4);
    await expectNamedControls(page);
    await shot(page, 'explorer-subnet');
  });

  it('staking through the SDK changes the pool price and the account’s stake on open pages, without a reload', async () => {
    const charlie = keypairFromUri('//Charlie');
    await open(page, `#/subnet/${seeded.netuid}`);
    const acct = watch(await context.newPage());
    await open(acct, `#/account/${charlie.ss58Address}`);
    await acct.getByText('No stake.').first().waitFor();
    for (const p of [page, acct]) await p.evaluate(() => Object.assign(window, { __sameDocument: true }));
    const price = page.getByTestId('subnet-price');
    const priceBefore = await price.textContent();
    const { result } = await st.addStake(keypairSigner(charlie), {
      hotkey: validatorHot.ss58Address,
      netuid: seeded.netuid,
      amount: Tao.of('1'),
      // A small dev pool whose price also climbs every block: a wide limit, partial fill allowed.
      tolerance: 0.9,
      allowPartial: true,
    });
    expect(result.ok, result.explanation).toBe(true);
    const stake = acct.getByTestId(`stake-${seeded.netuid}-${validatorHot.ss58Address}`);
    await stake.waitFor({ timeout: 10_000 });
    expect(amount(await stake.textContent())).toBeGreaterThan(0);
    expect(await stake.textContent()).toMatch(/ α$/);
    await expect.poll(() => price.textContent()).not.toBe(priceBefore);
    // The TAO value is shown apart, and the totals never add alpha to TAO.
    await acct.getByText('TAO value (spot)').first().waitFor();
    await expect(acct.getByText(/TAO \+ TAO: alpha enters only through its price/).count()).resolves.toBe(1);
    for (const p of [page, acct])
      expect(await p.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await expectNamedControls(acct);
    await shot(acct, 'explorer-account');
    await acct.close();
  });

  it('a failed extrinsic shows its decoded error on the block page and in the account’s history', async () => {
    await open(page, `#/block/${seeded.failedBlock}`);
    const row = page.locator('[data-table="block-extrinsics"] tbody tr.row-bad');
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(seeded.failedCode);
    await expect(row.textContent()).resolves.toContain('no subnet has this netuid');
    await expect(row.textContent()).resolves.toContain('add_stake');
    await expectNamedControls(page);
    await shot(page, 'explorer-block');
    await open(page, `#/account/${aliceAddress}`);
    await page.getByText(`failed: ${seeded.failedCode}`).waitFor();
  });

  it('MEV shield: the pool shows only an encrypted carrier; after inclusion carrier and inner link both ways', async () => {
    // A carrier for a key no author announced waits in the pool until its era ends (about 2 s).
    const ferdie = keypairSigner(keypairFromUri('//Ferdie'));
    const foreign = shieldKeypairFromSeed(new Uint8Array(64).fill(5)).publicKey;
    const blob = encryptShieldBlob(foreign, Uint8Array.of(4, 1), {
      encapsulation: new Uint8Array(32).fill(1),
      nonce: new Uint8Array(24).fill(2),
    });
    await open(page, '#/blocks');
    const waiting = st.submit(
      ferdie,
      { method: 'submit_encrypted', args: { ciphertext: blob } },
      {
        period: 8,
        precheck: false,
        timeoutMs: 5000,
      },
    );
    const row = page.locator('[data-table="pending"] tbody tr', { hasText: 'submit_encrypted' });
    await row.first().waitFor({ timeout: 5000 });
    await expect(row.first().textContent()).resolves.toContain('encrypted');
    await waiting;

    // A shielded transfer lands: its block page links carrier and inner, and so do their pages.
    const eve = keypairSigner(keypairFromUri('//Eve'));
    const r = await st.transfer(eve, keypairFromUri('//Taonet//explorer-shield').ss58Address, Tao.of('1'), {
      shield: true,
    });
    expect(
      r.ok,
      JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? String(v) : v)),
    ).toBe(true);
    const carrierHash = r.shielded?.carrierHash as string;
    const innerHash = r.shielded?.innerHash as string;
    const status = (await st.call('taonet_extrinsicStatus', [innerHash])) as { number: string; index: number };
    await open(page, `#/block/${status.number}`);
    const rows = page.locator('[data-table="block-extrinsics"] tbody tr');
    const carrierRow = rows.filter({ hasText: 'submit_encrypted' });
    await carrierRow.waitFor();
    await expect(carrierRow.textContent()).resolves.toContain(`carried → #${status.index}`);
    await expect(rows.filter({ hasText: '← carried by' }).textContent()).resolves.toContain(`#${status.index - 1}`);
    await expectNamedControls(page);
    await carrierRow.getByRole('link', { name: `carried → #${status.index}` }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/extrinsic/${innerHash}`);
    await page.getByTestId('shield-carried-by').getByRole('link').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/extrinsic/${carrierHash}`);
    await expect(page.getByTestId('shield-carries').getByRole('link').getAttribute('href')).resolves.toBe(
      `#/extrinsic/${innerHash}`,
    );
    await expectNamedControls(page);
    await shot(page, 'explorer-extrinsic');
  });

  it('blocks and validator health pages', async () => {
    await open(page, '#/blocks');
    await expect.poll(() => page.locator('[data-table="blocks"] tbody tr').count()).toBeGreaterThan(5);
    await expectNamedControls(page);
    await shot(page, 'explorer-blocks');
    await open(page, '#/validators');
    const v = page.locator('[data-table="validators"] tbody tr');
    await expect.poll(() => v.count()).toBeGreaterThan(0);
    await expect(v.first().textContent()).resolves.toMatch(/SN\d/);
    await expectNamedControls(page);
    await shot(page, 'explorer-validators');
  });

  it('deep links and search', async () => {
    await open(page, '#/');
    const search = page.getByRole('searchbox', { name: /Search/ });
    await search.fill('sn1');
    await search.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/subnet/1');
    await search.fill('2');
    await search.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/block/2');
    await page.locator('h1', { hasText: 'Block #2' }).waitFor();
    await search.fill(aliceAddress);
    await search.press('Enter');
    await page.getByText(aliceAddress).first().waitFor();
    await search.fill('not an address');
    await search.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe(`#/account/${aliceAddress}`);
    await open(page, '#/subnet/999');
    await page.getByText('There is no subnet 999.').waitFor();
  });

  it('fits a phone screen', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
    });
    const p = watch(await phone.newPage());
    for (const hash of ['#/', `#/subnet/${seeded.netuid}`]) {
      await open(p, hash);
      await p.locator('.stat').first().waitFor();
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow on ${hash}`).toBeLessThanOrEqual(1);
    }
    await p.locator('.chart-plot canvas').first().waitFor({ timeout: 20_000 });
    await p.evaluate(() => window.scrollTo(0, 0));
    await shot(p, 'explorer-phone', false);
    await phone.close();
  });

  it('shows "disconnected — retrying" when the node goes away', async () => {
    await open(page, '#/');
    nodeDown = true;
    await stopCli(node);
    await page.locator('#conn', { hasText: 'disconnected — retrying' }).waitFor({ timeout: 15_000 });
    await shot(page, 'explorer-disconnected');
  });
});
