/**
 * subtensor's runtime APIs over `state_call` on a real dev node: each method is called with
 * SCALE arguments, its answer decoded with the type the V15 metadata declares, and compared with
 * the `taonet_*` views over the same chain (a subnet with a validator, a nominator, a miner,
 * weights and a few epochs). Garbage arguments get a typed error for every method.
 */
import { toHex } from '@taonet/primitives';
import { RAO_PER_TAO } from '@taonet/primitives';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiMethodDef } from '../../src/substrate/runtime-apis.js';
import { codecOf, T } from '../../src/substrate/scale-type.js';
import { SubstrateFace } from '../../src/substrate/substrate-face.js';
import { key, NodeProcess, type RpcCallError } from './harness.js';

const TAO = RAO_PER_TAO;
const face = new SubstrateFace(250);
const alice = key('Alice');
const bob = key('Bob');
const bobHot = key('//Bob//hot');
const charlie = key('Charlie');
const charlieHot = key('//Charlie//hot');
const dave = key('Dave');
const daveHot = key('//Dave//hot');
const eve = key('Eve');

let node: NodeProcess;
let netuid = -1;

type Rec = Record<string, unknown>;
const bytes = (id: string) => new Uint8Array(Buffer.from(id.slice(2), 'hex'));
const hex = (b: unknown) => toHex(b as Uint8Array);
const NONE = { tag: 'None', value: undefined };
const some = (value: unknown) => ({ tag: 'Some', value });

function method(name: string): ApiMethodDef {
  const [api, ...rest] = name.split('_');
  const m = face.runtime.apis.find((a) => a.name === api)?.methods.find((x) => x.name === rest.join('_'));
  if (m === undefined) throw new Error(`no runtime API ${name}`);
  return m;
}

/** Integers as numbers when they fit, bigints beyond: compact decoders give either. */
function norm(v: unknown): unknown {
  if (typeof v === 'bigint')
    return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  if (v instanceof Uint8Array) return v;
  if (Array.isArray(v)) return v.map(norm);
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, norm(x)]));
  return v;
}
/** An expected integer (JSON string, number or bigint) in `norm`'s form. */
const num = (x: unknown): unknown => norm(BigInt(x as string));

/** `state_call(name, SCALE(args))`, decoded with the output type the metadata declares (normalised). */
async function call<R = Rec>(name: string, ...args: unknown[]): Promise<R> {
  const m = method(name);
  const enc = m.inputs.length === 0 ? new Uint8Array(0) : codecOf(T.tuple(...m.inputs.map((f) => f.type))).enc(args);
  const out = await node.rpc<string>('state_call', [name, toHex(enc)]);
  return norm(codecOf(m.output).dec(out)) as R;
}

async function exec(signer: typeof alice, m: string, args: Record<string, unknown>): Promise<void> {
  const r = await node.exec(signer, m, args);
  if (!r.ok) throw new Error(`${m} failed: ${JSON.stringify(r.error)}`);
}

interface AccountJson {
  stakes: { hotkey: string; netuid: number; alpha: string }[];
}
interface MetagraphJson {
  hotkeys: string[];
  coldkeys: string[];
  alphaStake: string[];
  rootStake: string[];
  totalStake: string[];
  emission: string[];
  incentive: number[];
  dividends: number[];
  consensus: number[];
  active: boolean[];
  validatorPermit: boolean[];
  lastUpdate: string[];
  blockAtRegistration: string[];
  weights: [number, number][][];
  bonds: [number, number][][];
}

beforeAll(async () => {
  node = await NodeProcess.start();
  await exec(bob, 'register_network', { hotkey: bobHot.id });
  const info = await node.rpc<{ subnets: number[] }>('taonet_networkInfo');
  netuid = Math.max(...info.subnets);
  await exec(bob, 'start_call', { netuid });
  await exec(charlie, 'burned_register', { netuid, hotkey: charlieHot.id });
  await exec(dave, 'burned_register', { netuid, hotkey: daveHot.id });
  await exec(charlie, 'add_stake', { hotkey: charlieHot.id, netuid, amount: 100n * TAO });
  await exec(alice, 'add_stake', { hotkey: charlieHot.id, netuid, amount: 20n * TAO });
  await exec(alice, 'add_stake', { hotkey: daveHot.id, netuid, amount: 5n * TAO });
  await node.seal(12);
  const mg = await node.rpc<MetagraphJson>('taonet_metagraph', [netuid, ['hotkeys']]);
  const daveUid = mg.hotkeys.indexOf(daveHot.id);
  await exec(charlieHot, 'set_weights', { netuid, uids: [daveUid], values: [65535], versionKey: 0n });
  await exec(alice, 'sudo_set_childkey_param', { name: 'pendingCooldown', value: 1n });
  await exec(charlie, 'set_children', {
    hotkey: charlieHot.id,
    netuid,
    children: [{ proportion: 1n << 63n, child: daveHot.id }],
  });
  await node.seal(24);
}, 180_000);

