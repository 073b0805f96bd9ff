/**
 * Perquintill: a proportion stored as integer parts of 10^18 (Substrate's `Perquintill`). The swap
 * pallet keeps pool weights in it, so its rounding rules (down for ratios, half-up for the
 * weight-update products) are part of consensus.
 */
export const PERQUINTILL_ONE = 1_000_000_000_000_000_000n;
const HALF = PERQUINTILL_ONE / 2n;

/** `Perquintill::from_rational(p, q)`: floor(p·10^18 / q), saturating at 1; q = 0 gives 1. */
export function perquintillFromRational(p: bigint, q: bigint): bigint {
  if (q === 0n || p >= q) return PERQUINTILL_ONE;
  return (p * PERQUINTILL_ONE) / q;
}

/** 1 − p. */
export function perquintillComplement(parts: bigint): bigint {
  return parts >= PERQUINTILL_ONE ? 0n : PERQUINTILL_ONE - parts;
}

/** floor(p × v). */
export function perquintillMulFloor(parts: bigint, value: bigint): bigint {
  return (value * parts) / PERQUINTILL_ONE;
}

/** round(p × v) with ties up: (v·parts + 5·10^17) / 10^18. */
export function perquintillMulRound(parts: bigint, value: bigint): bigint {
  return (value * parts + HALF) / PERQUINTILL_ONE;
}
