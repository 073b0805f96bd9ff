/**
 * Every call in the runtime's call table, submitted to a real node over author_submitExtrinsic and
 * sealed with dev_advanceBlocks, in a realistic flow: create and start subnets, register neurons,
 * serve, stake, set weights (directly and by commit-reveal), move/transfer/swap stake, takes, root,
 * hyperparameters and the admin calls. Each is checked by its success event in the block's events,
 * and a failing call by its typed error.
 */
import {
  type AccountId,
  accountToBytes,
  blake2b256,
  devBeaconPulse,
  encodeTimelockedWeightsPayload,
  encryptShieldBlob,
  fromHex,
  RAO_PER_TAO,
  timelockEncrypt,
  toHex,
} from '@taonet/primitives';
import { encodeRuntimeCall } from '@taonet/primitives/substrate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weightsCommitHash } from '../../../runtime/src/weights/commit-hash.js';
import { SUBNET_SYMBOLS } from '../../../runtime/src/subnets/symbols.js';
import { type ExtrinsicResultJson, key, NodeProcess } from './harness.js';

const TAO = RAO_PER_TAO;
const alice = key('Alice');
const bob = key('Bob');
const bobHot = key('//Bob//hot');
const charlie = key('Charlie');
const charlieHot = key('//Charlie//hot');
const dave = key('Dave');
const daveHot = key('//Dave//hot');
const eve = key('Eve');
const eveHot = key('//Eve//hot');
const ferdie = key('Ferdie');

let node: NodeProcess;
const exercised = new Set<string>();

interface StakePos {
  hotkey: string;
  netuid: number;
  alpha: string;
}
interface AccountInfoJson {
  free: string;
  nonce: string;
  stakes: StakePos[];
}

async function ok(
  signer: typeof alice,
  method: string,
  args: Record<string, unknown>,
  eventName: string,
): Promise<ExtrinsicResultJson> {
  const hash = await node.submit(signer, method, args);
  await node.seal(1);
  exercised.add(method);
  const st = await node.rpc<{ status: string; number: string; index: number; result: ExtrinsicResultJson }>(
    'taonet_extrinsicStatus',
    [hash],
  );
  expect(st.status).toBe('inBlock');
  const r = st.result;
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  const names = r.events.map((e) => e.name);
  expect(names).toContain(eventName);
  expect(names.at(-1)).toBe('ExtrinsicSuccess');
  // The same result is in the block's events.
  const events = await node.rpc<{ extrinsics: ExtrinsicResultJson[] }>('taonet_getEvents', [Number(st.number)]);
  expect(events.extrinsics[st.index]).toEqual(r);
  return r;
}

async function alphaOf(cold: typeof alice, hot: typeof alice, netuid: number): Promise<bigint> {
  const info = await node.rpc<AccountInfoJson>('taonet_accountInfo', [cold.id]);
  const p = info.stakes.find((s) => s.hotkey === hot.id && s.netuid === netuid);
  return p === undefined ? 0n : BigInt(p.alpha);
}

/** Retries a call on later blocks while it fails with one of `transient` (e.g. a freeze window). */
async function okEventually(
  signer: typeof alice,
  method: string,
  args: () => Record<string, unknown>,
  eventName: string,
  transient: readonly string[],
  maxBlocks = 40,
): Promise<ExtrinsicResultJson> {
  for (let i = 0; i < maxBlocks; i++) {
    const r = await node.exec(signer, method, args());
    exercised.add(method);
    if (r.ok) {
      expect(r.events.map((e) => e.name)).toContain(eventName);
      return r;
    }
    if (!transient.includes(r.error?.code ?? '')) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  }
  throw new Error(`${method} did not succeed within ${maxBlocks} blocks`);
}

function netuidFrom(r: ExtrinsicResultJson, eventName: string): number {
  const e = r.events.find((x) => x.name === eventName);
  const n = e?.data.netuid;
  expect(typeof n).toBe('number');
  return n as number;
}

beforeAll(async () => {
  node = await NodeProcess.start();
});

afterAll(async () => {
  await node?.kill();
});