afterAll(async () => {
  await node?.kill();
});

describe('StakeInfoRuntimeApi', () => {
  it('positions of one and several coldkeys match taonet_accountInfo', async () => {
    for (const ck of [alice, charlie]) {
      const view = await node.rpc<AccountJson>('taonet_accountInfo', [ck.id]);
      const want = view.stakes
        .filter((s) => BigInt(s.alpha) > 0n)
        .map((s) => [s.hotkey, s.netuid, num(s.alpha)])
        .sort();
      const rows = await call<Rec[]>('StakeInfoRuntimeApi_get_stake_info_for_coldkey', bytes(ck.id));
      expect(rows.map((r) => [hex(r.hotkey), r.netuid, r.stake]).sort()).toEqual(want);
      for (const r of rows) {
        expect(hex(r.coldkey)).toBe(ck.id);
        expect(r.locked).toBe(0);
        expect(r.is_registered).toBe(true);
      }
    }
    const both = await call<[Uint8Array, Rec[]][]>('StakeInfoRuntimeApi_get_stake_info_for_coldkeys', [
      bytes(alice.id),
      bytes(eve.id),
    ]);
    expect(both.map(([ck, rows]) => [hex(ck), rows.length])).toEqual([
      [alice.id, 2],
      [eve.id, 0],
    ]);
  });

  it('one position is always Some, zero stake included; emission is the hotkey’s last-epoch emission', async () => {
    const view = await node.rpc<AccountJson>('taonet_accountInfo', [charlie.id]);
    const alpha = BigInt(view.stakes.find((s) => s.hotkey === charlieHot.id && s.netuid === netuid)?.alpha ?? -1);
    const one = await call<{ tag: string; value: Rec }>(
      'StakeInfoRuntimeApi_get_stake_info_for_hotkey_coldkey_netuid',
      bytes(charlieHot.id),
      bytes(charlie.id),
      netuid,
    );
    expect(one.tag).toBe('Some');
    expect(one.value.stake).toBe(norm(alpha));
    const mg = await node.rpc<MetagraphJson>('taonet_metagraph', [netuid, ['hotkeys', 'emission']]);
    expect(one.value.emission).toBe(num(mg.emission[mg.hotkeys.indexOf(charlieHot.id)] as string));
    const zero = await call<{ tag: string; value: Rec }>(
      'StakeInfoRuntimeApi_get_stake_info_for_hotkey_coldkey_netuid',
      bytes(charlieHot.id),
      bytes(eve.id),
      netuid,
    );
    expect(zero).toMatchObject({ tag: 'Some', value: { stake: 0, is_registered: true } });
  });

  it('stake availability: all of it available, nothing locked; a bad netuid list answers an empty map', async () => {
    const view = await node.rpc<AccountJson>('taonet_accountInfo', [alice.id]);
    const total = view.stakes.filter((s) => s.netuid === netuid).reduce((a, s) => a + BigInt(s.alpha), 0n);
    const m = await call<[Uint8Array, [number, Rec][]][]>(
      'StakeInfoRuntimeApi_get_stake_availability_for_coldkeys',
      [bytes(alice.id), bytes(eve.id), bytes(alice.id)],
      NONE,
    );
    // A BTreeMap: each coldkey once, in byte order.
    expect(m.map(([ck]) => hex(ck))).toEqual([alice.id, eve.id].sort());
    const aliceRow = m.find(([ck]) => hex(ck) === alice.id)?.[1];
    expect(aliceRow).toEqual([[netuid, norm({ total, locked: 0n, available: total })]]);
    expect(m.find(([ck]) => hex(ck) === eve.id)?.[1]).toEqual([]);
    const limited = await call<[Uint8Array, [number, Rec][]][]>(
      'StakeInfoRuntimeApi_get_stake_availability_for_coldkeys',
      [bytes(alice.id)],
      some([0, 0, 999]),
    );
    expect(limited).toEqual([[bytes(alice.id), []]]);
    const empty = await call('StakeInfoRuntimeApi_get_stake_availability_for_coldkeys', [bytes(alice.id)], some([]));
    expect(empty).toEqual([[bytes(alice.id), []]]);
  });

  it('no locks, conviction or auto-stake; the stake fee is the pool fee of the runtime’s quote, 0 when nothing moves', async () => {
    expect(await call('StakeInfoRuntimeApi_get_coldkey_lock', bytes(alice.id), netuid)).toEqual(NONE);
    expect(await call('StakeInfoRuntimeApi_get_hotkey_conviction', bytes(charlieHot.id), netuid)).toEqual({ bits: 0 });
    expect(await call('StakeInfoRuntimeApi_get_most_convicted_hotkey_on_subnet', netuid)).toEqual(NONE);
    expect(await call('SubnetInfoRuntimeApi_get_coldkey_auto_stake_hotkey', bytes(alice.id), netuid)).toEqual(NONE);
    const q = await node.rpc<{ fee: string }>('taonet_simSwap', [netuid, 'buy', String(10n * TAO)]);
    const dest = some([bytes(charlieHot.id), netuid]);
    expect(
      await call('StakeInfoRuntimeApi_get_stake_fee', NONE, bytes(alice.id), dest, bytes(alice.id), 10n * TAO),
    ).toBe(num(q.fee));
    expect(await call('StakeInfoRuntimeApi_get_stake_fee', dest, bytes(alice.id), dest, bytes(alice.id), TAO)).toBe(0);
  });
});

