/**
 * Fast hex ↔ bytes for the node's hot paths (RPC parameters, keys, hashes), on Node's native
 * codec. Same results as the primitives' `fromHex`/`toHex`, which are written for portability.
 */

/** Bytes of `0x`-prefixed (or bare) hex; null if it is not hex of whole bytes. */
export function hexToBytes(hex: string): Uint8Array | null {
  const start = hex.startsWith('0x') ? 2 : 0;
  const digits = hex.length - start;
  if (digits % 2 !== 0) return null;
  const buf = Buffer.from(start === 0 ? hex : hex.slice(start), 'hex');
  // Buffer.from stops at the first non-hex digit.
  if (buf.length * 2 !== digits) return null;
  return new Uint8Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length));
}

export function bytesToHex(b: Uint8Array): string {
  return `0x${Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex')}`;
}

/** Bytes of hex the node itself produced (hashes, keys); throws on anything else. */
export function hexBytes(hex: string): Uint8Array {
  const b = hexToBytes(hex);
  if (b === null) throw new RangeError(`not hex: '${hex.slice(0, 20)}'`);
  return b;
}
