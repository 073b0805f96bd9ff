/**
 * The operator's commands with --json against a real dev node: `wallet set-identity|get-identity`
 * round-trip, `wallet swap-hotkey` moves the subnet owner hotkey, a `wallet swap-coldkey` still in
 * its delay is refused with the block when it can run (which `status` also shows), and
 * `commitments set|get` publish and read a hotkey's data (also sealed to the beacon and opened by
 * the chain), `proxy add|list|remove` manage proxies, and
 * `stake recycle-alpha|burn-alpha|unstake-all-alpha` give up alpha or move it to root.
 */
import { keypairFromUri, keypairSigner, Subtensor, Tao } from '@taonet/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevNode, startDevNode, taonetJson } from './utils/dev-node.js';

let node: DevNode | undefined;
let ws = '';

const taonet = (...args: string[]): Promise<Record<string, unknown>> => taonetJson(ws, args);

beforeAll(async () => {
  node = await startDevNode();
  ws = node.ws;
}, 60_000);

afterAll(() => {
  node?.stop();
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

  it('commitments set and get, for one hotkey and the whole subnet; refused for an unregistered hotkey', async () => {
    const hotUri = '//Eve//commit-hot';
    const hot = keypairFromUri(hotUri).ss58Address;
    const st = await Subtensor.connect(ws);
    let netuid = '';
    try {
      const r = await st.registerNetwork(keypairSigner(keypairFromUri('//Eve')), hot);
      expect(r.ok, `${r.code}: ${r.hint}`).toBe(true);
      netuid = String(r.events.find((e) => e.name === 'NetworkAdded')?.data.netuid);
    } finally {
      st.close();
    }
    const set = await taonet(
      'commitments',
      'set',
      '--netuid',
      netuid,
      '--data',
      'http://10.0.0.1:8091 model=v3',
      '--uri',
      hotUri,
    );
    expect(set.success, JSON.stringify(set)).toBe(true);
    const one = (await taonet('commitments', 'get', '--netuid', netuid, '--hotkey-address', hot)) as {
      commitment: { hotkey: string; fields: { kind: string; text: string }[] };
    };
    expect(one.commitment.hotkey).toBe(hot);
    expect(one.commitment.fields).toMatchObject([{ kind: 'raw', text: 'http://10.0.0.1:8091 model=v3' }]);
    const all = (await taonet('commitments', 'get', '--netuid', netuid)) as { commitments: { hotkey: string }[] };
    expect(all.commitments.map((c) => c.hotkey)).toEqual([hot]);
    // Sealed to the dev beacon a few blocks ahead: pending until the chain opens it at its round.
    const sealed = await taonet(
      'commitments',
      'set',
      '--netuid',
      netuid,
      '--data',
      'model=v4 sealed',
      '--reveal-in',
      '8',
      '--uri',
      hotUri,
    );
    expect(sealed.success, JSON.stringify(sealed)).toBe(true);
    const round = String(sealed.revealRound);
    type Seen = { commitment: { revealed?: { text: string }[]; pendingRounds?: string[] } | null };
    let seen = (await taonet('commitments', 'get', '--netuid', netuid, '--hotkey-address', hot)) as Seen;
    for (let i = 0; i < 60 && (seen.commitment?.revealed ?? []).length === 0; i++) {
      expect(seen.commitment?.pendingRounds).toEqual([round]);
      await new Promise((ok) => setTimeout(ok, 500));
      seen = (await taonet('commitments', 'get', '--netuid', netuid, '--hotkey-address', hot)) as Seen;
    }
    expect(seen.commitment?.revealed?.map((r) => r.text)).toEqual(['model=v4 sealed']);
    expect(seen.commitment?.pendingRounds).toEqual([]);
    const both = await taonet(
      'commitments',
      'set',
      '--netuid',
      netuid,
      '--data',
      'x',
      '--sha256',
      '00'.repeat(32),
      '--reveal-in',
      '5',
      '--uri',
      hotUri,
    );
    expect(both).toMatchObject({ success: false, code: 'InvalidArgument' });
    const refused = await taonet('commitments', 'set', '--netuid', netuid, '--data', 'x', '--uri', '//Ferdie//nope');
    expect(refused).toMatchObject({ success: false, code: 'AccountNotAllowedCommit' });
    const empty = await taonet('commitments', 'set', '--netuid', netuid, '--uri', hotUri);
    expect(empty).toMatchObject({ success: false, code: 'InvalidArgument' });
  });

  it('proxy add, list and remove; an unknown type is refused with the list of types', async () => {
    const delegate = keypairFromUri('//Ferdie//proxy').ss58Address;
    const added = await taonet('proxy', 'add', '--delegate', delegate, '--type', 'staking', '--uri', '//Ferdie');
    expect(added.success, JSON.stringify(added)).toBe(true);
    const listed = (await taonet('proxy', 'list', '--uri', '//Ferdie')) as {
      delegates: { delegate: string; proxyType: string }[];
    };
    expect(listed.delegates).toMatchObject([{ delegate, proxyType: 'Staking' }]);
    const dup = await taonet('proxy', 'add', '--delegate', delegate, '--type', 'Staking', '--uri', '//Ferdie');
    expect(dup).toMatchObject({ success: false, code: 'Duplicate' });
    const bad = await taonet('proxy', 'add', '--delegate', delegate, '--type', 'Boss', '--uri', '//Ferdie');
    expect(bad).toMatchObject({ success: false, code: 'InvalidArgument' });
    expect(String(bad.hint)).toContain('NonTransfer');
    const removed = await taonet('proxy', 'remove', '--delegate', delegate, '--type', 'Staking', '--uri', '//Ferdie');
    expect(removed.success, JSON.stringify(removed)).toBe(true);
    // A delayed proxy (its calls must be announced), removed with the same delay.
    const d = ['--delegate', delegate, '--type', 'Any', '--delay', '5', '--uri', '//Ferdie'];
    expect((await taonet('proxy', 'add', ...d)).success).toBe(true);
    const delayed = (await taonet('proxy', 'list', '--uri', '//Ferdie')) as { delegates: { delay: unknown }[] };
    expect(delayed.delegates.map((x) => String(x.delay))).toEqual(['5']);
    expect((await taonet('proxy', 'remove', ...d)).success).toBe(true);
    const badDelay = await taonet('proxy', 'add', '--delegate', delegate, '--type', 'Any', '--delay', 'soon');
    expect(badDelay).toMatchObject({ success: false, code: 'InvalidArgument' });
    expect(((await taonet('proxy', 'list', '--uri', '//Ferdie')) as { delegates: unknown[] }).delegates).toEqual([]);
  });

  it('stake recycle-alpha, burn-alpha and unstake-all-alpha', async () => {
    const hotUri = '//Charlie//stake-hot';
    const hot = keypairFromUri(hotUri).ss58Address;
    const cold = keypairSigner(keypairFromUri('//Charlie'));
    const st = await Subtensor.connect(ws);
    let netuid = '';
    try {
      const r = await st.registerNetwork(cold, hot);
      expect(r.ok, `${r.code}: ${r.hint}`).toBe(true);
      netuid = String(r.events.find((e) => e.name === 'NetworkAdded')?.data.netuid);
      expect((await st.startCall(cold, Number(netuid))).ok).toBe(true);
      const s = await st.addStake(cold, {
        hotkey: hot,
        netuid: Number(netuid),
        amount: new Tao(1_000_000_000n),
        tolerance: 0.9,
      });
      expect(s.result.ok, s.result.code).toBe(true);
    } finally {
      st.close();
    }
    const common = ['--netuid', netuid, '--amount', '0.1', '--hotkey-address', hot, '--uri', '//Charlie'];
    const recycled = await taonet('stake', 'recycle-alpha', ...common);
    expect(recycled.success, JSON.stringify(recycled)).toBe(true);
    expect(JSON.stringify(recycled.events)).toContain('AlphaRecycled');
    const burned = await taonet('stake', 'burn-alpha', ...common);
    expect(JSON.stringify(burned.events)).toContain('AlphaBurned');
    const moved = await taonet('stake', 'unstake-all-alpha', '--hotkey-address', hot, '--uri', '//Charlie');
    expect(moved.success, JSON.stringify(moved)).toBe(true);
    const root = await taonet('stake', 'recycle-alpha', ...common.slice(0, 1), '0', ...common.slice(2));
    expect(root).toMatchObject({ success: false, code: 'CannotBurnOrRecycleOnRootSubnet' });
  });
});