describe('DelegateInfoRuntimeApi', () => {
  it('get_delegates / get_delegate: take, owner, nominators with their alpha, registrations, permits', async () => {
    const all = await call<Rec[]>('DelegateInfoRuntimeApi_get_delegates');
    const mine = all.find((d) => hex(d.delegate_ss58) === charlieHot.id);
    expect(mine).toBeDefined();
    const one = await call<{ tag: string; value: Rec }>('DelegateInfoRuntimeApi_get_delegate', bytes(charlieHot.id));
    expect(one).toEqual(some(mine));
    const d = one.value;
    expect(hex(d.owner_ss58)).toBe(charlie.id);
    expect(d.registrations).toEqual([netuid]);
    const mg = await node.rpc<MetagraphJson>('taonet_metagraph', [netuid, ['hotkeys', 'validatorPermit']]);
    expect(d.validator_permits).toEqual(mg.validatorPermit[mg.hotkeys.indexOf(charlieHot.id)] ? [netuid] : []);
    const noms = new Map((d.nominators as [Uint8Array, [number, bigint][]][]).map(([ck, s]) => [hex(ck), s]));
    for (const ck of [alice, charlie]) {
      const view = await node.rpc<AccountJson>('taonet_accountInfo', [ck.id]);
      const p = view.stakes.find((s) => s.hotkey === charlieHot.id && s.netuid === netuid);
      expect(noms.get(ck.id)).toEqual([[netuid, num(p?.alpha ?? -1)]]);
    }
    expect(typeof d.take).toBe('number');
    expect(await call('DelegateInfoRuntimeApi_get_delegate', bytes(eve.id))).toEqual(NONE);
  });

  it('get_delegated lists each (delegate, subnet) a coldkey stakes on', async () => {
    const rows = await call<[Rec, [number, bigint]][]>('DelegateInfoRuntimeApi_get_delegated', bytes(alice.id));
    const view = await node.rpc<AccountJson>('taonet_accountInfo', [alice.id]);
    expect(rows.map(([d, [n, a]]) => [hex(d.delegate_ss58), n, a]).sort()).toEqual(
      view.stakes
        .filter((s) => BigInt(s.alpha) > 0n)
        .map((s) => [s.hotkey, s.netuid, num(s.alpha)])
        .sort(),
    );
  });
});

