/**
 * The Substrate face against the real clients, on a real dev node: @polkadot/api connects
 * (metadata, runtime version, rpc_methods) and reads System.Account and SubtensorModule items
 * with the values the taonet_* views give, also at past block hashes; polkadot-api's WebSocket
 * provider and metadata/storage codecs read the metadata and an account. The extrinsic and header
 * formats are still Taonet's in this phase, so transactions are submitted the Taonet way.
 */
import { ApiPromise, WsProvider } from '@polkadot/api';
import {
  AccountId,
  Blake2128Concat,
  decAnyMetadata,
  Storage,
  Struct,
  u32,
  u64,
  u128,
  type V15,
} from '@polkadot-api/substrate-bindings';
import type { Codec } from '@polkadot/types/types';
import { getWsProvider } from 'polkadot-api/ws';
import { RAO_PER_TAO } from '@taonet/primitives';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codecOf } from '../../src/substrate/scale-type.js';
import { SubstrateFace } from '../../src/substrate/substrate-face.js';
import { key, NodeProcess, type RpcCallError } from './harness.js';
import { type BlockEvents, encryptTo, readNextKey } from './shield-support.js';

const TAO = RAO_PER_TAO;
const alice = key('Alice');
const bob = key('Bob');
const bobHot = key('//Bob//hot');
const charlie = key('Charlie');
const charlieHot = key('//Charlie//hot');

let node: NodeProcess;
let api: ApiPromise;
let netuid = -1;

interface AccountInfoJson {
  free: string;
  nonce: string;
  stakes: { hotkey: string; netuid: number; alpha: string }[];
}

async function exec(signer: typeof alice, method: string, args: Record<string, unknown>): Promise<void> {
  const r = await node.exec(signer, method, args);
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
}

/** A storage query by pallet and item name (the metadata is the node's, so nothing is pre-typed). */
function query(pallet: string, item: string) {
  const q = api.query[pallet]?.[item];
  if (q === undefined) throw new Error(`no query ${pallet}.${item}`);
  return q;
}
type Num = Codec & { toNumber(): number; toBigInt(): bigint };
type Opt = Codec & { isSome: boolean; isNone: boolean; unwrap(): Num };
interface AccountInfoCodec {
  nonce: Num;
  data: { free: Num };
}
const num = async (p: Promise<Codec>): Promise<Num> => (await p) as Num;

beforeAll(async () => {
  node = await NodeProcess.start();
  await exec(bob, 'register_network', { hotkey: bobHot.id });
  const info = await node.rpc<{ subnets: number[] }>('taonet_networkInfo');
  netuid = Math.max(...info.subnets);
  await exec(bob, 'start_call', { netuid });
  await exec(charlie, 'burned_register', { netuid, hotkey: charlieHot.id });
  await exec(charlie, 'add_stake', { hotkey: charlieHot.id, netuid, amount: 100n * TAO });
  api = await ApiPromise.create({
    provider: new WsProvider(node.wsUrl) as never,
    noInitWarn: true,
    throwOnConnect: true,
  });
}, 120_000);

afterAll(async () => {
  await api?.disconnect();
  await node?.kill();
});

