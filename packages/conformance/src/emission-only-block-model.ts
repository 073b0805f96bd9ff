/**
 * An emission-only model of the block order, for the `block_step_sequence` vectors: mint the block
 * emission from total issuance, run the coinbase, then move each subnet's price EMA toward the new
 * spot price (after the coinbase used the old EMA for shares). No epochs, registration or
 * extrinsics: the chain's real block order is `runtime/src/block/block-step.ts`.
 */
import { coinbase, swap } from '@taonet/runtime';

const {
  blockEmissionForIssuance,
  MAINNET_CURVE,
  DEFAULT_EMA_HALVING_BLOCKS,
  DEFAULT_MOVING_ALPHA,
  updateMovingPrice,
  runCoinbase,
} = coinbase;
type CoinbaseConfig = coinbase.CoinbaseConfig;
type CoinbaseState = coinbase.CoinbaseState;
type CoinbaseSubnet = coinbase.CoinbaseSubnet;
const { spotPrice } = swap;

export interface EmissionModelConfig extends CoinbaseConfig {
  /** SubnetMovingAlpha, I96F32 raw. */
  readonly movingAlpha?: bigint;
  readonly emaHalvingBlocks?: bigint;
}

export interface EmissionModelSubnet extends CoinbaseSubnet {
  readonly firstEmissionBlock: bigint;
}

export interface EmissionModelState extends CoinbaseState {
  readonly subnets: readonly EmissionModelSubnet[];
}

export function emissionOnlyBlock(config: EmissionModelConfig, state: EmissionModelState): EmissionModelState {
  const block = state.block + 1n;
  const credit = blockEmissionForIssuance(state.totalIssuance, config.curve ?? MAINNET_CURVE);
  const { shares: _shares, ...after } = runCoinbase(config, { ...state, block }, credit);
  const subnets = after.subnets.map((s, i): EmissionModelSubnet => {
    const firstEmissionBlock = (state.subnets[i] as EmissionModelSubnet).firstEmissionBlock;
    const movingPrice = updateMovingPrice(s.movingPrice, spotPrice(s.tao, s.alphaIn, s.wQuote, s.mechanism), block, {
      movingAlpha: config.movingAlpha ?? DEFAULT_MOVING_ALPHA,
      firstEmissionBlock,
      halvingBlocks: config.emaHalvingBlocks ?? DEFAULT_EMA_HALVING_BLOCKS,
    });
    return { ...s, firstEmissionBlock, movingPrice };
  });
  return { ...after, block, subnets };
}

/** `blocks` consecutive emission-only blocks; the state after each one. */
export function emissionOnlyBlocks(
  config: EmissionModelConfig,
  state: EmissionModelState,
  blocks: number,
): EmissionModelState[] {
  const out: EmissionModelState[] = [];
  let s = state;
  for (let i = 0; i < blocks; i++) {
    s = emissionOnlyBlock(config, s);
    out.push(s);
  }
  return out;
}