describe('SubnetInfoRuntimeApi', () => {
  const metagraph = async () =>
    node.rpc<MetagraphJson>('taonet_metagraph', [
      netuid,
      [
        'hotkeys',
        'coldkeys',
        'alphaStake',
        'rootStake',
        'totalStake',
        'emission',
        'incentive',
        'dividends',
        'consensus',
        'active',
        'validatorPermit',
        'lastUpdate',
        'blockAtRegistration',
      ],
    ]);

  it('get_metagraph: subtensor’s 72 fields, with the numbers of taonet_metagraph and taonet_dynamicInfo', async () => {
    const r = await call<{ tag: string; value: Rec }>('SubnetInfoRuntimeApi_get_metagraph', netuid);
    expect(r.tag).toBe('Some');
    const m = r.value;
    expect(Object.keys(m)).toHaveLength(72);
    const mg = await metagraph();
    const dyn = await node.rpc<Rec>('taonet_dynamicInfo', [netuid]);
    expect(m.netuid).toBe(netuid);
    expect((m.hotkeys as Uint8Array[]).map(hex)).toEqual(mg.hotkeys);
    expect((m.coldkeys as Uint8Array[]).map(hex)).toEqual(mg.coldkeys);
    expect(m.alpha_stake).toEqual(mg.alphaStake.map(num));
    expect(m.tao_stake).toEqual(mg.rootStake.map(num));
    expect(m.total_stake).toEqual(mg.totalStake.map(num));
    expect(m.emission).toEqual(mg.emission.map(num));
    expect(m.incentives).toEqual(mg.incentive);
    expect(m.dividends).toEqual(mg.dividends);
    expect(m.consensus).toEqual(mg.consensus);
    expect(m.active).toEqual(mg.active);
    expect(m.validator_permit).toEqual(mg.validatorPermit);
    expect(m.last_update).toEqual(mg.lastUpdate.map(num));
    expect(m.block_at_registration).toEqual(mg.blockAtRegistration.map(num));
    expect(m.num_uids).toBe(mg.hotkeys.length);
    expect((m.axons as unknown[]).length).toBe(mg.hotkeys.length);
    expect(m.tao_in).toBe(num(dyn.taoIn as string));
    expect(m.alpha_in).toBe(num(dyn.alphaIn as string));
    expect(m.alpha_out).toBe(num(dyn.alphaOut as string));
    expect(m.tempo).toBe(dyn.tempo);
    expect(Buffer.from(m.symbol as number[]).toString('utf8')).toBe(dyn.symbol);
    expect(hex(m.owner_hotkey)).toBe(bobHot.id);
    expect(hex(m.owner_coldkey)).toBe(bob.id);
    expect((m.moving_price as { bits: bigint }).bits).toBe(num(dyn.movingPrice as string));
    const hp = new Map(
      (await node.rpc<{ name: string; value: unknown }[]>('taonet_hyperparameters', [netuid])).map((h) => [
        h.name,
        h.value,
      ]),
    );
    expect(m.kappa).toBe(hp.get('kappa'));
    expect(m.max_uids).toBe(hp.get('maxAllowedUids'));
    expect(m.min_burn).toBe(num(hp.get('minBurn') as string));
    expect(m.commit_reveal_weights_enabled).toBe(hp.get('commitRevealEnabled'));
    expect(m.rho).toBe(10); // no rho in Taonet: subtensor's fresh-chain value
    const head = await node.head();
    expect(m.block).toBe(norm(head.number));
    expect(await call('SubnetInfoRuntimeApi_get_metagraph', 999)).toEqual(NONE);
  });

  it('get_mechagraph: mecid 0 is the subnet’s metagraph, any other is None; get_all_* cover every subnet', async () => {
    const m = method('SubnetInfoRuntimeApi_get_metagraph');
    const raw = await node.rpc<string>('state_call', [
      'SubnetInfoRuntimeApi_get_mechagraph',
      toHex(codecOf(T.tuple(m.inputs[0]?.type ?? T.u8, T.u8)).enc([netuid, 0])),
    ]);
    expect(raw).toBe(
      await node.rpc<string>('state_call', ['SubnetInfoRuntimeApi_get_metagraph', toHex(codecOf(T.u16).enc(netuid))]),
    );
    expect(await call('SubnetInfoRuntimeApi_get_mechagraph', netuid, 1)).toEqual(NONE);
    const info = await node.rpc<{ subnets: number[] }>('taonet_networkInfo');
    const all = await call<{ tag: string; value: Rec }[]>('SubnetInfoRuntimeApi_get_all_metagraphs');
    expect(all.map((x) => x.value.netuid)).toEqual(info.subnets);
    const mecha = await call<unknown[]>('SubnetInfoRuntimeApi_get_all_mechagraphs');
    expect(mecha).toHaveLength(info.subnets.length);
  });

  it('get_selective_metagraph / mechagraph: the asked fields only, validators and commitments', async () => {
    const full = (await call<{ value: Rec }>('SubnetInfoRuntimeApi_get_metagraph', netuid)).value;
    // 52 hotkeys, 67 alpha_stake, 8 tempo, 72 validators, 73 commitments.
    const r = await call<{ tag: string; value: Rec }>(
      'SubnetInfoRuntimeApi_get_selective_metagraph',
      netuid,
      [52, 67, 8, 72, 73],
    );
    expect(r.tag).toBe('Some');
    const v = r.value;
    expect(Object.keys(v)).toHaveLength(74);
    expect(v.netuid).toBe(netuid);
    expect(v.hotkeys).toEqual(some(full.hotkeys));
    expect(v.alpha_stake).toEqual(some(full.alpha_stake));
    expect(v.tempo).toEqual(some(full.tempo));
    expect(v.coldkeys).toEqual(NONE);
    expect(v.commitments).toEqual(some([]));
    const permits = full.validator_permit as boolean[];
    const validators = (v.validators as { value: number[] }).value;
    expect(validators.every((uid) => permits[uid])).toBe(true);
    const mecha = await call('SubnetInfoRuntimeApi_get_selective_mechagraph', netuid, 0, [52, 67, 8, 72, 73]);
    expect(mecha).toEqual(r);
    expect(await call('SubnetInfoRuntimeApi_get_selective_mechagraph', netuid, 3, [52])).toEqual(NONE);
    expect(await call('SubnetInfoRuntimeApi_get_selective_metagraph', 999, [52])).toEqual(NONE);
  });

  it('get_subnet_state matches the metagraph columns', async () => {
    const full = (await call<{ value: Rec }>('SubnetInfoRuntimeApi_get_metagraph', netuid)).value;
    const st = (await call<{ tag: string; value: Rec }>('SubnetInfoRuntimeApi_get_subnet_state', netuid)).value;
    for (const k of ['hotkeys', 'coldkeys', 'active', 'emission', 'incentives', 'alpha_stake', 'total_stake'])
      expect(st[k], k).toEqual(full[k]);
    const info = await node.rpc<{ subnets: number[] }>('taonet_networkInfo');
    const history = st.emission_history as bigint[][];
    expect(history).toHaveLength(info.subnets.length);
    expect(history[info.subnets.indexOf(netuid)]).toEqual(full.emission);
  });

  it('hyperparameters v1, v2 and the named v3 list give taonet_hyperparameters’ values', async () => {
    const hp = new Map(
      (await node.rpc<{ name: string; value: unknown }[]>('taonet_hyperparameters', [netuid])).map((h) => [
        h.name,
        h.value,
      ]),
    );
    const v1 = (await call<{ value: Rec }>('SubnetInfoRuntimeApi_get_subnet_hyperparams', netuid)).value;
    const v2 = (await call<{ value: Rec }>('SubnetInfoRuntimeApi_get_subnet_hyperparams_v2', netuid)).value;
    for (const v of [v1, v2]) {
      expect(v.tempo).toBe(hp.get('tempo'));
      expect(v.kappa).toBe(hp.get('kappa'));
      expect(v.max_burn).toBe(num(hp.get('maxBurn') as string));
      expect(v.weights_rate_limit).toBe(num(hp.get('weightsSetRateLimit') as string));
      expect(v.alpha_low).toBe(hp.get('alphaLow'));
    }
    expect(Object.keys(v1)).toHaveLength(27);
    expect(Object.keys(v2)).toHaveLength(33);
    expect(v2.yuma_version).toBe(hp.get('yuma3Enabled') ? 3 : 2);
    const v3 = (
      await call<{ tag: string; value: { name: Uint8Array; value: { tag: string; value: unknown } }[] }>(
        'SubnetInfoRuntimeApi_get_subnet_hyperparams_v3',
        netuid,
      )
    ).value;
    const byName = new Map(v3.map((e) => [Buffer.from(e.name).toString('utf8'), e.value]));
    expect(byName.get('tempo')).toEqual({ tag: 'U16', value: hp.get('tempo') });
    expect(byName.get('min_burn')).toEqual({ tag: 'TaoBalance', value: num(hp.get('minBurn')) });
    expect(byName.get('commit_reveal_weights_enabled')).toEqual({ tag: 'Bool', value: hp.get('commitRevealEnabled') });
    expect(byName.get('burn_increase_mult')).toEqual({
      tag: 'U64F64',
      value: { bits: num(hp.get('burnIncreaseMult')) },
    });
    expect(await call('SubnetInfoRuntimeApi_get_subnet_hyperparams_v3', 999)).toEqual(NONE);
  });

  it('get_next_epoch_start_block: the last epoch plus the tempo (no epoch pending)', async () => {
    const dyn = await node.rpc<Rec>('taonet_dynamicInfo', [netuid]);
    const head = await node.head();
    expect(await call('SubnetInfoRuntimeApi_get_next_epoch_start_block', netuid)).toEqual(
      some(norm(head.number + BigInt(dyn.blocksUntilNextEpoch as string))),
    );
    expect(await call('SubnetInfoRuntimeApi_get_next_epoch_start_block', 999)).toEqual(NONE);
  });

  it('subnet info v1 / v2 for one subnet and all', async () => {
    const dyn = await node.rpc<Rec>('taonet_dynamicInfo', [netuid]);
    const v1 = (await call<{ value: Rec }>('SubnetInfoRuntimeApi_get_subnet_info', netuid)).value;
    expect(v1.subnetwork_n).toBe(dyn.n);
    expect(v1.max_allowed_uids).toBe(dyn.maxUids);
    expect(v1.burn).toBe(num(dyn.registrationCost as string));
    expect(hex(v1.owner)).toBe(bob.id);
    const v2 = (await call<{ value: Rec }>('SubnetInfoRuntimeApi_get_subnet_info_v2', netuid)).value;
    expect(v2.identity).toEqual(NONE);
    const info = await node.rpc<{ subnets: number[] }>('taonet_networkInfo');
    const all = await call<{ value: Rec }[]>('SubnetInfoRuntimeApi_get_subnets_info_v2');
    expect(all.map((x) => x.value.netuid)).toEqual(info.subnets);
  });
});