describe('@polkadot/api', () => {
  it('connects: runtime version and metadata from the node', () => {
    expect(api.runtimeVersion.specName.toString()).toBe('node-subtensor');
    expect(api.runtimeMetadata.version).toBe(15);
    expect(api.consts.system?.ss58Prefix?.toString()).toBe('42');
    expect(api.consts.balances?.existentialDeposit?.toString()).toBe('500');
    const tx = api.tx.subtensorModule;
    expect(typeof tx?.addStakeLimit).toBe('function');
    expect(tx?.addStake?.(charlieHot.id, netuid, 1).method.callIndex).toEqual(new Uint8Array([7, 2]));
  });

  it('System.Account matches taonet_accountInfo', async () => {
    for (const k of [alice, bob, charlie]) {
      const view = await node.rpc<AccountInfoJson>('taonet_accountInfo', [k.id]);
      const acc = (await query('system', 'account')(k.id)) as unknown as AccountInfoCodec;
      expect(acc.data.free.toString()).toBe(view.free);
      expect(acc.nonce.toString()).toBe(view.nonce);
    }
  });

  it('SubtensorModule items match the taonet_* views', async () => {
    const info = await node.rpc<{ subnets: number[] }>('taonet_networkInfo');
    expect((await num(query('subtensorModule', 'totalNetworks')())).toNumber()).toBe(info.subnets.length);
    const added = await query('subtensorModule', 'networksAdded').keys();
    expect(added.map((k) => Number(k.args[0]?.toString())).sort((a, b) => a - b)).toEqual(info.subnets);

    const dyn = await node.rpc<{ taoIn: string; alphaIn: string }>('taonet_dynamicInfo', [netuid]);
    expect((await query('subtensorModule', 'subnetTAO')(netuid)).toString()).toBe(dyn.taoIn);
    expect((await query('subtensorModule', 'subnetAlphaIn')(netuid)).toString()).toBe(dyn.alphaIn);

    const mg = await node.rpc<{ hotkeys: string[] }>('taonet_metagraph', [netuid, ['hotkeys']]);
    for (const [uid, hk] of mg.hotkeys.entries()) {
      const u = (await query('subtensorModule', 'uids')(netuid, hk)) as Opt;
      expect(u.isSome).toBe(true);
      expect(u.unwrap().toNumber()).toBe(uid);
      expect((await query('subtensorModule', 'keys')(netuid, uid)).toHex()).toBe(hk);
    }
    expect(((await query('subtensorModule', 'uids')(netuid, alice.id)) as Opt).isNone).toBe(true);
    expect((await num(query('subtensorModule', 'subnetworkN')(netuid))).toNumber()).toBe(mg.hotkeys.length);
  });

  it('Alpha: Charlie is the only staker on his hotkey, so his shares are the pool’s shares and the pool’s alpha is his', async () => {
    const view = await node.rpc<AccountInfoJson>('taonet_accountInfo', [charlie.id]);
    const pos = view.stakes.find((s) => s.hotkey === charlieHot.id && s.netuid === netuid);
    expect(pos).toBeDefined();
    const shares = (await query('subtensorModule', 'alpha')(charlieHot.id, charlie.id, netuid)) as unknown as {
      bits: { toBigInt(): bigint };
    };
    const total = (await query('subtensorModule', 'totalHotkeyShares')(charlieHot.id, netuid)) as unknown as {
      bits: { toBigInt(): bigint };
    };
    expect(shares.bits.toBigInt()).toBeGreaterThan(0n);
    expect(shares.bits.toBigInt()).toBe(total.bits.toBigInt());
    const poolAlpha = await query('subtensorModule', 'totalHotkeyAlpha')(charlieHot.id, netuid);
    expect(poolAlpha.toString()).toBe(pos?.alpha);
    const entries = await query('subtensorModule', 'alpha').entries();
    expect(entries.map(([k]) => k.args.map((a) => a.toString()))).toContainEqual([
      api.createType('AccountId32', charlieHot.id).toString(),
      api.createType('AccountId32', charlie.id).toString(),
      String(netuid),
    ]);
  });

  it('reads an item at a past block hash, within the state-pruning window', async () => {
    const before = await node.rpc<AccountInfoJson>('taonet_accountInfo', [bob.id]);
    const { hashes } = await node.seal(1);
    const old = hashes[0] as string;
    await exec(alice, 'transfer', { dest: bob.id, amount: 7n * TAO });
    await node.seal(5);
    const now = (await query('system', 'account')(bob.id)) as unknown as AccountInfoCodec;
    expect(now.data.free.toBigInt()).toBe(BigInt(before.free) + 7n * TAO);
    const at = await api.at(old);
    const then = (await at.query.system?.account?.(bob.id)) as unknown as AccountInfoCodec;
    expect(then.data.free.toString()).toBe(before.free);
  });

  it('runtime API calls: AccountNonceApi and Metadata over state_call', async () => {
    const nonce = await api.call.accountNonceApi?.accountNonce?.(alice.id);
    const view = await node.rpc<AccountInfoJson>('taonet_accountInfo', [alice.id]);
    expect(nonce?.toString()).toBe(view.nonce);
    const versions = (await api.call.metadata?.metadataVersions?.()) as unknown as Num[];
    expect(versions.map((v) => v.toNumber())).toEqual([14, 15]);
  });
});

