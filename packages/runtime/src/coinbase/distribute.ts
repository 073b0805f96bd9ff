/**
 * An epoch block for one subnet: drain the pending alpha, run the epoch on it, and pay it out —
 * the owner cut, then miner incentive (owner hotkeys' share withheld), then validator dividends
 * (take first, then the nominators' pool), then root dividends. The order matters: takes buy
 * shares before the rest of a dividend raises the pool's value.
 */
import { type AccountId, fixed, U96F32 } from '@taonet/primitives';
import { runEpoch } from '../epoch/epoch.js';
import { Keys, OwnedHotkeys, Owner, Uids } from '../neurons/storage.js';
import { increaseRootClaimable } from '../root/root-claim.js';
import type { State } from '../state/state.js';
import { increasePoolValue, increaseStake } from '../staking/stake-pool-state.js';
import { takeOf } from '../staking/take.js';
import { TotalHotkeyAlpha } from '../staking/storage.js';
import { ROOT_NETUID } from '../subnets/root-netuid.js';
import {
  BlocksSinceLastStep,
  Hyperparameters,
  LastEpochBlock,
  LastMechanismStepBlock,
  MinerBurned,
  PendingEpochAt,
  PendingOwnerCut,
  PendingRootAlphaDivs,
  PendingServerEmission,
  PendingValidatorEmission,
  SubnetEpochIndex,
  SubnetOwner,
  SubnetOwnerHotkey,
} from '../subnets/storage.js';
import { SubnetAlphaBurned, SubnetAlphaOut } from '../swap/storage.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { loadEpochInput, persistEpochOutput } from './epoch-state.js';

const U64_MAX = (1n << 64n) - 1n;

/** Hotkeys of the subnet owner's coldkey that hold a uid here: their miner incentive is withheld. */
function ownerHotkeys(s: State, netuid: number): Set<AccountId> {
  const out = new Set<AccountId>();
  const owner = s.get(SubnetOwner, netuid);
  if (owner !== null) for (const h of s.get(OwnedHotkeys, owner)) if (s.get(Uids, [netuid, h]) !== null) out.add(h);
  const oh = s.get(SubnetOwnerHotkey, netuid);
  if (oh !== null && s.get(Uids, [netuid, oh]) !== null) out.add(oh);
  return out;
}

function payIncentives(ctx: Ctx, netuid: number, hotkeys: readonly AccountId[], amounts: readonly bigint[]): bigint {
  const s = ctx.state;
  const withheldFrom = ownerHotkeys(s, netuid);
  const recycle = s.get(Hyperparameters, netuid)?.recycleOrBurn === 'recycle';
  let total = 0n;
  let withheld = 0n;
  hotkeys.forEach((h, uid) => {
    const a = amounts[uid] ?? 0n;
    if (a === 0n) return;
    total += a;
    if (withheldFrom.has(h)) {
      withheld += a;
      if (recycle) s.update(SubnetAlphaOut, netuid, (x) => x - a);
      else s.update(SubnetAlphaBurned, netuid, (x) => x + a);
      return;
    }
    const coldkey = s.get(Owner, h);
    if (coldkey !== null) increaseStake(s, h, coldkey, netuid, a);
  });
  s.set(MinerBurned, netuid, total === 0n ? 0n : fixed.safeDiv(U96F32, withheld << 32n, total << 32n));
  return total;
}

/** Splits each validator's dividend weight between its alpha stake and its weighted root stake. */
function dividendSplit(
  s: State,
  netuid: number,
  hotkeys: readonly AccountId[],
  weights: readonly bigint[],
  taoWeight: bigint,
): { alpha: bigint[]; root: bigint[] } {
  const alpha: bigint[] = [];
  const root: bigint[] = [];
  hotkeys.forEach((h, uid) => {
    const d = (weights[uid] ?? 0n) << 32n;
    const own = s.get(TotalHotkeyAlpha, [h, netuid]) << 32n;
    const rootEquiv = fixed.saturatingMul(U96F32, s.get(TotalHotkeyAlpha, [h, ROOT_NETUID]) << 32n, taoWeight);
    const denom = own + rootEquiv;
    const rp = denom === 0n ? 0n : fixed.safeDiv(U96F32, rootEquiv, denom);
    const r = fixed.saturatingMul(U96F32, d, rp);
    root.push(r);
    alpha.push(d - r);
  });
  return { alpha, root };
}