describe('NeuronInfoRuntimeApi', () => {
  it('get_neurons / get_neuron carry the weights and bonds of taonet_metagraph', async () => {
    const mg = await node.rpc<MetagraphJson>('taonet_metagraph', [netuid, ['hotkeys', 'weights', 'bonds', 'emission']]);
    const neurons = await call<Rec[]>('NeuronInfoRuntimeApi_get_neurons', netuid);
    expect(neurons.map((n) => hex(n.hotkey))).toEqual(mg.hotkeys);
    const nz = (rows: [number, number][]) => rows.filter(([, v]) => v > 0);
    for (const [uid, n] of neurons.entries()) {
      expect(n.weights).toEqual(nz(mg.weights[uid] ?? []));
      expect(n.bonds).toEqual(nz(mg.bonds[uid] ?? []));
      expect(n.emission).toBe(num(mg.emission[uid] as string));
    }
    const validator = mg.hotkeys.indexOf(charlieHot.id);
    expect(neurons[validator]?.weights).toHaveLength(1);
    expect(await call('NeuronInfoRuntimeApi_get_neuron', netuid, validator)).toEqual(some(neurons[validator]));
    expect(await call('NeuronInfoRuntimeApi_get_neuron', netuid, 999)).toEqual(NONE);
    expect(await call('NeuronInfoRuntimeApi_get_neurons', 999)).toEqual([]);
  });
});

