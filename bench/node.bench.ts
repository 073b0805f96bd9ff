/**
 * Node benchmark (`npm run bench -- node`). Runs a real node process pinned to one core
 * (`taskset -c 0`) and measures:
 *   1. signed transfers per second from RPC into committed blocks: N Substrate v4 transfers
 *      (mortal, born at one head) pre-signed by many accounts, submitted as batched JSON-RPC over WebSocket while another connection seals with
 *      dev_advanceBlocks; timed from the first submission until the last one is in a block;
 *   2. the sr25519 verify ceiling in the same run (the same signatures verified in a loop, one core)
 *      and the ratio of the two (targets: ≥ 3,000 tx/s and ≥ 75% of the ceiling);
 *   3. the latency of taonet_metagraph (all default fields) over HTTP for a subnet of 256 UIDs (p50
 *      over ≥ 50 calls; target ≤ 10 ms);
 *   4. the Substrate face: state_getMetadata, SubnetInfoRuntimeApi_get_metagraph over state_call for
 *      the same 256-UID subnet (target p50 ≤ 10 ms), and a storage read at a 200-block-old hash
 *      against the same read at the head's hash (target: within 2×).
 * The last line printed is the tx/s figure. Set TAONET_BENCH_TX for N, TAONET_CPU_PROF=dir to write
 * a CPU profile of the node process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  accountToBytes,
  extrinsicSigningPayload,
  fromHex,
  type SignedExtrinsic,
  toHex,
  type TxImplicit,
} from '@taonet/primitives';
import { SPEC_VERSION, TRANSACTION_VERSION } from '../packages/node/src/substrate/runtime-version.js';
import { buildTx, type Key, key, NodeProcess, REPO_ROOT, WsClient } from '../packages/node/test/e2e/harness.js';
import { SubstrateFace } from '../packages/node/src/substrate/substrate-face.js';

const TAO = 1_000_000_000n;
const N = Number(process.env.TAONET_BENCH_TX ?? 30_000);
const ACCOUNTS = 600;
const BATCH = 500;
const CONNECTIONS = 4;

export function hasTaskset(): boolean {
  if (process.platform !== 'linux') return false;
  const r = spawnSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' });
  return r.status === 0;
}

export const fmt = (x: number, d = 0): string =>
  x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/** Submits and seals until every extrinsic in `txs` is in a block; returns the committed count. */
async function submitAndSeal(node: NodeProcess, txs: readonly SignedExtrinsic[], sealer: WsClient): Promise<void> {
  const submit = await Promise.all(Array.from({ length: CONNECTIONS }, () => WsClient.connect(node.wsUrl)));
  let included = 0;
  let done = false;
  const sealing = (async () => {
    while (!done) {
      const r = await sealer.rpc<{ extrinsics: number[] }>('dev_advanceBlocks', [1]);
      included += r.extrinsics.reduce((a, b) => a + b, 0);
      if (included >= txs.length) done = true;
    }
  })();
  await Promise.all(
    submit.map(async (c, ci) => {
      for (let i = ci * BATCH; i < txs.length; i += BATCH * CONNECTIONS) {
        const replies = await c.batch(
          txs.slice(i, i + BATCH).map((t) => ({ method: 'author_submitExtrinsic', params: [toHex(t.bytes)] })),
        );
        const bad = replies.find((r) => r.error !== undefined);
        if (bad !== undefined) throw new Error(`submission refused: ${JSON.stringify(bad.error)}`);
      }
    }),
  );
  await sealing;
  await Promise.all(submit.map((c) => c.close()));
}

/** Pre-funds `keys` from the dev accounts (not timed). */
export async function fund(node: NodeProcess, keys: readonly Key[], amount: bigint, sealer: WsClient): Promise<void> {
  const funders = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map((n) => key(n));
  const head = await node.head();
  const nonces = await Promise.all(funders.map((f) => node.nextNonce(f)));
  for (let start = 0; start < keys.length; start += funders.length * 60) {
    const txs = keys.slice(start, start + funders.length * 60).map((k, i) => {
      const f = i % funders.length;
      const nonce = nonces[f] as bigint;
      nonces[f] = nonce + 1n;
      return buildTx(funders[f] as Key, { method: 'transfer', args: { dest: k.id, amount } }, node.genesisHash, {
        nonce,
        birth: head.number,
        birthHash: head.hash,
        period: 4096,
      });
    });
    await submitAndSeal(node, txs, sealer);
  }
}

