/**
 * The coinbase against state: gather each emitting subnet's pool and accumulators, run the pure
 * coinbase (run-coinbase.ts) with this block's minted credit, and write the results back. Under
 * the `taoflow` policy the TAO split follows smoothed net staking inflow; under `ema-price` it
 * follows the price EMA, as the reference chain does today.
 */
import { fixed, U64F64, U96F32 } from '@taonet/primitives';
import { recycle } from '../balances/ledger.js';
import { TotalIssuance } from '../balances/storage.js';
import type { NetworkParams } from '../params/network-params.js';
import type { State } from '../state/state.js';
import { TotalStake } from '../staking/storage.js';
import {
  EmissionEnabled,
  FirstEmissionBlock,
  FlowEma,
  Hyperparameters,
  Mechanism,
  MinerBurned,
  MovingPrice,
  Netuids,
  PendingOwnerCut,
  PendingRootAlphaDivs,
  PendingServerEmission,
  PendingValidatorEmission,
  ProtocolFlowEma,
  SubnetAlphaInEmission,
  SubnetAlphaOutEmission,
  SubnetEmissionShare,
  SubnetExcessTao,
  SubnetProtocolFlow,
  SubnetTaoEmission,
  SubnetTaoFlow,
  SubnetTaoInEmission,
  SubtokenEnabled,
} from '../subnets/storage.js';
import { ROOT_NETUID } from '../subnets/root-netuid.js';
import { SubnetAlphaIn, SubnetAlphaOut, SubnetProtocolAlpha, SubnetTao, SwapQuoteWeight } from '../swap/storage.js';
import type { Ctx } from '../system/context.js';
import { type CoinbaseSubnet, coinbaseSubnet, runCoinbase } from './run-coinbase.js';
import { referenceOrder } from './subnet-order.js';
import { flowEmaUpdate, subnetSharesFlow } from './tao-flow.js';

/** Subnets that receive emission this block: started, staking open, registration allowed. */
export function emittingSubnets(s: State): number[] {
  return referenceOrder(
    s
      .value(Netuids)
      .filter(
        (n) =>
          n !== ROOT_NETUID &&
          s.get(FirstEmissionBlock, n) > 0n &&
          s.get(SubtokenEnabled, n) &&
          (s.get(Hyperparameters, n)?.registrationAllowed ?? false),
      ),
  );
}

export function loadSubnet(s: State, n: number): CoinbaseSubnet {
  return coinbaseSubnet({
    netuid: n,
    mechanism: s.get(Mechanism, n),
    tao: s.get(SubnetTao, n),
    alphaIn: s.get(SubnetAlphaIn, n),
    alphaOut: s.get(SubnetAlphaOut, n),
    protocolAlpha: s.get(SubnetProtocolAlpha, n),
    wQuote: s.get(SwapQuoteWeight, n),
    feeRate: s.get(Hyperparameters, n)?.feeRate ?? 33,
    movingPrice: s.get(MovingPrice, n),
    minerBurned: s.get(MinerBurned, n),
    emissionEnabled: s.get(EmissionEnabled, n),
    ownerCutEnabled: s.get(Hyperparameters, n)?.ownerCutEnabled ?? true,
    pendingServer: s.get(PendingServerEmission, n),
    pendingValidator: s.get(PendingValidatorEmission, n),
    pendingRoot: s.get(PendingRootAlphaDivs, n),
    pendingOwnerCut: s.get(PendingOwnerCut, n),
  });
}

export function saveSubnet(s: State, x: CoinbaseSubnet): void {
  const n = x.netuid;
  s.set(SubnetTao, n, x.tao);
  s.set(SubnetAlphaIn, n, x.alphaIn);
  s.set(SubnetAlphaOut, n, x.alphaOut);
  s.set(SubnetProtocolAlpha, n, x.protocolAlpha);
  s.set(SwapQuoteWeight, n, x.wQuote);
  s.set(PendingServerEmission, n, x.pendingServer);
  s.set(PendingValidatorEmission, n, x.pendingValidator);
  s.set(PendingRootAlphaDivs, n, x.pendingRoot);
  s.set(PendingOwnerCut, n, x.pendingOwnerCut);
  s.set(SubnetAlphaOutEmission, n, x.alphaOutEmission);
  s.set(SubnetAlphaInEmission, n, x.alphaInEmission);
  s.set(SubnetTaoInEmission, n, x.taoInEmission);
  s.set(SubnetExcessTao, n, x.excessTao);
}

/** One subnet's TaoFlow accumulators: this block's flows and their EMAs (I64F64 raws). */
export interface SubnetFlows {
  readonly userFlow: bigint;
  readonly protocolFlow: bigint;
  readonly userEma: bigint;
  readonly protocolEma: bigint;
}