describe('SwapRuntimeApi', () => {
  it('sim_swap_tao_for_alpha / alpha_for_tao give the runtime’s quote, with slippage against spot', async () => {
    const buy = await node.rpc<{ paidIn: string; paidOut: string; fee: string; priceBefore: string }>(
      'taonet_simSwap',
      [netuid, 'buy', String(50n * TAO)],
    );
    const b = await call<Rec>('SwapRuntimeApi_sim_swap_tao_for_alpha', netuid, 50n * TAO);
    expect(b.tao_amount).toBe(num(buy.paidIn));
    expect(b.alpha_amount).toBe(num(buy.paidOut));
    expect(b.tao_fee).toBe(num(buy.fee));
    expect(b.alpha_fee).toBe(0);
    const atSpot = ((50n * TAO) << 64n) / BigInt(buy.priceBefore);
    expect(b.alpha_slippage).toBe(norm(atSpot - BigInt(buy.paidOut)));
    expect(b.alpha_slippage as number).toBeGreaterThan(0);

    const sell = await node.rpc<{ paidIn: string; paidOut: string; fee: string; priceBefore: string }>(
      'taonet_simSwap',
      [netuid, 'sell', String(5n * TAO)],
    );
    const s = await call<Rec>('SwapRuntimeApi_sim_swap_alpha_for_tao', netuid, 5n * TAO);
    expect(s).toMatchObject({
      tao_amount: num(sell.paidOut),
      alpha_amount: num(sell.paidIn),
      alpha_fee: num(sell.fee),
      tao_fee: 0,
      alpha_slippage: 0,
    });
    expect(s.tao_slippage).toBe(norm(((5n * TAO * BigInt(sell.priceBefore)) >> 64n) - BigInt(sell.paidOut)));
    const zero = await call<Rec>('SwapRuntimeApi_sim_swap_tao_for_alpha', 999, TAO);
    expect(Object.values(zero).every((x) => x === 0)).toBe(true);
  });
});

