/** Handlers for the economics vectors (`economics-*.json`): emission, coinbase, swap, staking, subnets. */
import { perquintillMulRound, type SafeFloat, safeFloatFromInt } from '@taonet/primitives';
import { coinbase, registration, staking, subnets, swap } from '@taonet/runtime';
import {
  type EmissionModelConfig,
  type EmissionModelState,
  type EmissionModelSubnet,
  emissionOnlyBlocks,
} from '../emission-only-block-model.js';
import {
  big,
  bool,
  encBigs,
  encScalar,
  fixedFromJson,
  fixedScalar,
  fixedToNumber,
  type Json,
  type JsonObject,
  list,
  num,
  object,
  optBig,
  optBool,
  optFixed,
  optNum,
  VectorInputError,
} from '../codec.js';
import type { Handler } from '../registry.js';

const PERQUINTILL_HALF = 500_000_000_000_000_000n;
const str = (v: bigint): string => v.toString();
const fx =
  (type: string) =>
  (raw: bigint): Json =>
    encScalar(type, raw);
const u64f64 = fx('U64F64');
const u96f32 = fx('U96F32');
const i96f32 = fx('I96F32');
const perq = fx('Perquintill');

function curve(x: Json | undefined): coinbase.EmissionCurve {
  if (x === undefined || x === null) return coinbase.MAINNET_CURVE;
  const c = object(x, 'config');
  return {
    defaultBlockEmission: optBig(c.default_block_emission, coinbase.DEFAULT_BLOCK_EMISSION),
    totalSupply: optBig(c.total_supply, coinbase.TOTAL_SUPPLY),
  };
}

function pool(x: Json | undefined): swap.Pool {
  const p = object(x, 'pool');
  return {
    tao: optBig(p.tao, 0n, 'pool.tao'),
    alpha: optBig(p.alpha, 0n, 'pool.alpha'),
    wQuote: optFixed(p.w_quote, PERQUINTILL_HALF, 'pool.w_quote'),
    feeRate: optNum(p.fee_rate, 33, 'pool.fee_rate'),
    minReserve: optBig(p.min_reserve, 1n, 'pool.min_reserve'),
    mechanism: optNum(p.mechanism, 1, 'pool.mechanism'),
  };
}

function side(x: Json | undefined): swap.SwapSide {
  if (x === 'buy' || x === 'sell') return x;
  throw new VectorInputError(`side: expected buy or sell, got ${JSON.stringify(x)}`);
}

function coinbaseConfig(x: Json | undefined): EmissionModelConfig {
  const c = object(x, 'config');
  return {
    subnetOwnerCut: optNum(c.subnet_owner_cut, 11796, 'subnet_owner_cut'),
    taoWeight: optBig(c.tao_weight, 0n, 'tao_weight'),
    minReserve: optBig(c.min_reserve, 1_000_000n, 'min_reserve'),
    movingAlpha: optFixed(c.moving_alpha, coinbase.DEFAULT_MOVING_ALPHA, 'moving_alpha'),
    emaHalvingBlocks: optBig(c.halving_blocks, coinbase.DEFAULT_EMA_HALVING_BLOCKS, 'halving_blocks'),
  };
}

function coinbaseSubnet(x: Json): EmissionModelSubnet {
  const s = object(x, 'subnet');
  return {
    ...coinbase.coinbaseSubnet({
      netuid: num(s.netuid, 'netuid'),
      mechanism: optNum(s.mechanism, 1),
      tao: optBig(s.tao, 0n),
      alphaIn: optBig(s.alpha_in, 0n),
      alphaOut: optBig(s.alpha_out, 0n),
      protocolAlpha: optBig(s.protocol_alpha, 0n),
      wQuote: optFixed(s.w_quote, PERQUINTILL_HALF),
      feeRate: optNum(s.fee_rate, 33),
      movingPrice: optFixed(s.moving_price, 0n),
      minerBurned: optFixed(s.miner_burned, 0n),
      emissionEnabled: optBool(s.emission_enabled, true),
      ownerCutEnabled: optBool(s.owner_cut_enabled, true),
      pendingServer: optBig(s.pending_server, 0n),
      pendingValidator: optBig(s.pending_validator, 0n),
      pendingRoot: optBig(s.pending_root, 0n),
      pendingOwnerCut: optBig(s.pending_owner_cut, 0n),
    }),
    firstEmissionBlock: optBig(s.first_emission_block, 1n),
  };
}