const CEILING_SCRIPT = `
import { readFileSync } from 'node:fs';
import { sr25519Verify, waitReady } from '@polkadot/wasm-crypto';
await waitReady();
const hex = (h) => Uint8Array.from(Buffer.from(h, 'hex'));
const items = JSON.parse(readFileSync(process.argv[1], 'utf8')).map((x) => ({ sig: hex(x[0]), msg: hex(x[1]), pk: hex(x[2]) }));
const ms = Number(process.argv[2]);
let n = 0;
const t0 = performance.now();
const c0 = process.cpuUsage();
while (performance.now() - t0 < ms) {
  for (const p of items) if (!sr25519Verify(p.sig, p.msg, p.pk)) throw new Error('bad signature');
  n += items.length;
}
const c = process.cpuUsage(c0);
console.log(JSON.stringify({ wall: n / ((performance.now() - t0) / 1000), cpu: n / ((c.user + c.system) / 1e6) }));
`;

/** CPU seconds a process has used so far (Linux /proc), or null where that is not available. */
function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime + stime, in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

/**
 * sr25519 verifications per second of the same signatures over their Substrate v4 signing payload
 * (call ‖ extra ‖ implicit, as the node checks it), in a process on the node's core (pinned like
 * the node), while the node is idle.
 */
function verifyCeiling(
  txs: readonly SignedExtrinsic[],
  implicit: TxImplicit,
  ms: number,
  pin: boolean,
): { wall: number; cpu: number } {
  const items = txs
    .slice(0, 2000)
    .map((x) => [
      toHex(x.signature).slice(2),
      toHex(extrinsicSigningPayload(x, implicit)).slice(2),
      toHex(accountToBytes(x.signer)).slice(2),
    ]);
  const dir = mkdtempSync(join(tmpdir(), 'taonet-bench-'));
  const file = join(dir, 'sigs.json');
  writeFileSync(file, JSON.stringify(items));
  try {
    const args = ['--input-type=module', '-e', CEILING_SCRIPT, file, String(ms)];
    const r = pin
      ? spawnSync('taskset', ['-c', '0', process.execPath, ...args], { cwd: REPO_ROOT, encoding: 'utf8' })
      : spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`verify ceiling run failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim()) as { wall: number; cpu: number };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function metagraphLatency(
  node: NodeProcess,
  sealer: WsClient,
): Promise<{ p50: number; p90: number; uids: number; netuid: number }> {
  const owner = key('//Bench//owner');
  const cold = Array.from({ length: 8 }, (_, i) => key(`//Bench//regcold//${i}`));
  await fund(node, [owner, ...cold], 10_000n * TAO, sealer);
  const reg = await node.exec(owner, 'register_network', { hotkey: key('//Bench//ownerhot').id });
  if (!reg.ok) throw new Error(`register_network: ${JSON.stringify(reg.error)}`);
  const netuid = reg.events.find((e) => e.name === 'NetworkAdded')?.data.netuid as number;
  await node.exec(owner, 'start_call', { netuid });
  let next = 0;
  for (let round = 0; round < 50; round++) {
    const mg0 = await node.rpc<{ hotkeys: string[] }>('taonet_metagraph', [netuid, ['hotkeys']]);
    if (mg0.hotkeys.length >= 256) break;
    const want = 256 - mg0.hotkeys.length;
    const head = await node.head();
    const txs: SignedExtrinsic[] = [];
    const nonces = await Promise.all(cold.map((c) => node.nextNonce(c)));
    for (let i = 0; i < want; i++) {
      const c = i % cold.length;
      const nonce = nonces[c] as bigint;
      nonces[c] = nonce + 1n;
      txs.push(
        buildTx(
          cold[c] as Key,
          { method: 'burned_register', args: { netuid, hotkey: key(`//Bench//hot//${next++}`).id } },
          node.genesisHash,
          {
            nonce,
            birth: head.number,
            birthHash: head.hash,
            period: 4096,
          },
        ),
      );
    }
    await submitAndSeal(node, txs, sealer);
  }
  const uids = (await node.rpc<{ hotkeys: string[] }>('taonet_metagraph', [netuid, ['hotkeys']])).hotkeys.length;
  await node.seal(12); // an epoch or two, so the columns are filled
  for (let i = 0; i < 10; i++) await node.rpc('taonet_metagraph', [netuid]);
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t0 = performance.now();
    const mg = await node.rpc<{ hotkeys: string[] }>('taonet_metagraph', [netuid]);
    times.push(performance.now() - t0);
    if (mg.hotkeys.length !== uids) throw new Error('metagraph size changed');
  }
  return { ...percentiles(times), uids, netuid };
}

