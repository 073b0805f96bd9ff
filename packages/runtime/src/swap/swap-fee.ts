/**
 * Swap fees are taken from the input. The full fee is `amount × rate/65535`; when a limit price cuts
 * a swap short, the fee is recomputed on the part that executes, grossed up so that
 * `delta + fee` is what the user would have had to send for exactly `delta` to reach the pool.
 */
import { fixed, U64F64 } from '@taonet/primitives';

const U16_MAX = 65535n;
const U64_MAX = (1n << 64n) - 1n;

function mulByRatio(amount: bigint, num: bigint, den: bigint): bigint {
  const rate = fixed.safeDiv(U64F64, num << 64n, den << 64n);
  const v = (amount * rate) >> 64n;
  return v > U64_MAX ? U64_MAX : v;
}

/** floor(amount × feeRate/65535), the rate truncated to U64F64 first. */
export function swapFee(amount: bigint, feeRate: number): bigint {
  return mulByRatio(amount, BigInt(feeRate), U16_MAX);
}

/** The fee on a partial fill of `delta`: floor(delta × feeRate/(65535 − feeRate)). */
export function partialFillFee(delta: bigint, feeRate: number): bigint {
  return mulByRatio(delta, BigInt(feeRate), U16_MAX - BigInt(feeRate));
}