function coinbaseState(i: JsonObject): EmissionModelState {
  return {
    block: optBig(i.block, 0n),
    totalIssuance: big(i.total_issuance, 'total_issuance'),
    totalStake: big(i.total_stake, 'total_stake'),
    rootTao: optBig(i.root_tao, 0n),
    subnets: list(i.subnets, 'subnets').map(coinbaseSubnet),
  };
}

function encCoinbaseState(s: coinbase.CoinbaseState): JsonObject {
  return {
    block: str(s.block),
    total_issuance: str(s.totalIssuance),
    total_stake: str(s.totalStake),
    subnets: s.subnets.map((n) => ({
      netuid: n.netuid,
      tao: str(n.tao),
      alpha_in: str(n.alphaIn),
      alpha_out: str(n.alphaOut),
      protocol_alpha: str(n.protocolAlpha),
      pending_server: str(n.pendingServer),
      pending_validator: str(n.pendingValidator),
      pending_root: str(n.pendingRoot),
      pending_owner_cut: str(n.pendingOwnerCut),
      alpha_out_emission: str(n.alphaOutEmission),
      alpha_in_emission: str(n.alphaInEmission),
      tao_in_emission: str(n.taoInEmission),
      excess_tao: str(n.excessTao),
      w_quote: perq(n.wQuote),
      moving_price: i96f32(n.movingPrice),
    })),
  };
}

function emissionSubnet(x: Json): coinbase.EmissionShareInput {
  const s = object(x, 'subnet');
  return {
    mechanism: optNum(s.mechanism, 1),
    movingPrice: optFixed(s.moving_price, 0n),
    minerBurned: optFixed(s.miner_burned, 0n),
    emissionEnabled: optBool(s.emission_enabled, true),
  };
}

function lockState(i: JsonObject): subnets.LockCostState {
  return { lastLock: big(i.last_lock), minLock: big(i.min_lock), lastLockBlock: big(i.last_lock_block) };
}

function burnOp(x: Json): registration.BurnOp {
  if (x === 'block' || x === 'register') return x;
  throw new VectorInputError(`burn op: expected block or register, got ${JSON.stringify(x)}`);
}

function sharePoolOps(i: JsonObject): JsonObject {
  let pool = staking.EMPTY_SHARE_POOL;
  const keys: string[] = [];
  const see = (k: string): void => {
    if (!keys.includes(k)) keys.push(k);
  };
  if (i.initial !== undefined && i.initial !== null) {
    const init = object(i.initial, 'initial');
    const shares = new Map<string, SafeFloat>();
    for (const [k, v] of Object.entries(object(init.shares, 'initial.shares'))) {
      see(k);
      shares.set(k, safeFloatFromInt(big(v, 'share')));
    }
    pool = {
      sharedValue: big(init.shared_value, 'shared_value'),
      denominator: safeFloatFromInt(big(init.denominator, 'denominator')),
      shares,
    };
  }
  for (const op of list(i.ops, 'ops')) {
    const o = list(op, 'op');
    if (o[0] === 'one') {
      const key = String(o[1]);
      see(key);
      pool = staking.updateValueForOne(pool, key, big(o[2], 'delta'));
    } else if (o[0] === 'all') {
      pool = staking.updateValueForAll(pool, big(o[1], 'delta'));
    } else {
      throw new VectorInputError(`share pool op: expected one or all, got ${JSON.stringify(o[0])}`);
    }
  }
  return { values: Object.fromEntries(keys.map((k) => [k, str(staking.shareValue(pool, k))])) };
}