describe('subtensor runtime APIs (@polkadot/api api.call)', () => {
  interface DynJson {
    netuid: number;
    taoIn: string;
    alphaIn: string;
    alphaOut: string;
    tempo: number;
    owner: string;
    ownerHotkey: string;
    symbol: string;
    volume: string;
    movingPrice: string;
  }
  const call = (apiName: string, method: string) => {
    const f = api.call[apiName]?.[method];
    if (f === undefined) throw new Error(`no runtime call ${apiName}.${method}`);
    return f;
  };

  it('SubnetInfoRuntimeApi.get_all_dynamic_info gives the numbers of taonet_allDynamicInfo', async () => {
    const view = await node.rpc<DynJson[]>('taonet_allDynamicInfo');
    const all = (await call('subnetInfoRuntimeApi', 'getAllDynamicInfo')()).toJSON() as (Record<
      string,
      unknown
    > | null)[];
    expect(all.length).toBe(view.length);
    for (const [i, v] of view.entries()) {
      const d = all[i] as Record<string, unknown>;
      expect(d.netuid).toBe(v.netuid);
      expect(BigInt(d.taoIn as number)).toBe(BigInt(v.taoIn));
      expect(BigInt(d.alphaIn as number)).toBe(BigInt(v.alphaIn));
      expect(BigInt(d.alphaOut as number)).toBe(BigInt(v.alphaOut));
      expect(d.tempo).toBe(v.tempo);
      expect(BigInt(d.subnetVolume as number)).toBe(BigInt(v.volume));
      expect(BigInt((d.movingPrice as { bits: number | string }).bits)).toBe(BigInt(v.movingPrice));
      expect(Buffer.from(d.tokenSymbol as number[]).toString('utf8')).toBe(v.symbol);
      if (v.ownerHotkey !== null) expect(api.createType('AccountId32', d.ownerHotkey).toHex()).toBe(v.ownerHotkey);
    }
    const one = (await call('subnetInfoRuntimeApi', 'getDynamicInfo')(netuid)).toJSON() as Record<string, unknown>;
    expect(one.netuid).toBe(netuid);
    expect((await call('subnetInfoRuntimeApi', 'getDynamicInfo')(999)).toJSON()).toBeNull();
  });

  it('SwapRuntimeApi prices and SubnetRegistrationRuntimeApi cost match taonet_dynamicInfo and taonet_registrationPrices', async () => {
    const dyn = await node.rpc<{ price: string }>('taonet_dynamicInfo', [netuid]);
    const rao = (BigInt(dyn.price) * 1_000_000_000n) >> 64n;
    expect((await call('swapRuntimeApi', 'currentAlphaPrice')(netuid)).toString()).toBe(rao.toString());
    const all = (await call('swapRuntimeApi', 'currentAlphaPriceAll')()).toJSON() as {
      netuid: number;
      price: number;
    }[];
    const info = await node.rpc<{ subnets: number[] }>('taonet_networkInfo');
    expect(all.map((p) => p.netuid)).toEqual(info.subnets);
    expect(BigInt(all.find((p) => p.netuid === netuid)?.price ?? -1)).toBe(rao);
    const prices = await node.rpc<{ network: string }>('taonet_registrationPrices');
    expect((await call('subnetRegistrationRuntimeApi', 'getNetworkRegistrationCost')()).toString()).toBe(
      prices.network,
    );
  });

  it('NeuronInfoRuntimeApi.get_neurons_lite gives the numbers of taonet_metagraph', async () => {
    const mg = await node.rpc<{
      hotkeys: string[];
      coldkeys: string[];
      alphaStake: string[];
      incentive: number[];
      lastUpdate: string[];
    }>('taonet_metagraph', [netuid]);
    const neurons = (await call('neuronInfoRuntimeApi', 'getNeuronsLite')(netuid)).toJSON() as Record<
      string,
      unknown
    >[];
    expect(neurons.length).toBe(mg.hotkeys.length);
    for (const [uid, n] of neurons.entries()) {
      expect(n.uid).toBe(uid);
      expect(api.createType('AccountId32', n.hotkey).toHex()).toBe(mg.hotkeys[uid]);
      expect(api.createType('AccountId32', n.coldkey).toHex()).toBe(mg.coldkeys[uid]);
      const stake = n.stake as [string, number | string][];
      expect(BigInt(stake[0]?.[1] ?? -1)).toBe(BigInt(mg.alphaStake[uid] as string));
      expect(n.incentive).toBe(mg.incentive[uid]);
      expect(BigInt(n.lastUpdate as number)).toBe(BigInt(mg.lastUpdate[uid] as string));
    }
    const lite = (await call('neuronInfoRuntimeApi', 'getNeuronLite')(netuid, 1)).toJSON() as Record<string, unknown>;
    expect(api.createType('AccountId32', lite.hotkey).toHex()).toBe(mg.hotkeys[1]);
    expect((await call('neuronInfoRuntimeApi', 'getNeuronsLite')(999)).toJSON()).toEqual([]);
  });
});