function shareOf(pot: bigint, part: bigint, total: bigint): bigint {
  return total === 0n ? 0n : fixed.safeDiv(U96F32, fixed.saturatingMul(U96F32, pot << 32n, part), total);
}

function payDividends(
  ctx: Ctx,
  netuid: number,
  hotkeys: readonly AccountId[],
  weights: readonly bigint[],
  v: bigint,
  r: bigint,
): void {
  const s = ctx.state;
  const taoWeight = fixed.safeDiv(U96F32, ctx.params.taoWeight << 32n, U64_MAX << 32n);
  const split = dividendSplit(s, netuid, hotkeys, weights, taoWeight);
  const sumAlpha = split.alpha.reduce((a, b) => a + b, 0n);
  const sumRoot = split.root.reduce((a, b) => a + b, 0n);
  hotkeys.forEach((h, uid) => {
    const coldkey = s.get(Owner, h);
    if (coldkey === null) return;
    const take = BigInt(takeOf(s, h)) << 32n;
    const share = fixed.safeDiv(U96F32, take, 65535n << 32n);
    const a = shareOf(v, split.alpha[uid] ?? 0n, sumAlpha);
    if (a > 0n) {
      const t = fixed.saturatingMul(U96F32, a, share);
      increaseStake(s, h, coldkey, netuid, t >> 32n);
      increasePoolValue(s, h, netuid, (a - t) >> 32n);
    }
    const ra = shareOf(r, split.root[uid] ?? 0n, sumRoot);
    if (ra > 0n) {
      const t = fixed.saturatingMul(U96F32, ra, share);
      increaseStake(s, h, coldkey, netuid, t >> 32n);
      const rest = (ra - t) >> 32n;
      // A dividend larger than the hotkey's whole root stake is paid directly as alpha stake.
      if (!increaseRootClaimable(s, h, netuid, rest)) increaseStake(s, h, coldkey, netuid, rest);
    }
  });
}

/** Drains one subnet's pending alpha through its epoch and pays it out. */
export function drainAndDistribute(ctx: Ctx, netuid: number): void {
  const s = ctx.state;
  const server = s.get(PendingServerEmission, netuid);
  const validator = s.get(PendingValidatorEmission, netuid);
  const rootDivs = s.get(PendingRootAlphaDivs, netuid);
  const ownerCut = s.get(PendingOwnerCut, netuid);
  for (const item of [PendingServerEmission, PendingValidatorEmission, PendingRootAlphaDivs, PendingOwnerCut]) {
    s.set(item, netuid, 0n);
  }
  s.set(BlocksSinceLastStep, netuid, 0n);
  s.set(LastEpochBlock, netuid, ctx.now);
  s.set(PendingEpochAt, netuid, 0n);

  const input = loadEpochInput(s, netuid, ctx.now, server + validator + rootDivs, true);
  s.update(SubnetEpochIndex, netuid, (e) => e + 1n);
  const out = runEpoch(input);
  persistEpochOutput(s, netuid, out);
  const hotkeys = s.get(Keys, netuid);

  const ownerColdkey = s.get(SubnetOwner, netuid);
  const ownerHotkey = s.get(SubnetOwnerHotkey, netuid);
  if (ownerColdkey !== null && ownerHotkey !== null) increaseStake(s, ownerHotkey, ownerColdkey, netuid, ownerCut);

  const incentive = payIncentives(ctx, netuid, hotkeys, out.serverEmission);
  const validatorPot = incentive === 0n ? validator + server : validator;
  payDividends(ctx, netuid, hotkeys, out.validatorEmission, validatorPot, rootDivs);
  s.set(LastMechanismStepBlock, netuid, ctx.now);
  ctx.emit(
    event('EpochRun', {
      netuid,
      emission: server + validator + rootDivs,
      incentive,
      validatorAlpha: validatorPot,
      rootAlpha: rootDivs,
      ownerCut,
    }),
  );
}