describe('every call over RPC', () => {
  let n1 = -1;
  let n2 = -1;

  it('balances: transfer, with the balance matching the Transfer event', async () => {
    const before = await node.rpc<AccountInfoJson>('taonet_accountInfo', [eve.id]);
    const r = await ok(alice, 'transfer', { dest: eve.id, amount: 5n * TAO }, 'Transfer');
    const t = r.events.find((e) => e.name === 'Transfer');
    expect(t?.data).toMatchObject({ from: alice.id, to: eve.id, amount: (5n * TAO).toString() });
    const after = await node.rpc<AccountInfoJson>('taonet_accountInfo', [eve.id]);
    expect(BigInt(after.free) - BigInt(before.free)).toBe(5n * TAO);
    // A failing call pays its fee and reports a typed error in its block's events.
    const bad = await node.exec(alice, 'transfer', { dest: eve.id, amount: 0n });
    expect(bad.ok).toBe(false);
    expect(bad.error?.code).toBe('ZeroAmount');
    expect(typeof bad.error?.explanation).toBe('string');
    expect(bad.events.map((e) => e.name)).toEqual(['ExtrinsicFailed']);
    expect(BigInt(bad.fee)).toBeGreaterThan(0n);
  });

  it('subnets: register_network, start_call, set_subnet_identity, update_symbol, set_hyperparameter', async () => {
    n1 = netuidFrom(await ok(bob, 'register_network', { hotkey: bobHot.id }, 'NetworkAdded'), 'NetworkAdded');
    n2 = netuidFrom(await ok(eve, 'register_network', { hotkey: eveHot.id }, 'NetworkAdded'), 'NetworkAdded');
    expect(n1).not.toBe(n2);
    await ok(bob, 'start_call', { netuid: n1 }, 'FirstEmissionBlockNumberSet');
    await ok(eve, 'start_call', { netuid: n2 }, 'FirstEmissionBlockNumberSet');
    await ok(
      bob,
      'set_subnet_identity',
      { netuid: n1, identity: { name: 'e2e subnet', url: 'https://example.com' } },
      'SubnetIdentitySet',
    );
    const taken = new Set(
      (await node.rpc<{ netuid: number; symbol?: string; tokenSymbol?: string }[]>('taonet_allDynamicInfo')).map(
        (d) => d.symbol ?? d.tokenSymbol,
      ),
    );
    const symbol = SUBNET_SYMBOLS.slice(50).find((s) => !taken.has(s)) as string;
    await ok(bob, 'update_symbol', { netuid: n1, symbol }, 'SymbolUpdated');
    await okEventually(
      bob,
      'set_hyperparameter',
      () => ({ netuid: n1, name: 'maxWeightsLimit', value: 65535 }),
      'HyperparameterSet',
      ['AdminActionProhibitedDuringWeightsWindow', 'TxRateLimitExceeded'],
    );
    const hp = await node.rpc<Record<string, unknown>>('taonet_hyperparameters', [n1]);
    expect(JSON.stringify(hp)).toContain('maxWeightsLimit');
  });

  it('neurons: burned_register and serve_axon (signed by the hotkey, free)', async () => {
    await ok(charlie, 'burned_register', { netuid: n1, hotkey: charlieHot.id }, 'NeuronRegistered');
    await ok(dave, 'burned_register', { netuid: n1, hotkey: daveHot.id }, 'NeuronRegistered');
    await ok(charlie, 'burned_register', { netuid: n2, hotkey: charlieHot.id }, 'NeuronRegistered');
    const r = await ok(
      daveHot,
      'serve_axon',
      { netuid: n1, version: 1, ip: 134744072n, port: 8091, ipType: 4, protocol: 4 },
      'AxonServed',
    );
    expect(r.fee).toBe('0');
    const mg = await node.rpc<{ hotkeys: string[] }>('taonet_metagraph', [n1]);
    expect(mg.hotkeys).toEqual(expect.arrayContaining([bobHot.id, charlieHot.id, daveHot.id]));
  });

  it('staking: add_stake, decrease_take, increase_take, move_stake, transfer_stake, swap_stake, remove_stake', async () => {
    await ok(charlie, 'add_stake', { hotkey: charlieHot.id, netuid: n1, amount: 100n * TAO }, 'StakeAdded');
    await ok(charlie, 'add_stake', { hotkey: charlieHot.id, netuid: n2, amount: 10n * TAO }, 'StakeAdded');
    await ok(charlie, 'decrease_take', { hotkey: charlieHot.id, take: 5000 }, 'TakeDecreased');
    await node.seal(2);
    await ok(charlie, 'increase_take', { hotkey: charlieHot.id, take: 6000 }, 'TakeIncreased');
    const alpha = await alphaOf(charlie, charlieHot, n1);
    expect(alpha).toBeGreaterThan(0n);
    const part = alpha / 10n;
    await ok(
      charlie,
      'move_stake',
      { originHotkey: charlieHot.id, destHotkey: daveHot.id, originNetuid: n1, destNetuid: n1, amount: part },
      'StakeMoved',
    );
    await ok(
      charlie,
      'transfer_stake',
      { destColdkey: ferdie.id, hotkey: charlieHot.id, originNetuid: n1, destNetuid: n1, amount: part },
      'StakeTransferred',
    );
    expect(await alphaOf(ferdie, charlieHot, n1)).toBeGreaterThan(0n);
    await ok(
      charlie,
      'swap_stake',
      { hotkey: charlieHot.id, originNetuid: n1, destNetuid: n2, amount: part },
      'StakeMoved',
    );
    await ok(charlie, 'remove_stake', { hotkey: charlieHot.id, netuid: n1, amount: part }, 'StakeRemoved');
  });

  it('children: set_childkey_take, set_children (scheduled), seen through taonet_childKeys; sudo_set_childkey_param', async () => {
    await ok(dave, 'set_childkey_take', { hotkey: daveHot.id, netuid: n1, take: 1000 }, 'ChildKeyTakeSet');
    const half = 1n << 63n;
    await ok(
      charlie,
      'set_children',
      { hotkey: charlieHot.id, netuid: n1, children: [{ proportion: half, child: daveHot.id }] },
      'SetChildrenScheduled',
    );
    type Info = { pending: { children: { proportion: string; hotkey: string }[] } | null; childkeyTake: number };
    const info = await node.rpc<Info>('taonet_childKeys', [n1, charlieHot.id]);
    expect(info.pending?.children).toEqual([{ proportion: String(half), hotkey: daveHot.id }]);
    expect((await node.rpc<Info>('taonet_childKeys', [n1, daveHot.id])).childkeyTake).toBe(1000);
    const bad = await node.exec(charlie, 'set_children', {
      hotkey: charlieHot.id,
      netuid: n1,
      children: [{ proportion: half, child: charlieHot.id }],
    });
    expect(bad.error?.code).toBe('TxRateLimitExceeded');
    await ok(alice, 'sudo_set_childkey_param', { name: 'pendingCooldown', value: 15n }, 'ChildKeyParamSet');
  });

  it('weights: set_weights, then commit_weights and reveal_weights once commit-reveal is on', async () => {
    // Validator permits come with the first epoch; tempo is 10 on the dev preset.
    await okEventually(
      charlieHot,
      'set_weights',
      () => ({ netuid: n1, uids: [0, 1, 2], values: [100, 200, 300], versionKey: 0n }),
      'WeightsSet',
      ['NeuronNoValidatorPermit', 'SettingWeightsTooFast'],
    );
    await okEventually(
      bob,
      'set_hyperparameter',
      () => ({ netuid: n1, name: 'commitRevealEnabled', value: true }),
      'HyperparameterSet',
      ['AdminActionProhibitedDuringWeightsWindow', 'TxRateLimitExceeded'],
    );
    const uids = [0, 1, 2];
    const values = [300, 200, 100];
    const salt = [1, 2, 3, 4];
    const hash = weightsCommitHash(charlieHot.id, n1, uids, values, salt, 0n);
    await okEventually(charlieHot, 'commit_weights', () => ({ netuid: n1, hash }), 'WeightsCommitted', [
      'CommittingWeightsTooFast',
    ]);
    await okEventually(
      charlieHot,
      'reveal_weights',
      () => ({ netuid: n1, uids, values, salt, versionKey: 0n }),
      'WeightsRevealed',
      ['RevealTooEarly'],
    );
  });

  it('timelocked weights and the beacon: commit_timelocked_weights lands; write_pulse is the author’s inherent only', async () => {
    const beacon = await node.rpc<{ publicKey: string; lastStoredRound: string }>('taonet_beacon');
    expect(BigInt(beacon.lastStoredRound)).toBeGreaterThan(0n);
    const round = BigInt(beacon.lastStoredRound) + 1000n;
    const payload = encodeTimelockedWeightsPayload({
      hotkeyPublicKey: fromHex(charlieHot.id),
      uids: [0, 1],
      values: [1, 2],
      versionKey: 0n,
    });
    const commit = timelockEncrypt(fromHex(beacon.publicKey), round, payload, (n) => new Uint8Array(n).fill(5));
    await okEventually(
      charlieHot,
      'commit_timelocked_weights',
      () => ({ netuid: n1, commit, revealRound: round, commitRevealVersion: 4 }),
      'TimelockedWeightsCommitted',
      ['CommittingWeightsTooFast'],
    );
    const pulse = devBeaconPulse(BigInt(beacon.lastStoredRound) + 1n);
    const signed = await node.request('author_submitExtrinsic', [
      toHex((await node.sign(alice, 'write_pulse', { pulses: [pulse] })).bytes),
    ]);
    expect(signed.error?.data.name).toBe('InherentOnly');
    exercised.add('write_pulse');
  });

  it('root: root_register, set_root_claim_type, claim_root; unstake_all', async () => {
    await ok(charlie, 'root_register', { hotkey: charlieHot.id }, 'NeuronRegistered');
    await ok(charlie, 'add_stake', { hotkey: charlieHot.id, netuid: 0, amount: 50n * TAO }, 'StakeAdded');
    await ok(charlie, 'set_root_claim_type', { type: 'keep' }, 'RootClaimTypeSet');
    await node.seal(12);
    const r = await node.exec(charlie, 'claim_root', { netuids: [n1] });
    exercised.add('claim_root');
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
    expect(r.events.at(-1)?.name).toBe('ExtrinsicSuccess');
    const bad = await node.exec(charlie, 'claim_root', { netuids: [] });
    expect(bad.error?.code).toBe('InvalidSubnetNumber');
    await ok(charlie, 'unstake_all', { hotkey: charlieHot.id }, 'UnstakedAll');
  });

  it('mechanisms: max count, count, split, set_weights with mecid; taonet_mechanisms and taonet_mechagraph', async () => {
    await ok(alice, 'sudo_set_max_mechanism_count', { maxMechanismCount: 3 }, 'MaxMechanismCountSet');
    await ok(alice, 'set_hyperparameter', { netuid: n1, name: 'maxAllowedUids', value: 64 }, 'HyperparameterSet');
    await ok(
      alice,
      'set_hyperparameter',
      { netuid: n1, name: 'commitRevealEnabled', value: false },
      'HyperparameterSet',
    );
    await ok(alice, 'sudo_set_mechanism_count', { netuid: n1, mechanismCount: 2 }, 'MechanismCountSet');
    await ok(
      alice,
      'sudo_set_mechanism_emission_split',
      { netuid: n1, maybeSplit: [16383, 49152] },
      'MechanismEmissionSplitSet',
    );
    const info = await node.rpc<{ count: number; split: number[]; effectiveSplit: number[] }>('taonet_mechanisms', [
      n1,
    ]);
    expect(info).toMatchObject({ count: 2, split: [16383, 49152], effectiveSplit: [16383, 49152] });
    await okEventually(
      charlieHot,
      'set_weights',
      () => ({ netuid: n1, mecid: 1, uids: [1, 2], values: [1, 3], versionKey: 0n }),
      'WeightsSet',
      ['SettingWeightsTooFast'],
    );
    const mg = await node.rpc<{ mecid: number; weights: [number, number][][]; hotkeys: string[] }>(
      'taonet_mechagraph',
      [n1, 1, ['hotkeys', 'weights']],
    );
    expect(mg.mecid).toBe(1);
    expect(mg.weights[mg.hotkeys.indexOf(charlieHot.id)]).toEqual([
      [1, 21845],
      [2, 65535],
    ]);
    expect(await node.rpc('taonet_mechagraph', [n1, 2])).toBeNull();
    const bad = await node.exec(charlieHot, 'set_weights', {
      netuid: n1,
      mecid: 2,
      uids: [1],
      values: [1],
      versionKey: 0n,
    });
    expect(bad.error?.code).toBe('MechanismDoesNotExist');
  });

  it('operator: recycle_alpha, burn_alpha, remove_stake_full_limit, unstake_all_alpha, set_identity, swap_hotkey', async () => {
    await ok(dave, 'add_stake', { hotkey: daveHot.id, netuid: n1, amount: 20n * TAO }, 'StakeAdded');
    await ok(dave, 'recycle_alpha', { hotkey: daveHot.id, netuid: n1, amount: TAO / 10n }, 'AlphaRecycled');
    await ok(dave, 'burn_alpha', { hotkey: daveHot.id, netuid: n1, amount: TAO / 10n }, 'AlphaBurned');
    await ok(dave, 'remove_stake_full_limit', { hotkey: daveHot.id, netuid: n1 }, 'StakeRemoved');
    expect(await alphaOf(dave, daveHot, n1)).toBe(0n);
    await ok(dave, 'add_stake', { hotkey: daveHot.id, netuid: n1, amount: 5n * TAO }, 'StakeAdded');
    await ok(dave, 'unstake_all_alpha', { hotkey: daveHot.id }, 'UnstakedAllAlpha');
    expect(await alphaOf(dave, daveHot, 0)).toBeGreaterThan(0n);
    await ok(dave, 'set_identity', { name: 'Dave', url: 'https://dave.example' }, 'ChainIdentitySet');
    expect((await node.rpc<{ name: string } | null>('taonet_identity', [dave.id]))?.name).toBe('Dave');
    const all = await node.rpc<{ coldkey: string }[]>('taonet_identities');
    expect(all.map((e) => e.coldkey)).toContain(dave.id);
    const newHot = key('//Dave//hot2');
    await ok(dave, 'swap_hotkey', { hotkey: daveHot.id, newHotkey: newHot.id, netuid: n1 }, 'HotkeySwappedOnSubnet');
    const mg = await node.rpc<{ hotkeys: string[] }>('taonet_metagraph', [n1]);
    expect(mg.hotkeys).toContain(newHot.id);
    expect(mg.hotkeys).not.toContain(daveHot.id);
  });

  it('commitments: set_commitment (signed by the hotkey, free), read back; set_max_space', async () => {
    const r = await ok(
      charlieHot,
      'set_commitment',
      { netuid: n1, fields: [{ kind: 'raw', data: '0x6869' }] },
      'Commitment',
    );
    expect(r.fee).toBe('0');
    const c = await node.rpc<{ fields: { kind: string; data: string }[] } | null>('taonet_commitment', [
      n1,
      charlieHot.id,
    ]);
    expect(c?.fields).toEqual([{ kind: 'raw', data: '0x6869' }]);
    const all = await node.rpc<{ hotkey: string }[]>('taonet_commitments', [n1]);
    expect(all.map((x) => x.hotkey)).toContain(charlieHot.id);
    await ok(alice, 'set_max_space', { newLimit: 3100 }, 'MaxSpaceSet');
  });

  it('utility and proxy: batch, batch_all, force_batch; add_proxy, proxy (a proxied add_stake), remove_proxy; announced proxy calls', async () => {
    const pay = (amount: bigint) => ({ method: 'transfer', args: { dest: eve.id, amount } });
    const b = await ok(dave, 'batch', { calls: [pay(TAO), pay(0n)] }, 'BatchInterrupted');
    expect(b.events.map((e) => e.name)).toContain('ItemCompleted');
    await ok(dave, 'batch_all', { calls: [pay(TAO), pay(TAO)] }, 'BatchCompleted');
    await ok(dave, 'force_batch', { calls: [pay(0n), pay(TAO)] }, 'BatchCompletedWithErrors');
    await ok(eve, 'add_proxy', { delegate: dave.id, proxyType: 'Staking', delay: 0n }, 'ProxyAdded');
    const proxies = await node.rpc<{ delegate: string; proxyType: string }[]>('taonet_proxies', [eve.id]);
    expect(proxies).toEqual([{ delegate: dave.id, proxyType: 'Staking', delay: '0' }]);
    const before = await alphaOf(eve, charlieHot, n1);
    const r = await ok(
      dave,
      'proxy',
      { real: eve.id, call: { method: 'add_stake', args: { hotkey: charlieHot.id, netuid: n1, amount: 2n * TAO } } },
      'ProxyExecuted',
    );
    expect(r.events.find((e) => e.name === 'ProxyExecuted')?.data).toEqual({ result: 'ok' });
    expect(await alphaOf(eve, charlieHot, n1)).toBeGreaterThan(before);
    await ok(eve, 'remove_proxy', { delegate: dave.id, proxyType: 'Staking', delay: 0n }, 'ProxyRemoved');
    // A delayed proxy: announce the call's hash, withdraw one, reject one, run one after the delay.
    await ok(eve, 'add_proxy', { delegate: dave.id, proxyType: 'Any', delay: 2n }, 'ProxyAdded');
    const call = pay(TAO);
    const hash = toHex(blake2b256(encodeRuntimeCall(call)));
    const other = toHex(blake2b256(encodeRuntimeCall(pay(2n * TAO))));
    await ok(dave, 'announce', { real: eve.id, callHash: other }, 'Announced');
    await ok(dave, 'remove_announcement', { real: eve.id, callHash: other }, 'ExtrinsicSuccess');
    await ok(dave, 'announce', { real: eve.id, callHash: other }, 'Announced');
    await ok(eve, 'reject_announcement', { delegate: dave.id, callHash: other }, 'ExtrinsicSuccess');
    await ok(dave, 'announce', { real: eve.id, callHash: hash }, 'Announced');
    await node.seal(2);
    const ran = await ok(alice, 'proxy_announced', { delegate: dave.id, real: eve.id, call }, 'ProxyExecuted');
    expect(ran.events.find((e) => e.name === 'ProxyExecuted')?.data).toEqual({ result: 'ok' });
    await ok(eve, 'remove_proxy', { delegate: dave.id, proxyType: 'Any', delay: 2n }, 'ProxyRemoved');
  });

  it('coldkey swap: announce, swap_coldkey_announced after the delay, dispute, reset, clear, admin swap_coldkey', async () => {
    const hashOf = (id: string) => toHex(blake2b256(accountToBytes(id as AccountId)));
    const ferdieNew = key('//Ferdie//new');
    await ok(ferdie, 'announce_coldkey_swap', { newColdkeyHash: hashOf(ferdieNew.id) }, 'ColdkeySwapAnnounced');
    const early = await node.exec(ferdie, 'swap_coldkey_announced', { newColdkey: ferdieNew.id });
    expect(early.error?.code).toBe('ColdkeySwapTooEarly');
    expect(early.error?.hint).toMatch(/can run at block \d+/);
    const status = await node.rpc<{ announcement: { when: string } | null }>('taonet_coldkeySwap', [ferdie.id]);
    expect(early.error?.hint).toContain(`block ${status.announcement?.when}`);
    await node.seal(50);
    await ok(ferdie, 'swap_coldkey_announced', { newColdkey: ferdieNew.id }, 'ColdkeySwapped');
    await ok(bob, 'announce_coldkey_swap', { newColdkeyHash: hashOf(key('//Bob//new').id) }, 'ColdkeySwapAnnounced');
    await ok(bob, 'dispute_coldkey_swap', {}, 'ColdkeySwapDisputed');
    expect((await node.exec(bob, 'transfer', { dest: eve.id, amount: TAO })).error?.code).toBe('ColdkeySwapDisputed');
    await ok(alice, 'reset_coldkey_swap', { coldkey: bob.id }, 'ColdkeySwapReset');
    await ok(bob, 'announce_coldkey_swap', { newColdkeyHash: hashOf(key('//Bob//new').id) }, 'ColdkeySwapAnnounced');
    await node.seal(60);
    await ok(bob, 'clear_coldkey_swap_announcement', {}, 'ColdkeySwapCleared');
    await ok(
      alice,
      'swap_coldkey',
      { oldColdkey: ferdieNew.id, newColdkey: key('//Ferdie//newer').id, swapCost: 0n },
      'ColdkeySwapped',
    );
  });

  it('admin: sudo_set_network_param, sudo_set_default_hyperparameter, sudo_set_emission_enabled, sudo_dissolve_network, the freeze window and owner rate limit', async () => {
    await ok(alice, 'sudo_set_network_param', { name: 'stakeThreshold', value: 0n }, 'NetworkParamSet');
    await ok(alice, 'sudo_set_default_hyperparameter', { name: 'tempo', value: 360 }, 'DefaultHyperparameterSet');
    await ok(alice, 'sudo_set_emission_enabled', { netuid: n2, enabled: true }, 'EmissionEnabledSet');
    await ok(alice, 'sudo_dissolve_network', { netuid: n2 }, 'NetworkRemoved');
    const info = await node.rpc<{ subnets: number[] }>('taonet_networkInfo');
    expect(info.subnets).not.toContain(n2);
    const bad = await node.exec(alice, 'sudo_set_network_param', { name: 'noSuchParam', value: 1 });
    expect(bad.error?.code).toBe('InvalidArgument');
    // The owners' freeze window and rate limit, set and put back to subtensor's defaults.
    await ok(alice, 'sudo_set_admin_freeze_window', { window: 0 }, 'AdminFreezeWindowSet');
    await ok(alice, 'sudo_set_owner_hparam_rate_limit', { epochs: 0 }, 'OwnerHyperparamRateLimitSet');
    await ok(alice, 'sudo_set_admin_freeze_window', { window: 10 }, 'AdminFreezeWindowSet');
    await ok(alice, 'sudo_set_owner_hparam_rate_limit', { epochs: 2 }, 'OwnerHyperparamRateLimitSet');
  });

  it('MevShield: the inherent opens every block and is refused when signed; a carrier lands; retired calls fail', async () => {
    const block = await node.rpc<{ extrinsics: { palletCall: string; inherent?: boolean }[] }>('taonet_getBlock');
    expect(block.extrinsics[0]).toMatchObject({ palletCall: 'MevShield.announce_next_key', inherent: true });
    const signedInherent = await node.request('author_submitExtrinsic', [
      toHex((await node.sign(alice, 'announce_next_key', { encKey: null })).bytes),
    ]);
    expect(signedInherent.error?.data.name).toBe('InherentOnly');
    exercised.add('announce_next_key');
    // A carrier encrypted to the announced key (its inner is not an extrinsic, so it lands alone).
    const next = await node.rpc<string>('state_getStorage', [
      '0x9e94fc9ecf3c8d51c7baba39080fb4339ab50f1d245f1373b95e2a965fa883ac',
    ]);
    const blob = encryptShieldBlob(fromHex(next).slice(2), new Uint8Array([4, 1]), {
      encapsulation: new Uint8Array(32).fill(7),
      nonce: new Uint8Array(24).fill(9),
    });
    const carrier = await node.submit(bob, 'submit_encrypted', { ciphertext: blob }, { period: 8 });
    await node.seal(1);
    const r = await node.resultOf(carrier);
    expect(r.ok).toBe(true);
    expect(r.events.map((e) => e.name)).toContain('EncryptedSubmitted');
    exercised.add('submit_encrypted');
    const retired = await node.submit(bob, 'shield_retired_call', { call: 'store_encrypted' });
    await node.seal(1);
    expect((await node.resultOf(retired)).error?.code).toBe('RetiredCall');
    exercised.add('shield_retired_call');
  });

  it('Sudo: sudo, sudo_unchecked_weight, sudo_as, set_key (and back through Root), remove_key', async () => {
    const param = (value: bigint) => ({ method: 'sudo_set_network_param', args: { name: 'stakeThreshold', value } });
    const r = await ok(alice, 'sudo', { call: param(3n) }, 'Sudid');
    expect(r.events.find((e) => e.name === 'Sudid')?.data).toEqual({ sudoResult: 'ok' });
    const weight = { refTime: 10n, proofSize: 0n };
    await ok(alice, 'sudo_unchecked_weight', { call: param(4n), weight }, 'Sudid');
    const as = await ok(alice, 'sudo_as', { who: dave.id, call: param(5n) }, 'SudoAsDone');
    expect(as.events.find((e) => e.name === 'SudoAsDone')?.data).toMatchObject({
      sudoResult: { error: { code: 'BadOrigin' } },
    });
    expect((await node.exec(bob, 'sudo', { call: param(6n) })).error?.code).toBe('RequireSudo');
    await ok(alice, 'sudo_set_key', { new: bob.id }, 'KeyChanged');
    const back = { method: 'sudo_set_key', args: { new: alice.id } };
    await ok(bob, 'sudo', { call: back }, 'KeyChanged');
    await ok(alice, 'sudo_remove_key', {}, 'KeyRemoved');
    expect((await node.exec(alice, 'sudo', { call: param(6n) })).error?.code).toBe('RequireSudo');
  });

  it('covered every call in taonet_calls', async () => {
    const calls = await node.rpc<{ name: string }[]>('taonet_calls');
    expect(calls.length).toBeGreaterThan(20);
    expect(calls.map((c) => c.name).filter((n) => !exercised.has(n))).toEqual([]);
    const health = await node.rpc<{ isSyncing: boolean }>('system_health');
    expect(health.isSyncing).toBe(false);
  });
});