describe('stake, metagraph and swap runtime APIs (@polkadot/api api.call)', () => {
  const call = (apiName: string, method: string) => {
    const f = api.call[apiName]?.[method];
    if (f === undefined) throw new Error(`no runtime call ${apiName}.${method}`);
    return f;
  };

  it('stakeInfoRuntimeApi.getStakeInfoForColdkey gives taonet_accountInfo’s positions', async () => {
    const view = await node.rpc<AccountInfoJson>('taonet_accountInfo', [charlie.id]);
    const rows = (await call('stakeInfoRuntimeApi', 'getStakeInfoForColdkey')(charlie.id)).toJSON() as {
      hotkey: string;
      coldkey: string;
      netuid: number;
      stake: number | string;
      isRegistered: boolean;
    }[];
    const want = view.stakes.filter((p) => BigInt(p.alpha) > 0n);
    expect(rows.length).toBe(want.length);
    for (const p of want) {
      const r = rows.find((x) => api.createType('AccountId32', x.hotkey).toHex() === p.hotkey && x.netuid === p.netuid);
      expect(r, `${p.hotkey}/${p.netuid}`).toBeDefined();
      expect(BigInt(r?.stake ?? -1)).toBe(BigInt(p.alpha));
      expect(api.createType('AccountId32', r?.coldkey).toHex()).toBe(charlie.id);
    }
    const zero = (
      await call('stakeInfoRuntimeApi', 'getStakeInfoForHotkeyColdkeyNetuid')(charlieHot.id, alice.id, netuid)
    ).toJSON() as { stake: number } | null;
    expect(zero?.stake).toBe(0);
  });

  it('subnetInfoRuntimeApi.getMetagraph decodes all 72 fields with taonet_metagraph’s numbers', async () => {
    const mg = await node.rpc<{ hotkeys: string[]; alphaStake: string[]; emission: string[] }>('taonet_metagraph', [
      netuid,
    ]);
    const m = (await call('subnetInfoRuntimeApi', 'getMetagraph')(netuid)).toJSON() as Record<string, unknown>;
    expect(Object.keys(m)).toHaveLength(72);
    expect(m.netuid).toBe(netuid);
    expect((m.hotkeys as string[]).map((h) => api.createType('AccountId32', h).toHex())).toEqual(mg.hotkeys);
    expect((m.alphaStake as (number | string)[]).map((x) => BigInt(x).toString())).toEqual(mg.alphaStake);
    expect((m.emission as (number | string)[]).map((x) => BigInt(x).toString())).toEqual(mg.emission);
    expect(m.numUids).toBe(mg.hotkeys.length);
    expect((await call('subnetInfoRuntimeApi', 'getMetagraph')(999)).toJSON()).toBeNull();
  });

  it('swapRuntimeApi.simSwapTaoForAlpha gives the runtime’s quote (taonet_simSwap)', async () => {
    const q = await node.rpc<{ paidIn: string; paidOut: string; fee: string }>('taonet_simSwap', [
      netuid,
      'buy',
      String(7n * TAO),
    ]);
    const r = (await call('swapRuntimeApi', 'simSwapTaoForAlpha')(netuid, 7n * TAO)).toJSON() as Record<
      string,
      number | string
    >;
    expect(BigInt(r.taoAmount ?? -1)).toBe(BigInt(q.paidIn));
    expect(BigInt(r.alphaAmount ?? -1)).toBe(BigInt(q.paidOut));
    expect(BigInt(r.taoFee ?? -1)).toBe(BigInt(q.fee));
    expect(BigInt(r.alphaSlippage ?? -1)).toBeGreaterThan(0n);
  });

  it('reads the constants and new items through api.consts / api.query', async () => {
    expect(api.consts.aura?.slotDuration?.toString()).toBe('250');
    expect(api.consts.subtensorModule?.initialStartCallDelay?.toString()).toBe('0');
    const sym = await node.rpc<{ symbol: string }>('taonet_dynamicInfo', [netuid]);
    expect(Buffer.from((await query('subtensorModule', 'tokenSymbol')(netuid)).toU8a(true)).toString('utf8')).toBe(
      sym.symbol,
    );
    expect((await query('subtensorModule', 'isNetworkMember')(charlieHot.id, netuid)).toString()).toBe('true');
    expect((await query('subtensorModule', 'subnetEpochConsensus')(netuid)).toString()).toBe('Yuma');
    expect(((await query('subtensorModule', 'hotkeyLock')(netuid, charlieHot.id)) as Opt).isNone).toBe(true);
    expect((await query('subtensorModule', 'unlockRate')()).toString()).toBe('934866');
  });
});

