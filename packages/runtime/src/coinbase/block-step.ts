/**
 * The emission part of a block step, repeated over blocks without epochs: mint the block emission
 * from total issuance, run the coinbase, then move each subnet's price EMA toward the new spot
 * price (after the coinbase used the old EMA for shares).
 */
import { spotPrice } from '../swap/spot-price.js';
import { blockEmissionForIssuance, MAINNET_CURVE } from './block-emission.js';
import { DEFAULT_EMA_HALVING_BLOCKS, DEFAULT_MOVING_ALPHA, updateMovingPrice } from './moving-price.js';
import { type CoinbaseConfig, type CoinbaseState, type CoinbaseSubnet, runCoinbase } from './run-coinbase.js';

export interface BlockStepConfig extends CoinbaseConfig {
  /** SubnetMovingAlpha, I96F32 raw. */
  readonly movingAlpha?: bigint;
  readonly emaHalvingBlocks?: bigint;
}

export interface BlockStepSubnet extends CoinbaseSubnet {
  readonly firstEmissionBlock: bigint;
}

export interface BlockStepState extends CoinbaseState {
  readonly subnets: readonly BlockStepSubnet[];
}

export function blockStep(config: BlockStepConfig, state: BlockStepState): BlockStepState {
  const block = state.block + 1n;
  const credit = blockEmissionForIssuance(state.totalIssuance, config.curve ?? MAINNET_CURVE);
  const { shares: _shares, ...after } = runCoinbase(config, { ...state, block }, credit);
  const subnets = after.subnets.map((s, i): BlockStepSubnet => {
    const firstEmissionBlock = (state.subnets[i] as BlockStepSubnet).firstEmissionBlock;
    const movingPrice = updateMovingPrice(s.movingPrice, spotPrice(s.tao, s.alphaIn, s.wQuote, s.mechanism), block, {
      movingAlpha: config.movingAlpha ?? DEFAULT_MOVING_ALPHA,
      firstEmissionBlock,
      halvingBlocks: config.emaHalvingBlocks ?? DEFAULT_EMA_HALVING_BLOCKS,
    });
    return { ...s, firstEmissionBlock, movingPrice };
  });
  return { ...after, block, subnets };
}

/** `blocks` consecutive block steps; the state after each one. */
export function blockStepSequence(config: BlockStepConfig, state: BlockStepState, blocks: number): BlockStepState[] {
  const out: BlockStepState[] = [];
  let s = state;
  for (let i = 0; i < blocks; i++) {
    s = blockStep(config, s);
    out.push(s);
  }
  return out;
}