describe('BetaBasketRuntimeApi', () => {
  it('nothing owed and no positions (Taonet has no beta baskets)', async () => {
    expect(await call('BetaBasketRuntimeApi_get_root_basket_owed', bytes(alice.id))).toBe(0);
    expect(await call('BetaBasketRuntimeApi_get_root_basket_positions', bytes(alice.id))).toEqual([]);
  });
});

describe('SubtensorModule storage items clients read', () => {
  /** The value at an item's Substrate key (null when absent), decoded with its metadata type. */
  async function read(item: string, ...keys: unknown[]): Promise<unknown> {
    const it = face.storage.item('SubtensorModule', item);
    if (it === undefined) throw new Error(`no item ${item}`);
    const v = await node.rpc<string | null>('state_getStorage', [toHex(face.storage.encodeKey(it, keys))]);
    return v === null ? null : norm(codecOf(it.def.value).dec(v));
  }
  /** A Default item's value as clients see it: the stored value, or the metadata default. */
  async function value(item: string, ...keys: unknown[]): Promise<unknown> {
    const v = await read(item, ...keys);
    return v ?? norm(face.storage.item('SubtensorModule', item)?.def.fallback);
  }

  it('reads each at its key with its metadata type, matching the views', async () => {
    const mg = await node.rpc<MetagraphJson>('taonet_metagraph', [
      netuid,
      ['hotkeys', 'weights', 'bonds', 'lastUpdate'],
    ]);
    const dyn = await node.rpc<Rec>('taonet_dynamicInfo', [netuid]);
    const hp = new Map(
      (await node.rpc<{ name: string; value: unknown }[]>('taonet_hyperparameters', [netuid])).map((h) => [
        h.name,
        h.value,
      ]),
    );
    const validator = mg.hotkeys.indexOf(charlieHot.id);
    expect(await value('Weights', netuid, validator)).toEqual(mg.weights[validator]);
    expect(await value('Bonds', netuid, validator)).toEqual(mg.bonds[validator]);
    expect(await value('LastUpdate', netuid)).toEqual(mg.lastUpdate.map(num));
    expect(await value('TokenSymbol', netuid)).toEqual(new TextEncoder().encode(dyn.symbol as string));
    expect(await read('SubnetIdentitiesV3', netuid)).toBeNull();
    expect(await value('LastEpochBlock', netuid)).toBe(num(dyn.lastEpochBlock));
    expect(await value('SubnetEpochIndex', netuid)).toBeGreaterThan(0);
    expect(await value('PendingEpochAt', netuid)).toBeTypeOf('number');
    expect(await value('RevealPeriodEpochs', netuid)).toBe(hp.get('revealPeriodEpochs'));
    expect(await value('CommitRevealWeightsEnabled', netuid)).toBe(hp.get('commitRevealEnabled'));
    expect(await value('SubnetEpochConsensus', netuid)).toEqual({ tag: 'Yuma', value: undefined });
    expect(await value('CollateralLockShare', netuid)).toBe(0);
    expect(await value('SubnetLocked', netuid)).toBe(num(dyn.locked));
    expect(await value('AlphaValues', netuid)).toEqual([hp.get('alphaLow'), hp.get('alphaHigh')]);
    expect(await value('SubnetTaoInEmission', netuid)).toBeTypeOf('number');
    const ema = (await read('SubnetEmaTaoFlow', netuid)) as [number, { bits: unknown }];
    expect(ema[0]).toBe(norm((await node.head()).number));
    expect(ema[1].bits).toBe(num(dyn.flowEma));
    expect(await value('MechanismCountCurrent', netuid)).toBe(1);
    expect(await read('MechanismEmissionSplit', netuid)).toBeNull();
    expect(await value('IsNetworkMember', bytes(charlieHot.id), netuid)).toBe(true);
    expect(await read('IsNetworkMember', bytes(eve.id), netuid)).toBeNull();
    expect(await value('SubnetOwner', netuid)).toEqual(bytes(bob.id));
    for (const item of ['HotkeyLock', 'DecayingHotkeyLock'])
      expect(await read(item, netuid, bytes(charlieHot.id)), item).toBeNull();
    for (const item of ['OwnerLock', 'DecayingOwnerLock']) expect(await read(item, netuid), item).toBeNull();
    const links = await node.rpc<{ children: { proportion: string; hotkey: string }[] }>('taonet_childKeys', [
      netuid,
      charlieHot.id,
    ]);
    expect(links.children).toHaveLength(1);
    expect(await value('ChildKeys', bytes(charlieHot.id), netuid)).toEqual(
      links.children.map((l) => [num(l.proportion), bytes(l.hotkey)]),
    );
    expect(await value('ParentKeys', bytes(daveHot.id), netuid)).toEqual([[num(1n << 63n), bytes(charlieHot.id)]]);
    expect(await value('UnlockRate')).toBe(934_866);
    // Written by subtensor for every new subnet: iterating them finds every subnet, default or not.
    const info = await node.rpc<{ subnets: number[] }>('taonet_networkInfo');
    for (const item of ['Tempo', 'MaxAllowedUids', 'SubnetworkN', 'Burn', 'Kappa', 'ImmunityPeriod']) {
      const it = face.storage.item('SubtensorModule', item);
      const keys = await node.rpc<string[]>('state_getKeysPaged', [it?.prefixHex, 100, null]);
      // The key ends with the netuid, u16 little-endian (Identity hasher).
      const netuids = keys.map((k) => Number.parseInt(k.slice(-4, -2), 16) + 256 * Number.parseInt(k.slice(-2), 16));
      expect(
        netuids.sort((a, b) => a - b),
        item,
      ).toEqual(info.subnets);
    }
    expect(await read('MaxAllowedUids', netuid)).toBe(hp.get('maxAllowedUids'));
    expect(await value('MaturityRate')).toBe(934_866);
  });
});

