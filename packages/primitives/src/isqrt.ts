/** Integer square root: the largest r with r² ≤ n (n ≥ 0), by Newton's iteration on bigints. */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError('isqrt of a negative number');
  if (n < 2n) return n;
  let x = 1n << ((BigInt(n.toString(2).length) + 1n) >> 1n);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}
