/**
 * The order the reference visits subnets in: storage iteration over little-endian u16 keys, i.e.
 * by low byte, then high byte (0, 256, 512, …, 1, 257, …). It decides which subnets get the
 * limited epoch slots of a block, so it is part of consensus.
 */
export function referenceOrder(netuids: readonly number[]): number[] {
  return [...netuids].sort((a, b) => (a & 0xff) - (b & 0xff) || (a >> 8) - (b >> 8));
}