describe('at a past block', () => {
  it('every API answers from the state of that block (read through the state history)', async () => {
    const head = await node.head();
    const past = await node.rpc<string>('chain_getBlockHash', [Number(head.number - 20n)]);
    const at = async (name: string, ...args: unknown[]) => {
      const m = method(name);
      const enc =
        m.inputs.length === 0 ? new Uint8Array(0) : codecOf(T.tuple(...m.inputs.map((f) => f.type))).enc(args);
      return norm(codecOf(m.output).dec(await node.rpc<string>('state_call', [name, toHex(enc), past])));
    };
    const mg = (await at('SubnetInfoRuntimeApi_get_metagraph', netuid)) as { value: Rec };
    expect(mg.value.block).toBe(norm(head.number - 20n));
    for (const [name, args] of [
      ['SubnetInfoRuntimeApi_get_selective_metagraph', [netuid, [52, 72]]],
      ['SubnetInfoRuntimeApi_get_subnet_state', [netuid]],
      ['SubnetInfoRuntimeApi_get_subnet_hyperparams_v3', [netuid]],
      ['SubnetInfoRuntimeApi_get_subnets_info_v2', []],
      ['SubnetInfoRuntimeApi_get_next_epoch_start_block', [netuid]],
      ['NeuronInfoRuntimeApi_get_neurons', [netuid]],
      ['DelegateInfoRuntimeApi_get_delegates', []],
      ['DelegateInfoRuntimeApi_get_delegated', [bytes(alice.id)]],
      ['StakeInfoRuntimeApi_get_stake_info_for_coldkey', [bytes(alice.id)]],
      ['StakeInfoRuntimeApi_get_stake_availability_for_coldkeys', [[bytes(alice.id)], NONE]],
      ['SwapRuntimeApi_sim_swap_tao_for_alpha', [netuid, TAO]],
      ['SwapRuntimeApi_sim_swap_alpha_for_tao', [netuid, TAO]],
    ] as const) {
      const headAnswer = await call(name, ...args);
      const pastAnswer = await at(name, ...args);
      expect(pastAnswer, name).toBeDefined();
      expect(typeof headAnswer).toBe(typeof pastAnswer);
    }
  });
});

describe('bad arguments', () => {
  it('every method refuses truncated or trailing bytes with BadRuntimeApiArgs, and the node stays healthy', async () => {
    const err = async (name: string, args: string) => {
      try {
        await node.rpc('state_call', [name, args]);
      } catch (e) {
        return (e as RpcCallError).error.data.name;
      }
      return 'no error';
    };
    let checked = 0;
    for (const api of face.runtime.apis) {
      if (!['Stake', 'Delegate', 'SubnetInfo', 'NeuronInfo', 'Swap', 'BetaBasket'].some((p) => api.name.startsWith(p)))
        continue;
      for (const m of api.methods) {
        const name = `${api.name}_${m.name}`;
        // Trailing garbage after valid args, and (for methods with inputs) a single stray byte.
        const valid = m.inputs.length === 0 ? '' : null;
        if (valid === '') expect(await err(name, '0x00ff'), name).toBe('BadRuntimeApiArgs');
        else expect(await err(name, '0xff'), name).toBe('BadRuntimeApiArgs');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(25);
    expect(await node.rpc('system_health')).toMatchObject({ isSyncing: false });
  });
});
