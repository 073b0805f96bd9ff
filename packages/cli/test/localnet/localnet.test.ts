/**
 * The one-command local network, end to end: `taonet localnet up` starts a chain, the demo
 * subnets with staked validators, honest miners and cheaters (sybil, copier, random), each its
 * own process. Over several tempos honest miners earn incentive, validators earn dividends, every
 * cheater earns at most a tenth of what an honest miner earns on average, a validator of subnet 1
 * earns dividends on subnet 2 through its child hotkey, both mechanisms of the two-mechanism
 * subnet pay their miners, the commit-reveal subnet's validators commit timelocked and the chain
 * reveals (its miners paid), and staking moves a subnet's price and the staker's share. Runs on its
 * own (vitest.localnet.config.ts): it needs the machine's cores for its twenty processes.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Alpha, keypairFromUri, keypairSigner, Subtensor, Tao, toAccountHex } from '@taonet/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childLinks, type NetworkPlan } from '../../src/localnet/plan.js';
import { freshHome, taonetIn } from '../utils/dev-node.js';
import { blockAfter, commandsOf } from '../utils/readme.js';

const BIN = resolve(import.meta.dirname, '../../bin/taonet.js');
const REPO = resolve(import.meta.dirname, '../../../..');
const PY = join(REPO, 'compat', 'python');
const dir = mkdtempSync(join(tmpdir(), 'taonet-localnet-'));
const TEMPOS_OBSERVED = 16;
let up: ChildProcess;
let ready: {
  rpc: string;
  firstEpochPaidSeconds: number;
  firstEpochPaidBlock: string;
  subnets: { netuid: number }[];
};
let st: Subtensor;
let plan: NetworkPlan;
let log = '';

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a !== null ? ok(a.port) : fail(new Error('no port'))));
    });
  });
}

async function waitForBlock(target: bigint): Promise<void> {
  while ((await st.head()).number < target) await new Promise((ok) => setTimeout(ok, 250));
}

interface Column {
  hotkeys: string[];
  alphaStake: string[];
  incentive: number[];
  dividends: number[];
  block: string;
}

async function stakes(netuid: number): Promise<Map<string, bigint>> {
  const mg = (await st.call('taonet_metagraph', [netuid, ['hotkeys', 'alphaStake']])) as Column;
  // Keyed by SS58 address; the RPC gives account ids in hex.
  const bySs58 = new Map(
    plan.neurons.map((n) => [
      toAccountHex(keypairFromUri(n.hotkeyUri).ss58Address),
      keypairFromUri(n.hotkeyUri).ss58Address,
    ]),
  );
  return new Map(mg.hotkeys.map((h, i) => [bySs58.get(h) ?? h, BigInt(mg.alphaStake[i] as string)]));
}

/** Runs a command to its end; exit code and output (stdout and stderr interleaved). */
function runTo(cmd: string, argv: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((ok, fail) => {
    const p = spawn(cmd, argv, { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    p.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    p.on('error', fail);
    p.on('exit', (code) => ok({ code, out }));
  });
}

let args: string[] = [];

function startUp(): Promise<typeof ready> {
  up = spawn(process.execPath, [BIN, 'localnet', 'up', ...args, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  up.stderr?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  return new Promise((ok, fail) => {
    let buf = '';
    up.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      const line = buf.split('\n').find((l) => l.includes('"ready"'));
      if (line !== undefined) ok(JSON.parse(line));
    });
    up.on('exit', (c) => fail(new Error(`localnet up exited ${c}: ${buf}${log}`)));
    setTimeout(() => fail(new Error(`no paid epoch within 180 s: ${buf}${log}`)), 180_000);
  });
}

async function stopUp(): Promise<void> {
  if (up === undefined || up.exitCode !== null || up.signalCode !== null) return;
  const exited = new Promise((ok) => up.once('exit', ok));
  up.kill('SIGTERM');
  await exited;
}

beforeAll(async () => {
  const rpcPort = await freePort();
  const explorerPort = await freePort();
  const basePort = 20_000 + (process.pid % 20_000);
  args = [
    '--dir',
    dir,
    '--rpc-port',
    String(rpcPort),
    '--explorer-port',
    String(explorerPort),
    '--base-port',
    String(basePort),
  ];
  ready = await startUp();
  st = await Subtensor.connect(ready.rpc);
  plan = JSON.parse(readFileSync(join(dir, 'network.json'), 'utf8'), (_k, v) =>
    typeof v === 'string' && /^\d+n$/.test(v) ? BigInt(v.slice(0, -1)) : v,
  ) as NetworkPlan;
}, 200_000);

afterAll(async () => {
  st?.close();
  await stopUp();
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe('taonet localnet', () => {
  it('reaches a paid epoch quickly', () => {
    process.stdout.write(
      `localnet: first epoch paid miners after ${ready.firstEpochPaidSeconds.toFixed(1)} s (block ${ready.firstEpochPaidBlock})\n`,
    );
    // The target on a two-core machine; measured about 40 s with other work running beside it.
    expect(ready.firstEpochPaidSeconds).toBeLessThanOrEqual(60);
  });

  it('pays honest miners and validators and leaves cheaters with under a tenth', async () => {
    const subnets = plan.subnets.map((s) => ({ kind: s.name, netuid: s.netuid as number }));
    // Let validators learn for a few tempos, then measure what every hotkey earns.
    const tempo = BigInt((await st.subnet(subnets[0]?.netuid as number))?.tempo ?? 10);
    await waitForBlock((await st.head()).number + 4n * tempo);
    const before = new Map(await Promise.all(subnets.map(async (s) => [s.netuid, await stakes(s.netuid)] as const)));
    const start = (await st.head()).number;
    await waitForBlock(start + BigInt(TEMPOS_OBSERVED) * tempo);
    for (const s of subnets) {
      const after = await stakes(s.netuid);
      const earned = (uri: string): bigint => {
        const hot = keypairFromUri(uri).ss58Address;
        return (after.get(hot) ?? 0n) - (before.get(s.netuid)?.get(hot) ?? 0n);
      };
      const neurons = plan.neurons.filter((n) => n.subnet === s.kind);
      const honest = neurons.filter((n) => n.role === 'miner').map((n) => earned(n.hotkeyUri));
      const validators = neurons.filter((n) => n.role === 'validator').map((n) => earned(n.hotkeyUri));
      const cheaters = neurons.filter((n) => !['miner', 'validator'].includes(n.role));
      const mean = honest.reduce((a, b) => a + b, 0n) / BigInt(honest.length);
      const lines = neurons.map((n) => `  ${n.name}: ${new Alpha(earned(n.hotkeyUri), s.netuid).toString()}`);
      process.stdout.write(`${s.kind} (netuid ${s.netuid}) over ${TEMPOS_OBSERVED} tempos:\n${lines.join('\n')}\n`);
      // Winner-take-most (reasoning) may leave a dominated honest miner at zero; someone honest earns.
      expect(
        honest.some((x) => x > 0n),
        `${s.kind}: honest miners earn`,
      ).toBe(true);
      expect(
        validators.every((x) => x > 0n),
        `${s.kind}: every validator earns dividends`,
      ).toBe(true);
      for (const c of cheaters) {
        const e = earned(c.hotkeyUri);
        expect(e * 10n <= mean, `${s.kind}: ${c.name} earned ${e}, honest mean ${mean}`).toBe(true);
      }
    }
  }, 240_000);

  it('pays a parent dividends on subnet 2 through its child hotkey', async () => {
    const [link] = childLinks(plan);
    expect(link, 'the demo plan has a child hotkey').toBeDefined();
    if (link === undefined) return;
    const netuid = link.subnet.netuid as number;
    const parentHot = keypairFromUri(link.parent.hotkeyUri).ss58Address;
    const parentCold = keypairFromUri(link.parent.coldkeyUri).ss58Address;
    const childHot = keypairFromUri(link.child.hotkeyUri).ss58Address;
    const keys = await st.childKeys(netuid, parentHot);
    expect(keys.children.map((c) => c.hotkey)).toEqual([childHot]);
    expect((await st.childKeys(netuid, childHot)).parents.map((p) => p.hotkey)).toEqual([parentHot]);
    // The parent is not registered on subnet 2: all it earns there comes through the child.
    expect(await st.uidOf(netuid, parentHot)).toBeNull();
    const parentStake = async (): Promise<bigint> =>
      (await st.accountInfo(parentCold)).stakes.find((p) => p.hotkey === parentHot && p.netuid === netuid)?.alpha.rao ??
      0n;
    const tempo = BigInt((await st.subnet(netuid))?.tempo ?? 10);
    const before = await parentStake();
    const childBefore = (await stakes(netuid)).get(childHot) ?? 0n;
    await waitForBlock((await st.head()).number + 4n * tempo);
    const after = await parentStake();
    const childAfter = (await stakes(netuid)).get(childHot) ?? 0n;
    process.stdout.write(
      `child hotkey on netuid ${netuid}: parent ${link.parent.name} ${new Alpha(before, netuid).toString()} → ${new Alpha(after, netuid).toString()}; child ${link.child.name} kept ${new Alpha(childAfter - childBefore, netuid).toString()}\n`,
    );
    expect(after > before, `parent's stake on subnet ${netuid}: ${before} → ${after}`).toBe(true);
    // The child keeps its take: it earns too, less than what it passes on.
    expect(childAfter > childBefore, `child's stake ${childBefore} → ${childAfter}`).toBe(true);
    expect(childAfter - childBefore < after - before).toBe(true);
  }, 60_000);

  it('pays the miners of both mechanisms of the two-mechanism subnet', async () => {
    const sub = plan.subnets.find((s) => s.mechanisms !== undefined);
    expect(sub, 'the demo plan has a subnet with mechanisms').toBeDefined();
    const netuid = sub?.netuid as number;
    const m = await st.mechanisms(netuid);
    expect(m?.count).toBe(2);
    expect(m?.effectiveSplit).toEqual(sub?.mechanisms?.split);
    const miners = new Set(
      plan.neurons
        .filter((n) => n.subnet === sub?.name && n.role === 'miner')
        .map((n) => toAccountHex(keypairFromUri(n.hotkeyUri).ss58Address)),
    );
    for (const mecid of [0, 1]) {
      const mg = (await st.call('taonet_mechagraph', [
        netuid,
        mecid,
        ['hotkeys', 'incentive', 'weights'],
      ])) as Column & {
        weights: [number, number][][];
      };
      const paid = mg.hotkeys.filter((h, i) => miners.has(h) && (mg.incentive[i] ?? 0) > 0);
      process.stdout.write(
        `netuid ${netuid} mechanism ${mecid} (${m?.effectiveSplit[mecid]}/65535 of the emission): incentive ${mg.incentive.join(' ')}\n`,
      );
      expect(paid.length, `mechanism ${mecid}: honest miners with incentive`).toBeGreaterThan(0);
      expect(
        mg.weights.some((w) => w.length > 0),
        `mechanism ${mecid}: validators set weights`,
      ).toBe(true);
    }
    // Both mechanisms' shares were emitted: the last block's emission is split as configured.
    const [first, second] = m?.blockEmission ?? [];
    expect((first ?? 0n) > 0n && (second ?? 0n) > 0n).toBe(true);
  }, 30_000);

  it('commits weights timelocked on the commit-reveal subnet; the chain reveals them and pays its miners', async () => {
    const sub = plan.subnets.find((s) => s.hyperparameters?.commitRevealEnabled === true);
    expect(sub, 'the demo plan has a timelocked commit-reveal subnet').toBeDefined();
    const netuid = sub?.netuid as number;
    const validators = new Set(
      plan.neurons
        .filter((n) => n.subnet === sub?.name && n.role === 'validator')
        .map((n) => toAccountHex(keypairFromUri(n.hotkeyUri).ss58Address)),
    );
    const miners = new Set(
      plan.neurons
        .filter((n) => n.subnet === sub?.name && n.role === 'miner')
        .map((n) => toAccountHex(keypairFromUri(n.hotkeyUri).ss58Address)),
    );
    type Commits = {
      commitRevealEnabled: boolean;
      lastStoredRound: string;
      pending: { hotkey: string; revealRound: string }[];
      failed: { hotkey: string; reason: string }[];
    };
    // The validators (BaseValidator through the SDK's submitWeights) commit every few blocks: a
    // commit of theirs is on chain, encrypted to a round the beacon has not reached.
    let seen: Commits | null = null;
    const deadline = (await st.head()).number + 30n;
    while (seen === null && (await st.head()).number < deadline) {
      const c = (await st.call('taonet_timelockedCommits', [netuid])) as Commits;
      if (c.pending.some((p) => validators.has(p.hotkey))) seen = c;
      else await new Promise((ok) => setTimeout(ok, 250));
    }
    expect(seen?.commitRevealEnabled).toBe(true);
    const pending = seen?.pending.filter((p) => validators.has(p.hotkey)) ?? [];
    expect(pending.length, 'a validator commit pending').toBeGreaterThan(0);
    // Each names its round; the chain reveals it in the reveal epoch, once that round is on chain.
    for (const p of pending) expect(BigInt(p.revealRound) > 0n).toBe(true);
    process.stdout.write(
      `timelocked (netuid ${netuid}): ${pending.length} pending commits, reveal rounds ${pending.map((p) => p.revealRound).join(' ')} (beacon at ${seen?.lastStoredRound}); failed reveals: ${seen?.failed.map((f) => f.reason).join(' ') || 'none'}\n`,
    );
    expect(seen?.failed.filter((f) => validators.has(f.hotkey)) ?? []).toEqual([]);
    // Direct set_weights is refused on a commit-reveal subnet: weights on chain were revealed by it.
    const mg = (await st.call('taonet_metagraph', [netuid, ['hotkeys', 'incentive', 'weights']])) as Column & {
      weights: [number, number][][];
    };
    const withWeights = mg.hotkeys.filter((h, i) => validators.has(h) && (mg.weights[i]?.length ?? 0) > 0);
    expect(withWeights.length, 'validators whose revealed weights are on chain').toBeGreaterThan(0);
    const paid = mg.hotkeys.filter((h, i) => miners.has(h) && (mg.incentive[i] ?? 0) > 0);
    process.stdout.write(`timelocked (netuid ${netuid}): incentive ${mg.incentive.join(' ')}\n`);
    expect(paid.length, 'miners with incentive after the reveal').toBeGreaterThan(0);
  }, 60_000);

  it('runs the README walk-through as printed against this network', async () => {
    // The commands printed right after `npm start`, run as a user runs them (no terminal).
    const commands = commandsOf(blockAfter('followed by the commands', 'sh'));
    const forecasting = plan.neurons.find(
      (n) => n.subnet === 'forecasting' && n.role === 'validator' && n.childOf === undefined,
    );
    const fill = new Map([['<validator hotkey>', keypairFromUri(forecasting?.hotkeyUri as string).ss58Address]]);
    const home = freshHome();
    try {
      for (const line of commands) {
        let text = line;
        for (const [placeholder, value] of fill) text = text.replaceAll(placeholder, value);
        const argv = text.split(/\s+/);
        expect(argv.join(' '), 'every placeholder filled').not.toMatch(/<[^>]+>/);
        const r = await taonetIn(ready.rpc, home, argv);
        expect(r.code, `taonet ${argv.join(' ')}\n${r.stdout}\n${r.stderr}`).toBe(0);
        if (argv[0] === 'wallet' && argv[1] === 'create')
          fill.set('<your coldkey>', /coldkey (5\w{47})/.exec(r.stdout)?.[1] as string);
        if (argv[0] === 'stake' && argv[1] === 'add')
          expect(r.stdout).toMatch(/✓ staked τ10 on subnet 1: got [\d.,]+ \S+ at τ[\d.]+\/α/);
        if (argv[0] === 'stake' && argv[1] === 'list') expect(r.stdout).toContain(fill.get('<validator hotkey>'));
        if (argv[0] === 'subnets' && argv[1] === 'metagraph') expect(r.stdout).toMatch(/blocks since update/);
      }
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 180_000);

  it('moves the price and the staker’s share when TAO is staked', async () => {
    const sub = plan.subnets[0];
    const netuid = sub?.netuid as number;
    const validator = plan.neurons.find((n) => n.subnet === sub?.name && n.role === 'validator');
    const hotkey = keypairFromUri(validator?.hotkeyUri as string).ss58Address;
    const bob = keypairSigner(keypairFromUri('//Bob'));
    const before = await st.subnet(netuid);
    const priceBefore = before?.price;
    const stakeBefore = (await stakes(netuid)).get(hotkey) ?? 0n;
    const r = await st.addStake(bob, { hotkey, netuid, amount: Tao.of('2'), tolerance: 0.05 });
    expect(
      r.result.ok,
      JSON.stringify(r.result, (_k, v) => (typeof v === 'bigint' ? String(v) : v)),
    ).toBe(true);
    const priceAfter = (await st.subnet(netuid))?.price;
    expect((priceAfter?.raw ?? 0n) > (priceBefore?.raw ?? 0n), 'buying alpha raises its price').toBe(true);
    // Bob's position first: an epoch between the two reads then only raises the hotkey's total
    // (read second), never Bob's value past the delta it is compared with.
    const bobStake = (await st.accountInfo(keypairFromUri('//Bob').ss58Address)).stakes.find(
      (p) => p.hotkey === hotkey && p.netuid === netuid,
    );
    const stakeAfter = (await stakes(netuid)).get(hotkey) ?? 0n;
    const bought = bobStake?.alpha.rao ?? 0n;
    // The staker holds at least what the quote's limit allowed, and the validator's stake grew.
    expect(bought >= r.quote.minimumOut.rao, `bought ${bought}, quote minimum ${r.quote.minimumOut.rao}`).toBe(true);
    expect(stakeAfter - stakeBefore >= bought, `hotkey stake ${stakeBefore} → ${stakeAfter}, bought ${bought}`).toBe(
      true,
    );
    // TaoFlow: the net TAO staked into a subnet raises its share of emissions.
    const deadline = (await st.head()).number + 10n * BigInt(before?.tempo ?? 10);
    let share = before?.emissionShare ?? 0n;
    while (share <= (before?.emissionShare ?? 0n) && (await st.head()).number < deadline) {
      await new Promise((ok) => setTimeout(ok, 250));
      share = (await st.subnet(netuid))?.emissionShare ?? 0n;
    }
    expect(share > (before?.emissionShare ?? 0n), `emission share ${before?.emissionShare} → ${share}`).toBe(true);
  }, 60_000);

  it('serves the Python clients’ MEV-shielded calls', async () => {
    // btcli stake add/remove (shielded by default), bittensor 10.5 add_stake(mev_protection=True)
    // and 11.3's always-shielded burned_register, each read back from this network
    // (compat/python/localnet/, with the Python suite's venvs and fixtures).
    const sub = plan.subnets[0];
    const validator = plan.neurons.find((n) => n.subnet === sub?.kind && n.role === 'validator');
    const env = {
      ...process.env,
      NO_CACHE: '1',
      PYTHONDONTWRITEBYTECODE: '1',
      TAONET_REPO: REPO,
      TAONET_LOCALNET_WS: ready.rpc,
      TAONET_LOCALNET_RPC: ready.rpc.replace(/^ws/, 'http'),
      TAONET_LOCALNET_NETUID: String(sub?.netuid),
      TAONET_LOCALNET_HOTKEY: keypairFromUri(validator?.hotkeyUri as string).ss58Address,
    };
    const install = await runTo(process.execPath, [join(PY, 'run.mjs'), '--install-only', 'classic', 'lean'], env);
    expect(install.code, install.out).toBe(0);
    for (const [line, file] of [
      ['classic', 'test_localnet_classic.py'],
      ['lean', 'test_localnet_lean.py'],
    ] as const) {
      const python = join(REPO, '.venv-compat', line, 'bin', 'python');
      const args = ['-m', 'pytest', '-c', join(PY, 'pytest.ini'), '--rootdir', PY, join(PY, 'localnet', file)];
      const r = await runTo(python, args, env);
      expect(r.code, `${line}: ${r.out.slice(-4000)}`).toBe(0);
    }
  }, 240_000);

  it('resumes the same network after a stop', async () => {
    const head = (await st.head()).number;
    const bob = keypairFromUri('//Bob').ss58Address;
    const stakesBefore = (await st.accountInfo(bob)).stakes.length;
    st.close();
    await stopUp();
    const again = await startUp();
    st = await Subtensor.connect(again.rpc);
    expect(again.subnets.map((x) => x.netuid)).toEqual(ready.subnets.map((x) => x.netuid));
    expect((await st.head()).number >= head).toBe(true);
    expect((await st.accountInfo(bob)).stakes.length).toBe(stakesBefore);
    expect(stakesBefore > 0).toBe(true);
  }, 60_000);
});
