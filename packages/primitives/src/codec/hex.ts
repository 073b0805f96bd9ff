/**
 * The one hex codec: bytes ↔ `0x`-prefixed lower-case hex. Every package (node, SDK, runtime)
 * uses this one; it is table-driven plain JS so it runs in browsers too.
 */
const BYTE_HEX: readonly string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Value of each hex digit's char code; -1 for anything else. */
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) DIGIT[48 + i] = i;
for (let i = 0; i < 6; i++) {
  DIGIT[65 + i] = 10 + i;
  DIGIT[97 + i] = 10 + i;
}

/** Bytes as `0x` + lower-case hex. */
export function toHex(bytes: Uint8Array): string {
  let s = '0x';
  for (let i = 0; i < bytes.length; i++) s += BYTE_HEX[bytes[i] as number];
  return s;
}

/** Bytes of hex (with or without `0x`), or null when it is not hex of whole bytes. */
export function tryFromHex(hex: string): Uint8Array | null {
  const start = hex.startsWith('0x') ? 2 : 0;
  const digits = hex.length - start;
  if (digits % 2 !== 0) return null;
  const out = new Uint8Array(digits / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = DIGIT[hex.charCodeAt(start + 2 * i)] ?? -1;
    const lo = DIGIT[hex.charCodeAt(start + 2 * i + 1)] ?? -1;
    if (hi < 0 || lo < 0) return null;
    out[i] = (hi << 4) | lo;
  }
  return out;
}

/** Bytes of hex (with or without `0x`); throws RangeError when it is not hex of whole bytes. */
export function fromHex(hex: string): Uint8Array {
  const out = tryFromHex(hex);
  if (out === null) throw new RangeError(`not hex: '${hex.slice(0, 20)}'`);
  return out;
}
