/**
 * The subnet page's timelocked commits in a real browser, against a dev node (its dev beacon): a
 * commit-reveal subnet where one validator's garbage commit failed to reveal (the reason shown) and
 * another's weights, committed timelocked by the SDK's submitWeights, wait for their round (the
 * committer, the reveal round, the beacon's current round and an ETA shown). The ETA's arithmetic
 * is checked without a browser too.
 *
 * Skipped (the browser part) when chromium is missing; `npm run test:e2e` installs it first.
 */
import type { BeaconStatusReply, TimelockedCommitsReply } from '@taonet/primitives';
import { keypairFromUri, keypairSigner, Metagraph, Subtensor, Tao, type TxResult } from '@taonet/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fmtInt } from '../src/app/format.js';
import { failedRows, pendingRows } from '../src/app/pages/timelocked-commits.js';
import { HAS_CHROMIUM, launchBrowser, watchedPage } from './browser.js';
import { type Started, startCli, stopCli } from './cli-process.js';

const beacon: BeaconStatusReply = {
  publicKey: '0x',
  chainHash: '0x',
  genesisTime: '0',
  period: '3',
  lastStoredRound: '100',
  oldestStoredRound: '1',
  blockTimeMs: 250,
  head: '1000',
  headTimestamp: '300500',
};
const commit = (revealRound: string, revealEpoch: string) => ({
  hotkey: '0xaa',
  mecid: 0,
  commitEpoch: '9',
  revealEpoch,
  commitBlock: '990',
  revealRound,
  hash: '0x',
  bytes: 300,
});

describe('timelocked commit rows', () => {
  const base: TimelockedCommitsReply = {
    netuid: 1,
    commitRevealEnabled: true,
    revealPeriodEpochs: 1,
    epoch: '9',
    lastStoredRound: '100',
    pending: [],
    failed: [],
    nextCommit: null,
  };

  it('waits for the later of the round and the reveal epoch', () => {
    // Round 104 is published at 309 s, 8.5 s after the head; epoch 10 starts in 3 blocks (0.75 s).
    const [late] = pendingRows({ ...base, pending: [commit('104', '10')] }, beacon, {
      tempo: 10,
      blocksUntilNextEpoch: '2',
    });
    expect(late).toMatchObject({ revealRound: 104n, currentRound: 100n, etaMs: 8_500 });
    // Round on chain already; epoch 11 starts in 2 + 10 + 1 blocks.
    const [epoch] = pendingRows({ ...base, pending: [commit('100', '11')] }, beacon, {
      tempo: 10,
      blocksUntilNextEpoch: '2',
    });
    expect(epoch?.etaMs).toBe(13 * 250);
    // Both past: due now.
    const [due] = pendingRows({ ...base, pending: [commit('99', '9')] }, beacon, {
      tempo: 10,
      blocksUntilNextEpoch: '2',
    });
    expect(due?.etaMs).toBe(0);
  });

  it('keeps a failed reveal’s reason and detail', () => {
    const failed = [{ ...commit('5', '3'), block: '40', reason: 'MalformedCiphertext', detail: 'too short' }];
    expect(failedRows({ ...base, failed })).toEqual([
      { hotkey: '0xaa', mecid: 0, block: 40n, revealRound: 5n, reason: 'MalformedCiphertext', detail: 'too short' },
    ]);
  });
});

const alice = keypairSigner(keypairFromUri('//Alice'));
const honest = keypairFromUri('//tl-explorer-honest');
const garbler = keypairFromUri('//tl-explorer-garbler');

function must(r: TxResult, what: string): TxResult {
  if (!r.ok) throw new Error(`${what} failed: ${r.code} ${r.explanation} ${r.hint ?? ''}`);
  return r;
}

async function waitFor(what: string, ok: () => Promise<boolean>, tries = 400): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * A commit-reveal subnet with two staked validators. With a one-epoch reveal period the garbler's
 * commit (bytes that are no ciphertext) fails at its reveal; then, with a six-epoch period, the
 * honest validator's weights go on chain timelocked and stay pending long enough to be seen.
 */