function percentiles(times: number[]): { p50: number; p90: number } {
  const t = [...times].sort((a, b) => a - b);
  return { p50: t[Math.floor(t.length / 2)] as number, p90: t[Math.floor(t.length * 0.9)] as number };
}

/** p50/p90 of `n` sequential calls of `f` (after 5 warm-up calls). */
async function latency(n: number, f: () => Promise<unknown>): Promise<{ p50: number; p90: number }> {
  for (let i = 0; i < 5; i++) await f();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  return percentiles(times);
}

/** The Substrate face's reads: metadata, the metagraph runtime API, and a read 200 blocks back vs at the head. */
async function substrateLatency(
  node: NodeProcess,
  netuid: number,
): Promise<{
  metadata: { p50: number; p90: number };
  metagraph: { p50: number; p90: number; bytes: number };
  old: { p50: number; p90: number };
  head: { p50: number; p90: number };
}> {
  const metadata = await latency(50, () => node.rpc<string>('state_getMetadata'));
  const args = toHex(new Uint8Array([netuid & 0xff, netuid >> 8]));
  let bytes = 0;
  const metagraph = await latency(100, async () => {
    const r = await node.rpc<string>('state_call', ['SubnetInfoRuntimeApi_get_metagraph', args]);
    bytes = (r.length - 2) / 2;
  });
  let head = (await node.head()).number;
  if (head < 201n) await node.seal(Number(201n - head));
  head = (await node.head()).number;
  const headHash = await node.rpc<string>('chain_getBlockHash', [Number(head)]);
  const oldHash = await node.rpc<string>('chain_getBlockHash', [Number(head - 200n)]);
  const face = new SubstrateFace(250);
  const account = face.storage.item('System', 'Account');
  if (account === undefined) throw new Error('no System.Account');
  const k = toHex(face.storage.encodeKey(account, [accountToBytes(key('Alice').id)]));
  // Interleaved, so that load on a shared machine weighs on both alike.
  const oldTimes: number[] = [];
  const headTimes: number[] = [];
  for (let i = 0; i < 205; i++) {
    for (const [hash, times] of [
      [oldHash, oldTimes],
      [headHash, headTimes],
    ] as const) {
      const t0 = performance.now();
      await node.rpc('state_getStorage', [k, hash]);
      if (i >= 5) times.push(performance.now() - t0);
    }
  }
  return { metadata, metagraph: { ...metagraph, bytes }, old: percentiles(oldTimes), head: percentiles(headTimes) };
}

