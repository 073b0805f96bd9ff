/** Reads what the simulator records and what validators see from the chain state after an epoch. */
import { type State, views } from '@taonet/runtime';
import type { ValidatorView } from '../behaviours/behaviour.js';
import type { EntityEpoch, SubnetEpoch } from './records.js';
import type { SimSubnet, SimValidator } from './world.js';

const U16 = 65535;
const TWO_64 = 2 ** 64;

export function fixedToNumber(raw: bigint, fracBits: bigint): number {
  const whole = raw >> fracBits;
  const frac = raw - (whole << fracBits);
  return Number(whole) + Number(frac) / 2 ** Number(fracBits);
}

export function observeEpoch(s: State, sn: SimSubnet, epoch: number, block: number, epochEmission: bigint) {
  const mg = views.metagraph(s, sn.netuid, [
    'hotkeys',
    'dividends',
    'incentive',
    'consensus',
    'emission',
    'alphaStake',
    'bonds',
  ]);
  if (mg === null) throw new Error(`subnet ${sn.netuid} is gone`);
  const div = mg.dividends ?? [];
  const inc = mg.incentive ?? [];
  const cons = mg.consensus ?? [];
  const em = mg.emission ?? [];
  const stake = mg.alphaStake ?? [];
  const bonds = mg.bonds ?? [];
  const row = (entity: string, role: EntityEpoch['role'], behaviour: string, uids: readonly number[]): EntityEpoch => {
    let d = 0;
    let i = 0;
    let c = 0;
    let e = 0n;
    let st = 0n;
    let b = 0;
    for (const u of uids) {
      d += (div[u] ?? 0) / U16;
      i += (inc[u] ?? 0) / U16;
      c += (cons[u] ?? 0) / U16;
      e += em[u] ?? 0n;
      st += stake[u] ?? 0n;
      for (const [, v] of bonds[u] ?? []) b += v / U16;
    }
    return {
      subnet: sn.spec.name,
      epoch,
      block,
      entity,
      role,
      behaviour,
      uids: uids.length,
      dividends: d,
      incentive: i,
      consensus: uids.length === 0 ? 0 : c / uids.length,
      emission: e,
      stake: st,
      bonds: b,
    };
  };
  const ownerUid = (mg.hotkeys ?? []).indexOf(sn.ownerHotkey);
  const entities: EntityEpoch[] = [
    row('owner', 'owner', 'owner', ownerUid < 0 ? [] : [ownerUid]),
    ...sn.validators.map((v, k) => row(v.name, 'validator', sn.spec.validators[k]?.behaviour.kind ?? '', [v.uid])),
    ...sn.miners.map((m) => row(m.name, 'miner', m.hotkeys.length > 1 ? `sybil×${m.hotkeys.length}` : 'miner', m.uids)),
  ];
  const info = views.dynamicInfo(s, sn.netuid, BigInt(block));
  if (info === null) throw new Error(`subnet ${sn.netuid} is gone`);
  const subnet: SubnetEpoch = {
    subnet: sn.spec.name,
    netuid: sn.netuid,
    epoch,
    block,
    price: fixedToNumber(info.price, 64n),
    taoIn: info.taoIn,
    alphaIn: info.alphaIn,
    emissionShare: Number(info.emissionShare) / TWO_64,
    epochEmission,
  };
  return { entities, subnet };
}

/** What every validator of a subnet sees after an epoch (one metagraph read shared by all of them). */
export type SubnetSight = Omit<ValidatorView, 'selfUid' | 'selfName' | 'rng'>;

export function subnetSight(s: State, sn: SimSubnet, epoch: number): SubnetSight {
  const mg = views.metagraph(s, sn.netuid, ['consensus', 'totalStake', 'weights']);
  if (mg === null) throw new Error(`subnet ${sn.netuid} is gone`);
  const minerOf = new Map<number, string>();
  for (const m of sn.miners) for (const u of m.uids) minerOf.set(u, m.name);
  return {
    epoch,
    n: mg.n,
    quality: sn.quality,
    minerUids: [...minerOf.keys()],
    minerOf,
    validatorUids: new Map(sn.validators.map((x) => [x.name, x.uid])),
    consensus: (mg.consensus ?? []).map((c) => c / U16),
    stake: mg.totalStake ?? [],
    visibleWeights: (mg.weights ?? []).map((r) => {
      const sum = r.reduce((a, [, w]) => a + w, 0);
      return sum === 0 ? [] : r.map(([c, w]): [number, number] => [c, w / sum]);
    }),
  };
}

export function validatorView(sight: SubnetSight, v: SimValidator): ValidatorView {
  return { ...sight, selfUid: v.uid, selfName: v.name, rng: v.rng };
}