describe('subscriptions and the pruning window', () => {
  it('api.query with a callback follows a value through state_subscribeStorage', async () => {
    const seen: bigint[] = [];
    const unsub = (await query('system', 'account')(key('Dave').id, (a: AccountInfoCodec) => {
      seen.push(a.data.free.toBigInt());
    })) as unknown as () => void;
    const until = async (n: number) => {
      for (let i = 0; i < 200 && seen.length < n; i++) await new Promise((r) => setTimeout(r, 10));
    };
    await until(1);
    await exec(alice, 'transfer', { dest: key('Dave').id, amount: 3n * TAO });
    await until(2);
    unsub();
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect((seen.at(-1) as bigint) - (seen[0] as bigint)).toBe(3n * TAO);
  });

  it('a block older than --state-pruning answers "State already discarded"', async () => {
    const small = await NodeProcess.start({ args: ['--state-pruning', '2'] });
    try {
      const { hashes } = await small.seal(1);
      await small.seal(3);
      const k = query('system', 'account').key(alice.id);
      let message = '';
      try {
        await small.rpc('state_getStorage', [k, hashes[0]]);
      } catch (e) {
        message = (e as RpcCallError).error.message;
      }
      expect(message).toContain(`State already discarded for ${hashes[0]}`);
      const head = await small.rpc<string>('chain_getBlockHash', []);
      expect(await small.rpc('state_getStorage', [k, head])).not.toBeNull();
    } finally {
      await small.kill();
    }
  });
});

