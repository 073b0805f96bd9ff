/**
 * `taonet weights commit` in the subnet's mode and `taonet weights status`, with --json, against a
 * real dev node (its dev beacon): a timelocked commit on a commit-reveal subnet, listed as pending
 * with its round, then revealed by the chain; `--hashed` still commits a hash.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { keypairFromUri, keypairSigner, Metagraph, Subtensor, Tao } from '@taonet/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, type DevNode, startDevNode } from './utils/dev-node.js';

const run = promisify(execFile);
let node: DevNode;

async function taonet(...args: string[]): Promise<Record<string, unknown>> {
  try {
    const { stdout } = await run(process.execPath, [BIN, ...args, '--json', '-y', '--network', node.ws], {
      timeout: 90_000,
    });
    return JSON.parse(stdout) as Record<string, unknown>;
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    if (err.stdout) return JSON.parse(err.stdout) as Record<string, unknown>;
    throw new Error(`taonet ${args.join(' ')} failed: ${err.stderr ?? String(e)}`);
  }
}

beforeAll(async () => {
  node = await startDevNode();
}, 60_000);

afterAll(() => {
  node?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('taonet weights commit / status', () => {
  it('commits timelocked on a commit-reveal subnet, lists it with its round, and the chain reveals it', async () => {
    const alice = keypairSigner(keypairFromUri('//Alice'));
    const validator = keypairFromUri('//tl-cli');
    const st = await Subtensor.connect(node.ws);
    let netuid = 0;
    try {
      const r = await st.registerNetwork(alice, keypairFromUri('//Alice//tl').ss58Address);
      expect(r.ok, `${r.code}: ${r.hint}`).toBe(true);
      netuid = r.events.find((e) => e.name === 'NetworkAdded')?.data.netuid as number;
      expect((await st.startCall(alice, netuid)).ok).toBe(true);
      expect((await st.register(alice, netuid, validator.ss58Address)).ok).toBe(true);
      const s = await st.addStake(alice, {
        hotkey: validator.ss58Address,
        netuid,
        amount: Tao.of('0.1'),
        tolerance: 0.5,
      });
      expect(s.result.ok, s.result.explanation).toBe(true);
      expect((await st.setHyperparameter(alice, netuid, 'commitRevealEnabled', true)).ok).toBe(true);
      // Four epochs of 10 blocks between commit and reveal: time for the CLI to see it pending.
      expect((await st.setHyperparameter(alice, netuid, 'revealPeriodEpochs', 4)).ok).toBe(true);
      for (let i = 0; i < 100; i++) {
        if ((await new Metagraph(st, netuid).sync()).hasValidatorPermit(validator.ss58Address)) break;
        await sleep(200);
      }
    } finally {
      st.close();
    }
    const n = String(netuid);
    const w = ['--netuid', n, '--uids', '0,1', '--weights', '100,65535', '--hotkey-uri', '//tl-cli'];
    const c = await taonet('weights', 'commit', ...w);
    expect(c).toMatchObject({ ok: true, mode: 'timelocked' });
    const round = String(c.revealRound);
    const status = await taonet('weights', 'status', '--netuid', n);
    expect(status.commitRevealEnabled).toBe(true);
    const hex = `0x${Buffer.from(validator.publicKey).toString('hex')}`;
    expect(status.pending).toEqual([expect.objectContaining({ hotkey: hex, revealRound: round, mecid: 0 })]);

    let after = status;
    for (let i = 0; i < 300 && (after.pending as unknown[]).length > 0; i++) {
      await sleep(200);
      after = await taonet('weights', 'status', '--netuid', n);
    }
    expect(after.pending).toEqual([]);
    expect(after.failed).toEqual([]);
    expect(BigInt((after.beacon as { lastStoredRound: string }).lastStoredRound)).toBeGreaterThanOrEqual(BigInt(round));

    const hashed = await taonet('weights', 'commit', ...w, '--hashed');
    expect(hashed).toMatchObject({ ok: true, mode: 'commit' });
    expect(await taonet('weights', 'status', '--netuid', '999')).toMatchObject({ code: 'SubnetNotExists' });
  }, 120_000);
});
