/**
 * SwapRuntimeApi: spot prices and simulated swaps, from the runtime's own swap quote
 * (`views.simSwap`). Slippage is measured against the spot price, as subtensor does; a swap the
 * pool refuses (no such subnet) simulates to all zeros, as there.
 */
import { storage, views } from '@taonet/runtime';
import type { ApiContext, RuntimeApiDef } from '../runtime-apis.js';
import { fields, T } from '../scale-type.js';
import { AlphaBalance, NetUid, TaoBalance } from '../types.js';
import { stateOf } from './api-values.js';

type SwapSide = Parameters<typeof views.simSwap>[2];

export const SubnetPrice = T.composite(
  'subtensor_swap_runtime_api::SubnetPrice',
  fields({ netuid: NetUid, price: T.u64 }),
);

export const SimSwapResult = T.composite(
  'subtensor_swap_runtime_api::SimSwapResult',
  fields({
    tao_amount: TaoBalance,
    alpha_amount: AlphaBalance,
    tao_fee: TaoBalance,
    alpha_fee: AlphaBalance,
    tao_slippage: TaoBalance,
    alpha_slippage: AlphaBalance,
  }),
);

const U64_MAX = (1n << 64n) - 1n;
const RAO = 1_000_000_000n;
const sat = (x: bigint) => (x < 0n ? 0n : x > U64_MAX ? U64_MAX : x);

/** subtensor's price unit: rao of TAO per whole alpha, ⌊price · 10^9⌋ (0 for a subnet that does not exist). */
export function alphaPriceRao(ctx: ApiContext, netuid: number): bigint {
  const d = views.dynamicInfo(stateOf(ctx), netuid, ctx.storage.number);
  if (d === null) return 0n;
  return sat((d.price * RAO) >> 64n);
}

const ZERO_SWAP = {
  tao_amount: 0n,
  alpha_amount: 0n,
  tao_fee: 0n,
  alpha_fee: 0n,
  tao_slippage: 0n,
  alpha_slippage: 0n,
};

function simSwap(ctx: ApiContext, netuid: number, side: SwapSide, amount: bigint): typeof ZERO_SWAP {
  const s = stateOf(ctx);
  let q: views.SwapSimulation;
  try {
    q = views.simSwap(s, netuid, side, amount);
  } catch {
    return ZERO_SWAP;
  }
  const slippage = sat(views.amountAtSpot(s, netuid, side, amount) - q.paidOut);
  return side === 'buy'
    ? { ...ZERO_SWAP, tao_amount: q.paidIn, alpha_amount: q.paidOut, tao_fee: q.fee, alpha_slippage: slippage }
    : { ...ZERO_SWAP, tao_amount: q.paidOut, alpha_amount: q.paidIn, alpha_fee: q.fee, tao_slippage: slippage };
}

export const SWAP_API: RuntimeApiDef = {
  name: 'SwapRuntimeApi',
  version: 1,
  docs: ['Spot prices of the subnet pools and simulated swaps.'],
  methods: [
    {
      name: 'current_alpha_price',
      inputs: fields({ netuid: NetUid }),
      output: T.u64,
      run: (ctx, [n]) => alphaPriceRao(ctx, n as number),
    },
    {
      name: 'current_alpha_price_all',
      inputs: [],
      output: T.vec(SubnetPrice),
      run: (ctx) =>
        stateOf(ctx)
          .value(storage.Netuids)
          .map((netuid) => ({ netuid, price: alphaPriceRao(ctx, netuid) })),
    },
    {
      name: 'sim_swap_tao_for_alpha',
      inputs: fields({ netuid: NetUid, tao: TaoBalance }),
      output: SimSwapResult,
      run: (ctx, [n, tao]) => simSwap(ctx, n as number, 'buy', tao as bigint),
    },
    {
      name: 'sim_swap_alpha_for_tao',
      inputs: fields({ netuid: NetUid, alpha: AlphaBalance }),
      output: SimSwapResult,
      run: (ctx, [n, alpha]) => simSwap(ctx, n as number, 'sell', alpha as bigint),
    },
  ],
};
