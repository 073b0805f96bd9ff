/**
 * `taonet subnets mechanisms count|set|split|emissions` and `subnets metagraph --mecid` with --json
 * against a real dev node: the uid cap refusal with its hint, a count of two, a split given as
 * fractions, the per-mechanism emission table, and client-side refusals before any fee.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { keypairFromUri, keypairSigner, Subtensor } from '@taonet/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSplit } from '../src/commands/subnets-mechanisms.js';
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

describe('parseSplit', () => {
  it('reads fractions exactly, u16 parts, or even', () => {
    expect(parseSplit('0.25,0.75')).toEqual([16384, 49151]);
    expect(parseSplit('0.1,0.2,0.7')).toEqual([6554, 13107, 45874]);
    expect(parseSplit('16383,49152')).toEqual([16383, 49152]);
    expect(parseSplit('1')).toEqual([65535]);
    expect(parseSplit('even')).toBeNull();
    expect(() => parseSplit('0.5,0.4')).toThrow(/does not sum to 1/);
    expect(() => parseSplit('100,200')).toThrow(/does not sum to 65535/);
    expect(() => parseSplit('a,b')).toThrow(/not a list of numbers/);
  });
});

describe('taonet subnets mechanisms', () => {
  it('count, set, split, emissions, and the metagraph of mechanism 1', async () => {
    const st = await Subtensor.connect(node.ws);
    let netuid = '';
    try {
      const r = await st.registerNetwork(
        keypairSigner(keypairFromUri('//Alice')),
        keypairFromUri('//Alice//mech').ss58Address,
      );
      expect(r.ok, `${r.code}: ${r.hint}`).toBe(true);
      netuid = String(r.events.find((e) => e.name === 'NetworkAdded')?.data.netuid);
    } finally {
      st.close();
    }
    const sign = ['--uri', '//Alice'];

    expect(await taonet('subnets', 'mechanisms', 'count', '--netuid', netuid)).toMatchObject({
      count: 1,
      maxCount: 2,
      split: null,
    });

    const capped = await taonet('subnets', 'mechanisms', 'set', '--netuid', netuid, '--count', '2', ...sign);
    expect(capped).toMatchObject({ success: false, code: 'TooManyUIDsPerMechanism' });
    expect(String(capped.hint)).toMatch(/lower maxAllowedUids to 128/);

    const uids = await taonet(
      'subnets',
      'set',
      '--netuid',
      netuid,
      '--param',
      'maxAllowedUids',
      '--value',
      '128',
      ...sign,
    );
    expect(uids.success, JSON.stringify(uids)).toBe(true);
    const set = await taonet('subnets', 'mechanisms', 'set', '--netuid', netuid, '--count', '2', ...sign);
    expect(set.success, JSON.stringify(set)).toBe(true);

    const split = await taonet('subnets', 'mechanisms', 'split', '--netuid', netuid, '--split', '0.25,0.75', ...sign);
    expect(split.success, JSON.stringify(split)).toBe(true);
    expect(await taonet('subnets', 'mechanisms', 'count', '--netuid', netuid)).toMatchObject({
      count: 2,
      split: [16384, 49151],
    });

    const bad = await taonet('subnets', 'mechanisms', 'split', '--netuid', netuid, '--split', '0.5,0.4', ...sign);
    expect(bad).toMatchObject({ success: false, code: 'InvalidArgument' });

    const em = (await taonet('subnets', 'mechanisms', 'emissions', '--netuid', netuid)) as {
      mechanisms: { mecid: number; part: number; pending: { unit: string; rao: string } }[];
    };
    expect(em.mechanisms.map((m) => [m.mecid, m.part])).toEqual([
      [0, 16384],
      [1, 49151],
    ]);
    expect(em.mechanisms[0]?.pending.unit).toBe('alpha');

    const mg = await taonet('subnets', 'metagraph', '--netuid', netuid, '--mecid', '1');
    expect(mg).toMatchObject({ mecid: 1, n: 1 });
    const none = await taonet('subnets', 'metagraph', '--netuid', netuid, '--mecid', '2');
    expect(none).toMatchObject({ success: false, code: 'MechanismDoesNotExist' });

    const unknown = await taonet('subnets', 'mechanisms', 'frob', '--netuid', netuid);
    expect(unknown).toMatchObject({ success: false, code: 'InvalidArgument' });
  });
});
