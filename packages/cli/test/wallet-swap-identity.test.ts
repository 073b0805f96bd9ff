/**
 * `taonet wallet set-identity|get-identity|swap-hotkey|swap-coldkey` with --json against a real
 * dev node: identities round-trip, a hotkey swap moves the subnet owner hotkey, and a coldkey swap
 * still in its delay is refused with the block when it can run (which `status` also shows).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { keypairFromUri, keypairSigner, Subtensor } from '@taonet/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = resolve(import.meta.dirname, '../bin/taonet.js');
let node: ChildProcess;
let ws = '';

async function taonet(...args: string[]): Promise<Record<string, unknown>> {
  try {
    const { stdout } = await run(process.execPath, [BIN, ...args, '--json', '-y', '--network', ws], {
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
  node = spawn(process.execPath, [BIN, 'node', '--dev', '--rpc-port', '0', '--json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  ws = await new Promise<string>((ok, fail) => {
    let buf = '';
    node.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      const line = buf.split('\n').find((l) => l.includes('"started"'));
      if (line !== undefined) ok((JSON.parse(line) as { ws: string }).ws);
    });
    node.on('exit', (c) => fail(new Error(`node exited ${c}`)));
    setTimeout(() => fail(new Error('node did not start')), 30_000);
  });
}, 60_000);

afterAll(() => {
  node?.kill('SIGINT');
});

describe('taonet wallet identity and swaps', () => {
  it('sets and gets an identity; refuses one without a registered hotkey', async () => {
    const hot = keypairFromUri('//Alice//identity-hot').ss58Address;
    const st = await Subtensor.connect(ws);
    try {
      const r = await st.registerNetwork(keypairSigner(keypairFromUri('//Alice')), hot);
      expect(r.ok, `${r.code}: ${r.hint}`).toBe(true);
    } finally {
      st.close();
    }
    const set = await taonet(
      'wallet',
      'set-identity',
      '--name',
      'Alice Validators',
      '--url',
      'https://a.example',
      '--uri',
      '//Alice',
    );
    expect(set.success, JSON.stringify(set)).toBe(true);
    const got = (await taonet('wallet', 'get-identity', '--uri', '//Alice')) as {
      identity: { name: string; url: string };
    };
    expect(got.identity).toMatchObject({ name: 'Alice Validators', url: 'https://a.example' });
    const refused = await taonet('wallet', 'set-identity', '--name', 'Nobody', '--uri', '//Charlie');
    expect(refused).toMatchObject({ success: false, code: 'HotKeyNotRegisteredInNetwork' });
    expect(String(refused.hint)).toMatch(/register one/);
    const none = (await taonet('wallet', 'get-identity', '--uri', '//Charlie')) as { identity: unknown };
    expect(none.identity).toBeNull();
  });

  it('swaps a hotkey, and tells when an announced coldkey swap can run', async () => {
    const old = keypairFromUri('//Dave//swap-old').ss58Address;
    const fresh = keypairFromUri('//Dave//swap-new').ss58Address;
    const st = await Subtensor.connect(ws);
    let netuid = 0;
    try {
      const r = await st.registerNetwork(keypairSigner(keypairFromUri('//Dave')), old);
      expect(r.ok, `${r.code}: ${r.hint}`).toBe(true);
      netuid = Number(r.events.find((e) => e.name === 'NetworkAdded')?.data.netuid);
    } finally {
      st.close();
    }
    const swapped = await taonet(
      'wallet',
      'swap-hotkey',
      '--hotkey-address',
      old,
      '--new-hotkey',
      fresh,
      '--uri',
      '//Dave',
    );
    expect(swapped.success, JSON.stringify(swapped)).toBe(true);
    const after = await Subtensor.connect(ws);
    try {
      expect(await after.uidOf(netuid, fresh)).toBe(0);
      expect(await after.uidOf(netuid, old)).toBeNull();
    } finally {
      after.close();
    }

    const target = keypairFromUri('//Bob//cold-new').ss58Address;
    const announced = await taonet('wallet', 'swap-coldkey', 'announce', '--new-coldkey', target, '--uri', '//Bob');
    expect(announced.success, JSON.stringify(announced)).toBe(true);
    const when = String(announced.when);
    const status = (await taonet('wallet', 'swap-coldkey', 'status', '--uri', '//Bob')) as {
      announcement: { when: string; blocksLeft: string } | null;
    };
    expect(status.announcement?.when).toBe(when);
    expect(BigInt(status.announcement?.blocksLeft ?? '0')).toBeGreaterThan(0n);
    const early = await taonet('wallet', 'swap-coldkey', 'execute', '--new-coldkey', target, '--uri', '//Bob');
    expect(early).toMatchObject({ success: false, code: 'ColdkeySwapTooEarly' });
    expect(String(early.hint)).toBe(`the swap can run at block ${when}`);
    const bad = await taonet('wallet', 'swap-coldkey', 'frob', '--uri', '//Bob');
    expect(bad).toMatchObject({ success: false, code: 'InvalidArgument' });
  });
});
