/**
 * One block's coinbase as a pure function over a plain description of the subnets (no epoch, no
 * storage): the minted TAO credit is split between subnets, injected into their pools (re-weighting
 * them so the price holds) or spent on chain buys where the root-proportion cap stops alpha
 * injection, the unspent rest is recycled, and each subnet's alpha emission is minted and split into
 * the owner, miner, validator and root accumulators that the next epoch drains.
 */
import { fixed, U64F64, U96F32 } from '@taonet/primitives';
import { DEFAULT_WEIGHT } from '../swap/pool.js';
import { adjustProtocolLiquidity } from '../swap/protocol-liquidity.js';
import { spotPrice } from '../swap/spot-price.js';
import { swapQuote } from '../swap/swap-quote.js';
import { blockEmissionForIssuance, type EmissionCurve, MAINNET_CURVE } from './block-emission.js';
import { effectiveMovingPrice, type SubnetEmissions, subnetBlockEmissions } from './emission-shares.js';
import { rootProportion } from './root-proportion.js';

export interface CoinbaseConfig {
  /** u16 proportion of each subnet's alpha emission paid to its owner. */
  readonly subnetOwnerCut: number;
  /** u64 proportion (value / u64::MAX) at which root TAO counts against alpha. */
  readonly taoWeight: bigint;
  /** Swap MinimumReserve, for the chain buys. */
  readonly minReserve: bigint;
  readonly curve?: EmissionCurve;
}

export interface CoinbaseSubnet {
  readonly netuid: number;
  /** 0 = stable, 1 = dynamic. */
  readonly mechanism: number;
  readonly tao: bigint;
  readonly alphaIn: bigint;
  readonly alphaOut: bigint;
  readonly protocolAlpha: bigint;
  /** Pool quote weight, Perquintill parts. */
  readonly wQuote: bigint;
  readonly feeRate: number;
  /** Price EMA, I96F32 raw. */
  readonly movingPrice: bigint;
  /** U96F32 raw. */
  readonly minerBurned: bigint;
  readonly emissionEnabled: boolean;
  readonly ownerCutEnabled: boolean;
  readonly pendingServer: bigint;
  readonly pendingValidator: bigint;
  readonly pendingRoot: bigint;
  readonly pendingOwnerCut: bigint;
  /** This block's emission records. */
  readonly alphaOutEmission: bigint;
  readonly alphaInEmission: bigint;
  readonly taoInEmission: bigint;
  readonly excessTao: bigint;
}

export interface CoinbaseState {
  readonly block: bigint;
  readonly totalIssuance: bigint;
  readonly totalStake: bigint;
  /** TAO staked on root (SubnetTAO of netuid 0). */
  readonly rootTao: bigint;
  readonly subnets: readonly CoinbaseSubnet[];
}

/** A subnet with everything not given at its default. */
export function coinbaseSubnet(s: Partial<CoinbaseSubnet> & { readonly netuid: number }): CoinbaseSubnet {
  return {
    mechanism: 1,
    tao: 0n,
    alphaIn: 0n,
    alphaOut: 0n,
    protocolAlpha: 0n,
    wQuote: DEFAULT_WEIGHT,
    feeRate: 33,
    movingPrice: 0n,
    minerBurned: 0n,
    emissionEnabled: true,
    ownerCutEnabled: true,
    pendingServer: 0n,
    pendingValidator: 0n,
    pendingRoot: 0n,
    pendingOwnerCut: 0n,
    alphaOutEmission: 0n,
    alphaInEmission: 0n,
    taoInEmission: 0n,
    excessTao: 0n,
    ...s,
  };
}

const U96_ONE = U96F32.one;
const HALF = U96_ONE >> 1n;
const floorU96 = (raw: bigint): bigint => raw >> 32n;
const u96 = (n: bigint): bigint => n << 32n;
const mul = (a: bigint, b: bigint): bigint => fixed.saturatingMul(U96F32, a, b);
const sub = (a: bigint, b: bigint): bigint => (a > b ? a - b : 0n);

/** Spot price truncated to U96F32, as the subnet terms use it. */
function priceU96(s: CoinbaseSubnet): bigint {
  return fixed.convert(U64F64, U96F32, spotPrice(s.tao, s.alphaIn, s.wQuote, s.mechanism));
}

interface SubnetTerms {
  readonly alphaEmission: bigint;
  readonly taoIn: bigint;
  readonly alphaIn: bigint;
  readonly excessTao: bigint;
}

