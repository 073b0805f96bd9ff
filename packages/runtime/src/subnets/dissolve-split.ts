/**
 * When a subnet is dissolved its TAO reserve is paid out pro rata to alpha: stakers in order, then
 * the protocol (its alpha in the pool and from chain buys), whose share is recycled rather than
 * paid. Floors leave a few rao over; they go one each to the largest remainders, so the pot is
 * paid exactly.
 */
export interface DissolveClaimant {
  readonly id: string;
  readonly alpha: bigint;
}

export interface DissolveSplit {
  /** Per staker, in the order given. */
  readonly payouts: bigint[];
  readonly protocolShare: bigint;
}

export function dissolveTaoSplit(
  pot: bigint,
  claimants: readonly DissolveClaimant[],
  protocolAlpha: bigint,
): DissolveSplit {
  const weights = [...claimants.map((c) => c.alpha), protocolAlpha];
  const total = weights.reduce((a, b) => a + b, 0n);
  if (total === 0n || pot === 0n) return { payouts: claimants.map(() => 0n), protocolShare: 0n };
  const shares = weights.map((w) => (pot * w) / total);
  const remainders = weights.map((w, i) => ({ i, r: (pot * w) % total }));
  let leftover = pot - shares.reduce((a, b) => a + b, 0n);
  // Array.prototype.sort is stable: equal remainders keep claimant order.
  remainders.sort((a, b) => (a.r > b.r ? -1 : a.r < b.r ? 1 : 0));
  for (const { i } of remainders) {
    if (leftover === 0n) break;
    shares[i] = (shares[i] as bigint) + 1n;
    leftover -= 1n;
  }
  return { payouts: shares.slice(0, claimants.length), protocolShare: shares[claimants.length] as bigint };
}