export async function benchNode(): Promise<void> {
  const pinned = hasTaskset();
  if (!pinned) console.log('note: taskset not available — the node runs unpinned (figures may use more than one core)');
  const prof = process.env.TAONET_CPU_PROF;
  const node = await NodeProcess.start({
    ...(pinned ? { prefix: ['taskset', '-c', '0'] } : {}),
    ...(prof === undefined ? {} : { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', prof] }),
  });
  try {
    console.log(`node ${node.rpcUrl} (pid ${node.pid})${pinned ? ', pinned to core 0 with taskset -c 0' : ''}`);
    const sealer = await WsClient.connect(node.wsUrl);
    const senders = Array.from({ length: ACCOUNTS }, (_, i) => key(`//Bench//sender//${i}`));
    await fund(node, senders, 1_000n * TAO, sealer);
    const perAccount = Math.ceil(N / ACCOUNTS);
    if (perAccount > 64) throw new Error(`N/${ACCOUNTS} must stay within the pool's nonce gap of 64`);
    const head = await node.head();
    const dest = key('//Bench//dest').id;
    const t0s = performance.now();
    const txs: SignedExtrinsic[] = [];
    // Interleave accounts so every batch carries many signers.
    for (let j = 0; j < perAccount; j++) {
      for (let a = 0; a < ACCOUNTS && txs.length < N; a++) {
        txs.push(
          buildTx(
            senders[a] as Key,
            { method: 'transfer', args: { dest, amount: 1_000n + BigInt(j) } },
            node.genesisHash,
            {
              nonce: BigInt(j),
              birth: head.number,
              birthHash: head.hash,
              period: 4096,
            },
          ),
        );
      }
    }
    console.log(`pre-signed ${fmt(N)} transfers from ${ACCOUNTS} accounts in ${fmt(performance.now() - t0s)} ms`);
    // The ceiling just before and just after, on the same core: the machine's speed drifts. On a
    // shared machine other processes take turns on the core too, so the ratio is also given per
    // CPU-second (node CPU time from /proc, the ceiling's from process.cpuUsage), which they do not skew.
    // What every signature covers besides the extrinsic: all were signed against the same head.
    const implicit: TxImplicit = {
      specVersion: SPEC_VERSION,
      transactionVersion: TRANSACTION_VERSION,
      genesisHash: fromHex(node.genesisHash),
      birthHash: fromHex(head.hash),
    };
    const before = verifyCeiling(txs, implicit, 1500, pinned);
    const cpu0 = cpuSeconds(node.pid);
    const t0 = performance.now();
    await submitAndSeal(node, txs, sealer);
    const seconds = (performance.now() - t0) / 1000;
    const cpu1 = cpuSeconds(node.pid);
    const txPerSec = N / seconds;
    const after = verifyCeiling(txs, implicit, 1500, pinned);
    const ceiling = (before.wall + after.wall) / 2;
    const ceilingCpu = (before.cpu + after.cpu) / 2;
    const finalHead = await node.head();
    console.log(`committed ${fmt(N)} transfers in ${fmt(seconds, 2)} s (head #${finalHead.number})`);
    console.log(
      `sr25519 verify ceiling (${pinned ? 'core 0' : 'one thread'}, same signatures over their v4 payloads): ${fmt(ceiling)} verifies/s (before ${fmt(before.wall)}, after ${fmt(after.wall)}); ${fmt(ceilingCpu)} per CPU-second`,
    );
    console.log(`ratio: ${fmt((100 * txPerSec) / ceiling, 1)}% of the verify ceiling, wall clock (target ≥ 75%)`);
    if (cpu0 !== null && cpu1 !== null && cpu1 > cpu0) {
      const txPerCpu = N / (cpu1 - cpu0);
      console.log(
        `per CPU-second: ${fmt(txPerCpu)} tx (node used ${fmt(cpu1 - cpu0, 2)} CPU-s in ${fmt(seconds, 2)} s) = ${fmt((100 * txPerCpu) / ceilingCpu, 1)}% of the verify ceiling`,
      );
    }
    const mg = await metagraphLatency(node, sealer);
    console.log(
      `taonet_metagraph (${mg.uids} uids, all default fields) over HTTP: p50 ${fmt(mg.p50, 2)} ms, p90 ${fmt(mg.p90, 2)} ms (target p50 ≤ 10 ms)`,
    );
    const sub = await substrateLatency(node, mg.netuid);
    console.log(`state_getMetadata over HTTP: p50 ${fmt(sub.metadata.p50, 2)} ms, p90 ${fmt(sub.metadata.p90, 2)} ms`);
    console.log(
      `SubnetInfoRuntimeApi_get_metagraph (${mg.uids} uids, ${fmt(sub.metagraph.bytes)} bytes) over state_call: p50 ${fmt(sub.metagraph.p50, 2)} ms, p90 ${fmt(sub.metagraph.p90, 2)} ms (target p50 ≤ 10 ms)`,
    );
    console.log(
      `System.Account read at a 200-block-old hash: p50 ${fmt(sub.old.p50, 3)} ms vs ${fmt(sub.head.p50, 3)} ms at the head's hash = ${fmt(sub.old.p50 / sub.head.p50, 2)}× (target ≤ 2×)`,
    );
    await sealer.close();
    console.log(`transfers from RPC into committed blocks: ${fmt(txPerSec)} tx/s (target ≥ 3,000)`);
  } finally {
    await node.kill('SIGINT');
  }
}