/** Injection amounts from the pre-injection state (U96F32 raws); alpha emission is a u64. */
function subnetTerms(config: CoinbaseConfig, rootTao: bigint, s: CoinbaseSubnet, taoEmission: bigint): SubnetTerms {
  const alphaEmission = blockEmissionForIssuance(s.alphaIn + s.alphaOut, config.curve ?? MAINNET_CURVE);
  const price = priceU96(s);
  let taoIn = taoEmission;
  let alphaIn = fixed.safeDiv(U96F32, taoEmission, price);
  const cap = mul(rootProportion(rootTao, config.taoWeight, s.alphaIn + s.alphaOut), u96(alphaEmission));
  if (alphaIn > cap) {
    alphaIn = cap;
    taoIn = mul(alphaIn, price);
  }
  return { alphaEmission, taoIn, alphaIn, excessTao: sub(taoEmission, taoIn) };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
const CHAIN_BUY = { dropFees: true } as const;

/** Mints the subnet's alpha emission and splits it: owner cut, then miners, validators and root. */
function payParticipants(
  x: Mutable<CoinbaseSubnet>,
  alphaEmission: bigint,
  ownerCut: bigint,
  rootTao: bigint,
  taoWeight: bigint,
  rootSell: boolean,
): void {
  x.alphaOutEmission = alphaEmission;
  x.alphaOut += alphaEmission;
  let rest = u96(alphaEmission);
  if (x.ownerCutEnabled) {
    const cut = mul(rest, ownerCut);
    rest = sub(rest, cut);
    x.pendingOwnerCut += floorU96(cut);
  }
  const rp = rootProportion(rootTao, taoWeight, x.alphaIn + x.alphaOut);
  const root = mul(mul(rp, rest), HALF);
  const server = mul(rest, HALF);
  const validator = sub(sub(rest, server), root);
  x.pendingServer += floorU96(server);
  x.pendingValidator += floorU96(validator);
  if (rootSell) x.pendingRoot += floorU96(root);
  else x.alphaOut = sub(x.alphaOut, floorU96(root));
}

export interface CoinbaseOutcome extends CoinbaseState {
  /**
   * The price-EMA emission shares this block applied (U64F64 raws; 0 for disabled subnets); empty
   * when the split was given (`taoEmissionOverride`).
   */
  readonly shares: readonly bigint[];
}

/**
 * `taoEmission` overrides the per-subnet TAO split (U96F32 raws, one per subnet) for an emission
 * policy other than the price EMA, e.g. TaoFlow; by default the split is `subnetBlockEmissions`.
 */
export function runCoinbase(
  config: CoinbaseConfig,
  state: CoinbaseState,
  credit: bigint,
  taoEmissionOverride?: readonly bigint[],
): CoinbaseOutcome {
  let totalIssuance = state.totalIssuance + credit;
  let totalStake = state.totalStake;
  let unspent = credit;
  const { rootTao } = state;
  // With an override (TaoFlow) the price-EMA split is not applied, so it is not computed.
  const split = taoEmissionOverride === undefined ? subnetBlockEmissions(credit, state.subnets) : null;
  const taoEmission = taoEmissionOverride ?? (split as SubnetEmissions).taoEmission;
  const priceSum = state.subnets.reduce((a, s) => a + effectiveMovingPrice(s), 0n);
  const rootSell = priceSum > U96_ONE;
  const terms = state.subnets.map((s, i) => subnetTerms(config, rootTao, s, taoEmission[i] ?? 0n));

  // Pool injection and chain buys, in list order, each against the reserves as they stand; then the
  // subnet's alpha for participants (which depends only on its own pool).
  const ownerCut = fixed.safeDiv(U96F32, u96(BigInt(config.subnetOwnerCut)), u96(65535n));
  const subnets = state.subnets.map((s0, i): CoinbaseSubnet => {
    const t = terms[i] as SubnetTerms;
    const x: Mutable<CoinbaseSubnet> = { ...s0 };
    const adj = adjustProtocolLiquidity(x.tao, x.alphaIn, x.wQuote, floorU96(t.taoIn), floorU96(t.alphaIn));
    x.wQuote = adj.wQuote;
    x.excessTao = 0n;
    x.taoInEmission = 0n;
    const excess = floorU96(t.excessTao);
    if (excess > 0n && excess <= unspent) {
      try {
        const pool = {
          tao: x.tao,
          alpha: x.alphaIn,
          wQuote: x.wQuote,
          feeRate: x.feeRate,
          minReserve: config.minReserve,
          mechanism: x.mechanism,
        };
        const q = swapQuote(pool, 'buy', excess, CHAIN_BUY);
        // A buy stopped by the price limit fills in part: only what it paid leaves the credit.
        unspent -= q.paidIn;
        x.tao += q.paidIn;
        x.alphaIn = sub(x.alphaIn, q.paidOut);
        x.alphaOut += q.paidOut;
        x.protocolAlpha += q.paidOut;
        x.excessTao = q.paidIn;
        totalStake += excess;
      } catch {
        // A failed chain buy is skipped; its TAO stays unspent and is recycled with the rest, so
        // issuance never counts TAO that no pool or account holds.
      }
    }
    x.alphaInEmission = adj.alphaInjected;
    x.alphaIn += adj.alphaInjected;
    if (adj.taoInjected > 0n && adj.taoInjected <= unspent) {
      unspent -= adj.taoInjected;
      x.taoInEmission = adj.taoInjected;
      x.tao += adj.taoInjected;
      totalStake += adj.taoInjected;
    }
    payParticipants(x, t.alphaEmission, ownerCut, rootTao, config.taoWeight, rootSell);
    return x;
  });
  totalIssuance -= unspent;

  return { ...state, totalIssuance, totalStake, subnets, shares: split === null ? [] : split.effectiveShares };
}