async function seed(st: Subtensor): Promise<{ netuid: number; revealRound: bigint }> {
  const reg = must(await st.registerNetwork(alice, keypairFromUri('//Alice//tl-owner').ss58Address), 'register');
  const netuid = reg.events.find((e) => e.name === 'NetworkAdded')?.data.netuid as number;
  must(await st.startCall(alice, netuid), 'start');
  for (const v of [honest, garbler]) {
    must(await st.register(alice, netuid, v.ss58Address), 'register validator');
    must(
      (await st.addStake(alice, { hotkey: v.ss58Address, netuid, amount: Tao.of('0.1'), tolerance: 0.5 })).result,
      'stake',
    );
  }
  const set = (name: string, value: boolean | number) =>
    st.submit(alice, { method: 'set_hyperparameter', args: { netuid, name, value } });
  must(await set('commitRevealEnabled', true), 'commit-reveal on');
  must(await set('revealPeriodEpochs', 1), 'reveal period');
  await waitFor('validator permits', async () => {
    const mg = await new Metagraph(st, netuid).sync();
    return mg.hasValidatorPermit(honest.ss58Address) && mg.hasValidatorPermit(garbler.ss58Address);
  });
  const last = BigInt(((await st.call('taonet_beacon', [])) as BeaconStatusReply).lastStoredRound);
  must(
    await st.submit(keypairSigner(garbler), {
      method: 'commit_timelocked_weights',
      args: { netuid, commit: new Uint8Array(64).fill(7), revealRound: last + 2n, commitRevealVersion: 4 },
    }),
    'garbage commit',
  );
  await waitFor('the failed reveal', async () => {
    const c = (await st.call('taonet_timelockedCommits', [netuid])) as TimelockedCommitsReply;
    return c.failed.length > 0;
  });
  must(await set('revealPeriodEpochs', 6), 'reveal period');
  const r = await st.submitWeights(keypairSigner(honest), { netuid, uids: [0, 1], weights: [1, 1] });
  must(r.result, 'timelocked weights');
  expect(r.mode).toBe('timelocked');
  return { netuid, revealRound: r.revealRound as bigint };
}

describe.skipIf(!HAS_CHROMIUM)('timelocked commits in a real browser', () => {
  let node: Started | undefined;
  let explorer: Started | undefined;
  let st: Subtensor;
  let browser: Browser;
  let page: Page;
  let url: string;
  let seeded: { netuid: number; revealRound: bigint };
  const problems: string[] = [];

  beforeAll(async () => {
    node = await startCli(['node', '--dev', '--rpc-port', '0', '--json']);
    const ws = node.line.ws as string;
    st = await Subtensor.connect(ws, { timeoutMs: 20_000 });
    seeded = await seed(st);
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

  it('subnet page: a pending commit with its round, the beacon’s round and an ETA; a failed reveal with its reason', async () => {
    await page.goto(`${url}/#/subnet/${seeded.netuid}`);
    await page.locator('#conn.conn-connected').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId('timelocked-note').textContent()).toContain('Commit-reveal is on');
    const pending = page.locator(`[data-table="timelocked-pending-${seeded.netuid}"] tbody tr`);
    await expect.poll(() => pending.count()).toBe(1);
    const text = (await pending.first().locator('td').allTextContents()).join(' | ');
    expect(text).toContain(fmtInt(seeded.revealRound));
    expect(text).toMatch(/in \d+s|due now/);
    expect(await pending.first().locator(`a[href="#/account/${honest.ss58Address}"]`).count()).toBe(1);
    const beaconRound = ((await st.call('taonet_beacon', [])) as BeaconStatusReply).lastStoredRound;
    // The beacon's round column: a round on chain, behind the one the commit waits for.
    const shown = BigInt((await pending.first().locator('td').nth(4).textContent())?.replace(/\D/g, '') ?? '0');
    expect(shown > 0n && shown < seeded.revealRound).toBe(true);
    expect(shown <= BigInt(beaconRound)).toBe(true);
    const failed = page.locator(`[data-table="timelocked-failed-${seeded.netuid}"] tbody tr`);
    await expect.poll(() => failed.count()).toBe(1);
    // The reason the chain recorded (a ciphertext this malformed fails to decrypt, or its round came
    // after the one-epoch reveal window), and its detail.
    const [recorded] = ((await st.call('taonet_timelockedCommits', [seeded.netuid])) as TimelockedCommitsReply).failed;
    expect(['MalformedCiphertext', 'DecryptionFailed', 'PulseNeverArrived']).toContain(recorded?.reason);
    expect(await failed.first().textContent()).toContain(`${recorded?.reason} ${recorded?.detail}`);
    expect(await failed.first().locator(`a[href="#/account/${garbler.ss58Address}"]`).count()).toBe(1);
  }, 60_000);
});
