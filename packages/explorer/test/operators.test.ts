/**
 * The explorer's operator views in a real browser, against a dev node seeded with that state
 * (operator-seed.ts): names from on-chain identities where hotkeys and coldkeys are shown (the
 * address still one click and one tooltip away), a hotkey's children with proportion and take, its
 * parents, and pending children with the block they apply after; and a subnet's mechanisms with
 * their emission split and each mechanism's own incentive and weights. The summaries' pure parts
 * are checked without a browser too.
 *
 * Skipped (the browser part) when chromium is missing; `npm run test:e2e` installs it first.
 */
import type { MechanismsReply, MetagraphReply } from '@taonet/primitives';
import { keypairFromUri, Subtensor } from '@taonet/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fmtInt } from '../src/app/format.js';
import { mechanismRow } from '../src/app/pages/mechanisms.js';
import { proportionFraction } from '../src/app/pages/child-hotkeys.js';
import { HAS_CHROMIUM, launchBrowser, watchedPage } from './browser.js';
import { type Started, startCli, stopCli } from './cli-process.js';
import {
  CHILD_TAKE,
  childHot,
  NAMES,
  type OperatorSeed,
  parent2Hot,
  parentHot,
  seedOperators,
  setWeightsOnBothMechanisms,
  minerA,
} from './operator-seed.js';

describe('mechanism and child hotkey summaries', () => {
  const info: MechanismsReply = {
    netuid: 3,
    count: 2,
    maxCount: 2,
    split: [39321, 26214],
    effectiveSplit: [39321, 26214],
    pendingEmission: ['600', '400'],
    blockEmission: ['6', '4'],
  };

  it('summarises a mechagraph: miners paid, the top miner, who set weights and how recently', () => {
    const mg: MetagraphReply = {
      netuid: 3,
      mecid: 1,
      block: '100',
      n: 4,
      hotkeys: ['0xa', '0xb', '0xc', '0xd'],
      incentive: [0, 40000, 25535, 0],
      weights: [[[1, 65535]], [], [], [[2, 65535]]],
      lastUpdate: ['90', '0', '0', '97'],
    };
    const row = mechanismRow(info, 1, mg, 100);
    expect(row).toMatchObject({ mecid: 1, share: 26214, pending: 400n, lastBlock: 4n, paid: 2, setters: 2, since: 3 });
    expect(row.top).toEqual({ uid: 1, hotkey: '0xb', incentive: 40000 });
    // No incentive and no weights yet: nobody to name.
    expect(mechanismRow(info, 0, { netuid: 3, block: '5', n: 0 }, 5)).toMatchObject({
      paid: 0,
      top: null,
      since: null,
    });
  });

  it('writes a u64 proportion as a fraction of u64::MAX', () => {
    expect(proportionFraction((1n << 64n) - 1n)).toBe(1);
    expect(proportionFraction(((1n << 64n) - 1n) / 4n)).toBeCloseTo(0.25, 9);
    expect(proportionFraction(0n)).toBe(0);
  });
});

