/**
 * An epoch block for one subnet: drain the pending alpha, run the epoch on it, and pay it out —
 * the owner cut, then miner incentive (owner hotkeys' share withheld), then validator dividends
 * (take first, then the nominators' pool), then root dividends. The order matters: takes buy
 * shares before the rest of a dividend raises the pool's value.
 */
import { type AccountId, fixed, U96F32 } from '@taonet/primitives';
import * as children from '../children/index.js';
import { runEpoch } from '../epoch/epoch.js';
import { type CombinedEpoch, combineMechanismEpochs } from '../mechanisms/combine-epochs.js';
import { splitEmissions } from '../mechanisms/emission-split.js';
import { mechanismCount } from '../subnets/mechanism-index.js';
import { Keys, OwnedHotkeys, Owner, Uids } from '../neurons/storage.js';
import { increaseRootClaimable } from '../root/root-claim.js';
import type { State } from '../state/state.js';
import { increasePoolValue, increaseStake } from '../staking/stake-pool-state.js';
import { takeOf } from '../staking/take.js';
import {
  BlocksSinceLastStep,
  Hyperparameters,
  LastEpochBlock,
  LastMechanismStepBlock,
  MechanismEmissionSplit,
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
import { loadEpochInput, persistMechanismOutput, persistSubnetColumns } from './epoch-state.js';

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

/**
 * Pays the validator and root pots by the plan of children/dividend-distribution.ts: dividends
 * first shared with parents (childkey take, CKBurn recycled), then split by alpha and root stake.
 */
function payDividends(
  ctx: Ctx,
  netuid: number,
  hotkeys: readonly AccountId[],
  out: { serverEmission: readonly bigint[]; validatorEmission: readonly bigint[] },
  pending: children.PendingAlpha,
): void {
  const s = ctx.state;
  const rows = hotkeys.map((h, uid) => ({
    hotkey: h,
    incentive: out.serverEmission[uid] ?? 0n,
    dividend: out.validatorEmission[uid] ?? 0n,
  }));
  const graph = children.stateGraph(s, netuid);
  const params: children.DistributionParams = {
    taoWeight: ctx.params.taoWeight,
    ckBurn: children.childKeyParams(s).ckBurn,
    ownerOf: children.ownerOf(s),
    childkeyTakeOf: (h) => children.childkeyTakeOf(s, h as AccountId, netuid),
    delegateTakeOf: (h) => takeOf(s, h as AccountId),
  };
  let plan = children.dividendAndIncentiveDistribution(graph, rows, pending, params);
  if (plan.recycled > 0n) {
    // Deliberate difference: the reference recycles CKBurn out of SubnetAlphaOut yet still pays the
    // whole pot, so stake would exceed alpha out. Here the burned alpha leaves the validator pot.
    const validator = plan.validatorAlpha > plan.recycled ? plan.validatorAlpha - plan.recycled : 0n;
    const recycled = plan.validatorAlpha - validator;
    plan = children.dividendAndIncentiveDistribution(
      graph,
      rows,
      { server: 0n, validator, root: pending.root },
      params,
    );
    s.update(SubnetAlphaOut, netuid, (x) => (x > recycled ? x - recycled : 0n));
  }
  for (const [key, p] of plan.payouts) {
    const h = key as AccountId;
    const coldkey = s.get(Owner, h);
    if (coldkey === null) continue;
    if ((plan.alphaDividends.get(key) ?? 0n) > 0n) {
      increaseStake(s, h, coldkey, netuid, p.alphaTake);
      increasePoolValue(s, h, netuid, p.alphaToNominators);
    }
    if ((plan.rootAlphaDividends.get(key) ?? 0n) > 0n) {
      increaseStake(s, h, coldkey, netuid, p.rootTake);
      // A dividend larger than the hotkey's whole root stake is paid directly as alpha stake.
      if (!increaseRootClaimable(s, h, netuid, p.rootClaimable)) increaseStake(s, h, coldkey, netuid, p.rootClaimable);
    }
  }
}

/**
 * The epoch of every mechanism on its share of the emission (subtensor's `epoch_with_mechanisms`),
 * each keeping its bonds and incentive, combined into the subnet's columns and payouts.
 */
function runMechanismEpochs(s: State, netuid: number, now: bigint, total: bigint): CombinedEpoch {
  const count = mechanismCount(s, netuid);
  const emissions = splitEmissions(total, count, s.get(MechanismEmissionSplit, netuid));
  const inputs = emissions.map((e, mecid) => loadEpochInput(s, netuid, now, e, true, mecid));
  s.update(SubnetEpochIndex, netuid, (e) => e + 1n);
  const outputs = inputs.map((input, mecid) => {
    const out = runEpoch(input);
    persistMechanismOutput(s, netuid, mecid, out);
    return out;
  });
  const combined = combineMechanismEpochs(outputs, emissions, total);
  persistSubnetColumns(s, netuid, combined);
  return combined;
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

  const total = server + validator + rootDivs;
  const out = runMechanismEpochs(s, netuid, ctx.now, total);
  const hotkeys = s.get(Keys, netuid);

  const ownerColdkey = s.get(SubnetOwner, netuid);
  const ownerHotkey = s.get(SubnetOwnerHotkey, netuid);
  if (ownerColdkey !== null && ownerHotkey !== null) increaseStake(s, ownerHotkey, ownerColdkey, netuid, ownerCut);

  const incentive = payIncentives(ctx, netuid, hotkeys, out.serverEmission);
  const validatorPot = incentive === 0n ? validator + server : validator;
  payDividends(ctx, netuid, hotkeys, out, { server, validator, root: rootDivs });
  s.set(LastMechanismStepBlock, netuid, ctx.now);
  ctx.emit(
    event('EpochRun', {
      netuid,
      emission: total,
      incentive,
      validatorAlpha: validatorPot,
      rootAlpha: rootDivs,
      ownerCut,
    }),
  );
}
