/**
 * The U96F32 helpers child-hotkey arithmetic shares: the chain normalizes proportions, takes and
 * TaoWeight into U96F32 and floors every product, so each step here is one substrate-fixed step.
 */
import { fixed, U96F32 } from '@taonet/primitives';

export const U64_MAX = (1n << 64n) - 1n;
export const U16_MAX = 65535n;
export const ONE = 1n << 32n;

/** An integer amount as U96F32 raw. */
export const fromU64 = (x: bigint): bigint => fixed.fromInt(U96F32, x);
/** `p / u64::MAX` (a proportion, TaoWeight or CKBurn) as U96F32 raw, 0 on a 0 divisor. */
export const overU64Max = (p: bigint): bigint => fixed.safeDiv(U96F32, p << 32n, U64_MAX << 32n);
/** `t / 65535` (a take) as U96F32 raw. */
export const overU16Max = (t: number | bigint): bigint => fixed.safeDiv(U96F32, BigInt(t) << 32n, U16_MAX << 32n);
export const mul = (a: bigint, b: bigint): bigint => fixed.saturatingMul(U96F32, a, b);
export const add = (a: bigint, b: bigint): bigint => fixed.saturatingAdd(U96F32, a, b);
export const sub = (a: bigint, b: bigint): bigint => fixed.saturatingSub(U96F32, a, b);
/** `checked_div(..).unwrap_or(0)`. */
export const div = (a: bigint, b: bigint): bigint => fixed.checkedDiv(U96F32, a, b) ?? 0n;
/** `saturating_to_num::<u64>()`: floor, clamped to u64. */
export const toU64 = (raw: bigint): bigint => fixed.toIntSaturating(U96F32, raw, 0n, U64_MAX);