describe.skipIf(!HAS_CHROMIUM)('operator views in a real browser', () => {
  let node: Started | undefined;
  let explorer: Started | undefined;
  let st: Subtensor;
  let browser: Browser;
  let page: Page;
  let url: string;
  let seeded: OperatorSeed;
  const problems: string[] = [];

  async function open(hash: string): Promise<void> {
    await page.goto(`${url}/${hash}`);
    await page.locator('#conn.conn-connected').waitFor({ timeout: 15_000 });
  }

  beforeAll(async () => {
    node = await startCli(['node', '--dev', '--rpc-port', '0', '--json']);
    const ws = node.line.ws as string;
    st = await Subtensor.connect(ws, { timeoutMs: 20_000 });
    seeded = await seedOperators(st);
    explorer = await startCli(['explorer', '--rpc', ws, '--port', '0', '--json']);
    url = explorer.line.url as string;
    browser = await launchBrowser();
    page = await watchedPage(browser, problems);
  }, 240_000);

  afterEach(() => {
    expect(problems.splice(0), 'console errors or page errors').toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    st?.close();
    await stopCli(explorer);
    await stopCli(node);
  });

  it('subnet page: mechanisms with their split and each one’s incentive; names in the metagraph', async () => {
    await setWeightsOnBothMechanisms(st, seeded);
    await open(`#/subnet/${seeded.netuid}`);
    const note = page.getByTestId('mechanism-count');
    await expect.poll(() => note.textContent()).toContain('2 mechanisms');
    expect(await note.textContent()).toContain('60.00% / 40.00%');
    const rows = page.locator(`[data-table="mechanisms-${seeded.netuid}"] tbody tr`);
    await expect.poll(() => rows.count()).toBe(2);
    const cells = async (i: number) => (await rows.nth(i).locator('td').allTextContents()).join(' | ');
    // Mechanism 0 pays miner A most (70/30); mechanism 1 pays miner B alone.
    await expect.poll(() => cells(0)).toContain(`UID ${seeded.uids.minerA} `);
    await expect.poll(() => cells(1)).toContain(`UID ${seeded.uids.minerB} `);
    expect(await cells(0)).toContain('60.00%');
    expect(await cells(1)).toContain('40.00%');
    // The metagraph names the parent's coldkey and, through it, the parent hotkey; the link keeps the address.
    const mg = page.locator(`[data-table="metagraph-${seeded.netuid}"] tbody tr`);
    const parentRow = mg.filter({ has: page.locator(`a[href="#/account/${parentHot.ss58Address}"]`) });
    await expect.poll(() => parentRow.textContent()).toContain(NAMES.alice);
    const link = parentRow.locator(`a[href="#/account/${parentHot.ss58Address}"]`);
    expect(await link.getAttribute('title')).toContain(parentHot.ss58Address);
    expect(await link.textContent()).toContain(NAMES.alice);
    const childRow = mg.filter({ has: page.locator(`a[href="#/account/${childHot.ss58Address}"]`) });
    expect(await childRow.textContent()).toContain(NAMES.charlie);
    expect(await page.locator(`a[href="#/account/${minerA.ss58Address}"]`).first().textContent()).toContain(NAMES.bob);
  }, 60_000);

  it('a parent hotkey’s page: its child with proportion and take, in effect', async () => {
    await open(`#/account/${parentHot.ss58Address}`);
    await expect.poll(() => page.getByTestId('account-name').textContent()).toBe(`Hotkey of ${NAMES.alice}`);
    const row = page.locator('[data-table="account-child-hotkeys"] tbody tr', { hasText: 'child' });
    await row.first().waitFor();
    const text = await row.first().textContent();
    expect(text).toContain(NAMES.charlie);
    expect(text).toContain('50.00%');
    expect(text).toContain(`${((CHILD_TAKE / 65535) * 100).toFixed(2)}%`);
    expect(text).toContain('in effect');
    expect(await row.first().locator(`a[href="#/account/${childHot.ss58Address}"]`).count()).toBe(1);
  });

  it('a pending child shows the block after which it applies', async () => {
    await open(`#/account/${parent2Hot.ss58Address}`);
    const row = page.locator('[data-table="account-child-hotkeys"] tbody tr', { hasText: 'pending child' });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain(`at the first epoch after block #${fmtInt(seeded.pendingAfter)}`);
    expect(text).toContain('25.00%');
    expect(text).toContain(NAMES.charlie);
  });

  it('a child hotkey’s page: its parent, named', async () => {
    await open(`#/account/${childHot.ss58Address}`);
    await expect.poll(() => page.getByTestId('account-name').textContent()).toBe(`Hotkey of ${NAMES.charlie}`);
    const row = page.locator('[data-table="account-child-hotkeys"] tbody tr', { hasText: 'parent' });
    await row.waitFor();
    expect(await row.textContent()).toContain(NAMES.alice);
    expect(await row.textContent()).toContain('50.00%');
    // The pending parent is not a parent yet.
    expect(await row.count()).toBe(1);
  });

  it('a coldkey’s page carries its name; the validators page names validators', async () => {
    await open(`#/account/${keypairFromUri('//Alice').ss58Address}`);
    await expect.poll(() => page.getByTestId('account-name').textContent()).toBe(NAMES.alice);
    await page.getByText(keypairFromUri('//Alice').ss58Address).first().waitFor();
    await open('#/validators');
    const v = page.locator('[data-table="validators"] tbody tr', { hasText: NAMES.alice });
    await expect.poll(() => v.count()).toBeGreaterThan(0);
  });
});