describe('System.Events', () => {
  interface Status {
    blockHash: string;
    index: number;
    result: { ok: boolean; fee: string; error?: { code: string } };
  }
  async function included(signer: typeof alice, method: string, args: Record<string, unknown>): Promise<Status> {
    const hash = await node.submit(signer, method, args);
    await node.seal(1);
    return node.rpc<Status>('taonet_extrinsicStatus', [hash]);
  }
  interface RecordJson {
    phase: { applyExtrinsic?: number; initialization?: null };
    event: { section: string; method: string; data: unknown[] };
  }
  async function recordsAt(blockHash: string, index: number): Promise<RecordJson[]> {
    const at = await api.at(blockHash);
    const events = (await at.query.system?.events?.()) as unknown as {
      map: <U>(f: (r: { phase: Codec; event: { section: string; method: string; data: Codec[] } }) => U) => U[];
    };
    return events
      .map((r) => ({
        phase: r.phase.toJSON() as RecordJson['phase'],
        event: { section: r.event.section, method: r.event.method, data: r.event.data.map((d) => d.toJSON()) },
      }))
      .filter((r) => r.phase.applyExtrinsic === index);
  }

  it('a transfer: Balances.Transfer, TransactionFeePaid with the fee, then ExtrinsicSuccess', async () => {
    const st = await included(alice, 'transfer', { dest: key('Eve').id, amount: 2n * TAO });
    expect(st.result.ok).toBe(true);
    const recs = await recordsAt(st.blockHash, st.index);
    expect(recs.map((r) => `${r.event.section}.${r.event.method}`)).toEqual([
      'balances.Transfer',
      'transactionPayment.TransactionFeePaid',
      'system.ExtrinsicSuccess',
    ]);
    expect(api.createType('AccountId32', recs[0]?.event.data[1]).toHex()).toBe(key('Eve').id);
    expect(BigInt(recs[0]?.event.data[2] as number)).toBe(2n * TAO);
    expect(BigInt(recs[1]?.event.data[1] as number)).toBe(BigInt(st.result.fee));
  });

  it('a MEV-shield carrier: MevShield.EncryptedSubmitted { id, who } (bittensor 10.5 waits for it)', async () => {
    const blob = encryptTo(await readNextKey(node), Uint8Array.of(4, 1));
    const hash = await node.submit(alice, 'submit_encrypted', { ciphertext: blob }, { period: 8 });
    await node.seal(1);
    const st = await node.rpc<Status>('taonet_extrinsicStatus', [hash]);
    expect(st.result.ok).toBe(true);
    const recs = await recordsAt(st.blockHash, st.index);
    expect(recs.map((r) => `${r.event.section}.${r.event.method}`)).toEqual([
      'mevShield.EncryptedSubmitted',
      'transactionPayment.TransactionFeePaid',
      'system.ExtrinsicSuccess',
    ]);
    const events = await node.rpc<BlockEvents>('taonet_getEvents', [st.blockHash]);
    const id = events.extrinsics[st.index]?.events.find((e) => e.name === 'EncryptedSubmitted')?.data.id;
    expect(recs[0]?.event.data[0]).toBe(id);
    expect(api.createType('AccountId32', recs[0]?.event.data[1]).toHex()).toBe(alice.id);
  });

  it('a failing call reports subtensor’s error name through findMetaError', async () => {
    const pauper = key('//Pauper');
    await exec(alice, 'transfer', { dest: pauper.id, amount: TAO });
    const st = await included(pauper, 'add_stake', { hotkey: charlieHot.id, netuid, amount: 5n * TAO });
    expect(st.result.ok).toBe(false);
    expect(st.result.error?.code).toBe('NotEnoughBalanceToStake');
    const recs = await recordsAt(st.blockHash, st.index);
    const failed = recs.at(-1);
    expect(`${failed?.event.section}.${failed?.event.method}`).toBe('system.ExtrinsicFailed');
    const dispatchError = failed?.event.data[0] as { module?: { index: number; error: string } } | undefined;
    const module = dispatchError?.module ?? { index: -1, error: '0x' };
    // The module index and the first byte of `error` name it, as clients resolve it.
    const err = api.registry.findMetaError(
      new Uint8Array([module.index, Number.parseInt(module.error.slice(2, 4), 16)]),
    );
    expect(`${err.section}.${err.name}`).toBe('subtensorModule.NotEnoughBalanceToStake');
  });

  it('registration and staking events carry subtensor’s variants and field order', async () => {
    const st = await included(key('Dave'), 'burned_register', { netuid, hotkey: key('//Dave//hot').id });
    expect(st.result.ok).toBe(true);
    const reg = (await recordsAt(st.blockHash, st.index)).find((r) => r.event.method === 'NeuronRegistered');
    expect(reg?.event.data[0]).toBe(netuid);
    expect(api.createType('AccountId32', reg?.event.data[2]).toHex()).toBe(key('//Dave//hot').id);
    const st2 = await included(key('Dave'), 'add_stake', { hotkey: key('//Dave//hot').id, netuid, amount: 10n * TAO });
    const added = (await recordsAt(st2.blockHash, st2.index)).find((r) => r.event.method === 'StakeAdded');
    expect(api.createType('AccountId32', added?.event.data[0]).toHex()).toBe(key('Dave').id);
    expect(BigInt(added?.event.data[2] as number)).toBe(10n * TAO);
    expect(added?.event.data[4]).toBe(netuid);
  });
});