export const economicsHandlers: Record<string, Handler> = {
  // Emission and epoch scheduling
  block_emission_for_issuance: (i) => ({
    emission: str(coinbase.blockEmissionForIssuance(big(i.issuance), curve(i.config))),
  }),
  blocks_until_next_auto_epoch: (i) => ({
    blocks: str(subnets.blocksUntilNextAutoEpoch(big(i.last_epoch_block), num(i.tempo), big(i.block))),
  }),
  blocks_until_next_epoch_legacy: (i) => ({
    blocks: str(subnets.blocksUntilNextEpochLegacy(num(i.netuid), num(i.tempo), big(i.block))),
  }),
  should_run_epoch: (i) => ({
    run: subnets.shouldRunEpoch(
      {
        tempo: num(i.tempo),
        lastEpochBlock: big(i.last_epoch_block),
        pendingEpochAt: optBig(i.pending_epoch_at, 0n),
        blocksSinceLastStep: optBig(i.blocks_since_last_step, 0n),
      },
      big(i.block),
      optBig(i.max_tempo, subnets.MAX_TEMPO),
    ),
  }),
  update_moving_price: (i) => {
    const params = {
      movingAlpha: fixedScalar(i.moving_alpha),
      firstEmissionBlock: big(i.first_emission_block),
      halvingBlocks: big(i.halving_blocks),
    };
    const spot = fixedScalar(i.spot_price);
    const block = big(i.block);
    let ema = fixedScalar(i.ema);
    for (let k = optNum(i.repeat, 1); k > 0; k--) ema = coinbase.updateMovingPrice(ema, spot, block, params);
    return { ema: i96f32(ema) };
  },
  subnet_block_emissions: (i) => {
    const r = coinbase.subnetBlockEmissions(big(i.block_emission), list(i.subnets).map(emissionSubnet));
    return { shares: r.shares.map(u64f64), tao_emission: r.taoEmission.map(u96f32) };
  },
  flow_ema_update: (i) => ({
    ema: encScalar(
      'I64F64',
      coinbase.flowEmaUpdate(fixedScalar(i.prev_ema), big(i.block_flow), big(i.smoothing_factor)),
    ),
  }),
  subnet_shares_flow: (i) => {
    const i64 = (x: Json): bigint => fixedFromJson(x, 64);
    const shares = coinbase.subnetSharesFlow(list(i.user_ema).map(i64), list(i.protocol_ema).map(i64), {
      netFlowEnabled: optBool(i.net_flow_enabled, true),
      cutoff: i.cutoff === undefined ? 0n : i64(i.cutoff),
      exponent: i.exponent === undefined ? 1n << 64n : fixedFromJson(i.exponent, 64),
    });
    return { shares: shares.map((s) => fixedToNumber(s, 64)) };
  },

  // Coinbase
  root_proportion: (i) => ({
    root_proportion: u96f32(coinbase.rootProportion(big(i.root_tao), big(i.tao_weight), big(i.alpha_issuance))),
  }),
  run_coinbase: (i) =>
    encCoinbaseState(coinbase.runCoinbase(coinbaseConfig(i.config), coinbaseState(i), big(i.credit, 'credit'))),
  block_step_sequence: (i) => ({
    per_block: emissionOnlyBlocks(coinbaseConfig(i.config), coinbaseState(i), num(i.blocks, 'blocks')).map(
      encCoinbaseState,
    ),
  }),

  // Swap
  pow_ratio_scaled: (i) => {
    const r = swap.powRatioScaled(
      big(i.base_num),
      big(i.base_den),
      big(i.exp_num),
      big(i.exp_den),
      num(i.precision),
      big(i.scale),
    );
    return { result: r === null ? null : str(r) };
  },
  balancer_exp_scaled: (i) => ({
    result: u64f64(swap.expScaled(fixedScalar(i.w_quote), big(i.reserve), big(i.delta), bool(i.base_quote))),
  }),
  balancer_quote_delta_in: (i) => ({
    delta_in: str(
      swap.quoteDeltaIn(
        fixedScalar(i.w_quote),
        fixedScalar(i.current_price),
        fixedScalar(i.target_price),
        big(i.reserve),
      ),
    ),
  }),
  balancer_base_delta_in: (i) => ({
    delta_in: str(
      swap.baseDeltaIn(
        fixedScalar(i.w_quote),
        fixedScalar(i.current_price),
        fixedScalar(i.target_price),
        big(i.reserve),
      ),
    ),
  }),
  perquintill_mul_round: (i) => ({ result: str(perquintillMulRound(fixedScalar(i.p), big(i.value))) }),
  swap_init_weight: (i) => {
    const price = i.price === undefined || i.price === null ? null : fixedScalar(i.price);
    const r = swap.initialWeight(big(i.tao), big(i.alpha), price);
    return { w_quote: perq(r.wQuote), price: u64f64(r.price) };
  },
  spot_price: (i) => ({
    price: u64f64(swap.spotPrice(big(i.tao), big(i.alpha), fixedScalar(i.w_quote), optNum(i.mechanism, 1))),
  }),
  swap_fee: (i) => ({ fee: str(swap.swapFee(big(i.amount), num(i.fee_rate))) }),
  swap_quote: (i) => {
    const q = swap.swapQuote(pool(i.pool), side(i.side), big(i.amount), {
      limitPriceRao: i.limit_price === undefined || i.limit_price === null ? null : big(i.limit_price),
      dropFees: optBool(i.drop_fees, false),
      simulate: optBool(i.simulate, true),
    });
    return { paid_in: str(q.paidIn), paid_out: str(q.paidOut), fee: str(q.fee) };
  },
  adjust_protocol_liquidity: (i) => {
    const r = swap.adjustProtocolLiquidity(
      big(i.tao),
      big(i.alpha),
      fixedScalar(i.w_quote),
      big(i.tao_delta),
      big(i.alpha_delta),
    );
    return { w_quote: perq(r.wQuote), tao_injected: str(r.taoInjected), alpha_injected: str(r.alphaInjected) };
  },

  // Staking
  max_amount_add: (i) => ({ amount: str(swap.maxAmountAdd(pool(i.pool), big(i.limit_price))) }),
  max_amount_remove: (i) => ({ amount: str(swap.maxAmountRemove(pool(i.pool), big(i.limit_price))) }),
  max_amount_move: (i) => ({
    amount: str(swap.maxAmountMove(pool(i.origin), pool(i.destination), big(i.limit_price))),
  }),
  add_stake_min_amount: (i) => ({
    min_amount: str(staking.addStakeMinAmount(big(i.default_min_stake), num(i.fee_rate))),
  }),
  share_pool_ops: sharePoolOps,

  // Registration
  burn_decay_factor_q32: (i) => ({ factor: str(registration.burnDecayFactorQ32(num(i.half_life))) }),
  burn_sequence: (i) => {
    const r = registration.burnSequence(
      big(i.burn),
      big(i.block),
      {
        halfLife: num(i.half_life),
        increaseMult: fixedScalar(i.mult),
        minBurn: big(i.min_burn),
        maxBurn: big(i.max_burn),
      },
      list(i.ops).map(burnOp),
    );
    return { burns: encBigs(r.burns), paid: encBigs(r.paid) };
  },

  // Subnet registration, lock cost, pruning, dissolution
  lock_reduction_interval: (i) => ({
    effective_interval: str(subnets.lockReductionInterval(big(i.interval), big(i.total_issuance))),
  }),
  network_lock_cost: (i) => {
    const q = subnets.networkLockCost(lockState(i), big(i.block), big(i.reduction_interval), big(i.total_issuance));
    return { lock_cost: str(q.lockCost), effective_interval: str(q.effectiveInterval) };
  },
  network_lock_cost_sequence: (i) => {
    const steps = list(i.steps).map((x) => {
      const s = object(x, 'step');
      return { block: big(s.block), register: optBool(s.register, false) };
    });
    const r = subnets.networkLockCostSequence(lockState(i), big(i.reduction_interval), big(i.total_issuance), steps);
    return { lock_costs: encBigs(r.lockCosts), effective_interval: str(r.effectiveInterval) };
  },
  subnet_pool_seed: (i) => {
    const r = subnets.subnetPoolSeed(big(i.actual_lock), big(i.min_lock), fixedScalar(i.median_price));
    return { pool_tao: str(r.poolTao), pool_alpha: str(r.poolAlpha), recycled: str(r.recycled) };
  },
  median_subnet_alpha_price: (i) => ({
    median: u64f64(subnets.medianSubnetAlphaPrice(list(i.prices).map((p) => fixedScalar(p)))),
  }),
  network_to_prune: (i) => {
    const candidates = list(i.subnets).map((x) => {
      const s = object(x, 'subnet');
      return { netuid: num(s.netuid), registeredAt: big(s.registered_at), movingPrice: fixedScalar(s.moving_price) };
    });
    return { netuid: subnets.networkToPrune(big(i.block), big(i.immunity_period), candidates) };
  },
  dissolve_tao_split: (i) => {
    const claimants = list(i.claimants).map((x) => {
      const c = object(x, 'claimant');
      return { id: String(c.id), alpha: big(c.alpha) };
    });
    const r = subnets.dissolveTaoSplit(big(i.pot), claimants, optBig(i.protocol_alpha, 0n));
    return { payouts: encBigs(r.payouts), protocol_share: str(r.protocolShare) };
  },
};