/**
 * TaoFlow shares, pure: each subnet's per-block user and protocol flows are folded into EMAs (the
 * block counters start again at zero), then net user inflow is power-normalised into shares
 * (U64F64). Subnets with emission disabled get none and the rest are renormalised.
 */
export function taoFlowStep(
  flows: readonly SubnetFlows[],
  enabled: readonly boolean[],
  p: NetworkParams,
): { readonly flows: SubnetFlows[]; readonly shares: bigint[] } {
  const next = flows.map(
    (f): SubnetFlows => ({
      userFlow: 0n,
      protocolFlow: 0n,
      userEma: flowEmaUpdate(f.userEma, f.userFlow, p.flowEmaSmoothingFactor),
      protocolEma: flowEmaUpdate(f.protocolEma, f.protocolFlow, p.flowEmaSmoothingFactor),
    }),
  );
  const shares = subnetSharesFlow(
    next.map((f) => f.userEma),
    next.map((f) => f.protocolEma),
    { netFlowEnabled: p.netTaoFlowEnabled, cutoff: 0n, exponent: BigInt(p.flowNormExponent) << 64n },
  );
  if (enabled.every(Boolean)) return { flows: next, shares };
  const kept = shares.map((x, i) => (enabled[i] ? x : 0n));
  const total = kept.reduce((a, b) => a + b, 0n);
  return { flows: next, shares: kept.map((x) => (total === 0n ? 0n : fixed.safeDiv(U64F64, x, total))) };
}

export function loadFlows(s: State, n: number): SubnetFlows {
  return {
    userFlow: s.get(SubnetTaoFlow, n),
    protocolFlow: s.get(SubnetProtocolFlow, n),
    userEma: s.get(FlowEma, n),
    protocolEma: s.get(ProtocolFlowEma, n),
  };
}

export function saveFlows(s: State, n: number, f: SubnetFlows): void {
  s.set(FlowEma, n, f.userEma);
  s.set(ProtocolFlowEma, n, f.protocolEma);
  s.set(SubnetTaoFlow, n, f.userFlow);
  s.set(SubnetProtocolFlow, n, f.protocolFlow);
}

/** TaoFlow shares against state (see `taoFlowStep`). */
function taoFlowShares(s: State, ctx: Ctx, netuids: readonly number[]): bigint[] {
  const r = taoFlowStep(
    netuids.map((n) => loadFlows(s, n)),
    netuids.map((n) => s.get(EmissionEnabled, n)),
    ctx.params,
  );
  netuids.forEach((n, i) => {
    saveFlows(s, n, r.flows[i] as SubnetFlows);
  });
  return r.shares;
}

/** A subnet's TAO emission (U96F32) from its TaoFlow share of this block's credit. */
export const taoFromShare = (credit: bigint, share: bigint): bigint =>
  fixed.convert(U64F64, U96F32, fixed.saturatingMul(U64F64, credit << 64n, share));

/** Runs this block's coinbase with the freshly minted `credit` (already added to issuance). */
export function coinbaseState(ctx: Ctx, credit: bigint): void {
  const s = ctx.state;
  const p = ctx.params;
  const netuids = emittingSubnets(s);
  const subnets = netuids.map((n) => loadSubnet(s, n));
  let taoEmission: bigint[] | undefined;
  if (p.emissionPolicy === 'taoflow' && netuids.length > 0) {
    const shares = taoFlowShares(s, ctx, netuids);
    taoEmission = shares.map((sh) => taoFromShare(credit, sh));
    netuids.forEach((n, i) => {
      s.set(SubnetEmissionShare, n, shares[i] ?? 0n);
    });
  }
  const issuanceBefore = s.value(TotalIssuance) - credit;
  const result = runCoinbase(
    { subnetOwnerCut: p.subnetOwnerCut, taoWeight: p.taoWeight, minReserve: p.minimumReserve },
    {
      block: ctx.now,
      totalIssuance: issuanceBefore,
      totalStake: s.value(TotalStake),
      rootTao: s.get(SubnetTao, ROOT_NETUID),
      subnets,
    },
    credit,
    taoEmission,
  );
  for (const x of result.subnets) {
    const before = subnets.find((b) => b.netuid === x.netuid) as CoinbaseSubnet;
    saveSubnet(s, x);
    const intoPool = x.tao - before.tao;
    s.set(SubnetTaoEmission, x.netuid, intoPool);
    s.update(SubnetProtocolFlow, x.netuid, (f) => f + intoPool);
  }
  if (taoEmission === undefined) {
    result.shares.forEach((sh, i) => {
      s.set(SubnetEmissionShare, netuids[i] as number, sh);
    });
  }
  s.put(TotalStake, result.totalStake);
  // What the coinbase did not put into a pool is destroyed.
  recycle(s, issuanceBefore + credit - result.totalIssuance);
}