describe('every storage item', () => {
  it('lists only present keys, each readable, each value decoding to its metadata type', async () => {
    const face = new SubstrateFace(250);
    let checked = 0;
    for (const it of face.storage.items) {
      const keys = await node.rpc<string[]>('state_getKeysPaged', [it.prefixHex, 1000, null]);
      if (it.def.keys.length === 0) expect(keys.length).toBeLessThanOrEqual(1);
      if (keys.length === 0) continue;
      const [r] = await node.rpc<{ changes: [string, string | null][] }[]>('state_queryStorageAt', [keys]);
      for (const [k, v] of r?.changes ?? []) {
        expect(v, `${it.pallet}.${it.def.name} ${k}`).not.toBeNull();
        const bytes = new Uint8Array(Buffer.from((v as string).slice(2), 'hex'));
        const codec = codecOf(it.def.value);
        expect(Buffer.from(codec.enc(codec.dec(bytes) as never)).toString('hex')).toBe((v as string).slice(2));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});

describe('JSON-RPC edges', () => {
  it('rpc_methods lists what clients look for', async () => {
    const r = await node.rpc<{ methods: string[] }>('rpc_methods');
    for (const m of ['state_call', 'state_getStorageAt', 'account_nextIndex', 'state_getKeysPaged', 'taonet_metagraph'])
      expect(r.methods).toContain(m);
  });

  it('state_call accepts args without 0x, and rejects garbage and unknown APIs with typed errors', async () => {
    expect(await node.rpc('state_call', ['Metadata_metadata_versions', ''])).toBe('0x080e0000000f000000');
    const v15 = await node.rpc<string>('state_call', ['Metadata_metadata_at_version', '0x0f000000']);
    expect(v15.startsWith('0x01')).toBe(true);
    const none = await node.rpc<string>('state_call', ['Metadata_metadata_at_version', '10000000']);
    expect(none).toBe('0x00');
    const err = async (params: unknown[]) => {
      try {
        await node.rpc('state_call', params);
      } catch (e) {
        return (e as RpcCallError).error.data.name;
      }
      return 'no error';
    };
    expect(await err(['Metadata_metadata_at_version', '0x0f'])).toBe('BadRuntimeApiArgs');
    expect(await err(['Metadata_metadata_at_version', '0x0f00000000'])).toBe('BadRuntimeApiArgs');
    expect(await err(['Nope_nothing', '0x'])).toBe('UnknownRuntimeApi');
    expect(await err(['Core_version', 'zz'])).toBe('InvalidParams');
    // The node is still healthy.
    expect(await node.rpc('system_health')).toMatchObject({ isSyncing: false });
  });

  it('state_queryStorageAt answers every key, null when absent, in the hex sent', async () => {
    const k1 = query('system', 'account').key(alice.id);
    const k2 = query('system', 'account').key(`0x${'55'.repeat(32)}`);
    const r = await node.rpc<{ block: string; changes: [string, string | null][] }[]>('state_queryStorageAt', [
      [k1, k2],
    ]);
    expect(r[0]?.changes.map(([k]) => k)).toEqual([k1, k2]);
    expect(r[0]?.changes[1]?.[1]).toBeNull();
    expect(typeof r[0]?.changes[0]?.[1]).toBe('string');
  });

  it('account_nextIndex takes an SS58 address', async () => {
    const ss58 = api.createType('AccountId32', alice.id).toString();
    const view = await node.rpc<AccountInfoJson>('taonet_accountInfo', [alice.id]);
    expect(String(await node.rpc('account_nextIndex', [ss58]))).toBe(view.nonce);
  });
});

describe('polkadot-api', () => {
  it('reads the metadata and an account over its WebSocket provider with its own codecs', async () => {
    // Node 20 has no global WebSocket: give papi the ws package's.
    const provider = getWsProvider(node.wsUrl, { websocketClass: WebSocket as never });
    let nextId = 1;
    const pending = new Map<number, (r: { result?: unknown; error?: unknown }) => void>();
    const conn = provider((msg) => {
      const m = msg as { id?: number; result?: unknown; error?: unknown };
      if (typeof m.id === 'number') pending.get(m.id)?.(m);
    });
    const request = (method: string, params: unknown[]) =>
      new Promise<unknown>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, (r) =>
          r.error === undefined ? resolve(r.result) : reject(new Error(JSON.stringify(r.error))),
        );
        conn.send({ jsonrpc: '2.0', id, method, params });
      });
    try {
      const raw = (await request('state_call', ['Metadata_metadata_at_version', '0x0f000000'])) as string;
      const md = decAnyMetadata(raw);
      expect(md.metadata.tag).toBe('v15');
      const v15 = md.metadata.value as V15;
      expect(v15.pallets.find((p) => p.name === 'SubtensorModule')?.index).toBe(7);
      const accountItem = Storage('System')('Account', [AccountId(42), Blake2128Concat]);
      const ss58 = AccountId(42).dec(new Uint8Array(Buffer.from(bob.id.slice(2), 'hex')));
      const value = (await request('state_getStorage', [accountItem.enc(ss58)])) as string;
      const info = Struct({
        nonce: u32,
        consumers: u32,
        providers: u32,
        sufficients: u32,
        data: Struct({ free: u64, reserved: u64, frozen: u64, flags: u128 }),
      }).dec(value);
      const view = await node.rpc<AccountInfoJson>('taonet_accountInfo', [bob.id]);
      expect(info.data.free.toString()).toBe(view.free);
    } finally {
      conn.disconnect();
    }
  });
});
