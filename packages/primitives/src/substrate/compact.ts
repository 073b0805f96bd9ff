/** SCALE compact integers (the nonce, the tip, lengths, the header's number). */
import { scaleCompact } from '../codec/scale.js';
import { DecodeError } from '../extrinsic/bytes.js';

/** Malformed SCALE input; a DecodeError, so every wire-format failure is caught the same way. */
export class ScaleDecodeError extends DecodeError {}

/** SCALE compact encoding (the shared writer in codec/scale.ts). */
export const encodeCompact = scaleCompact;

/** Decodes a compact integer at `at`; refuses non-canonical (longer than needed) encodings. */
export function decodeCompact(b: Uint8Array, at = 0): { value: bigint; size: number } {
  const first = b[at];
  if (first === undefined) throw new ScaleDecodeError('the input ends before a compact integer');
  const mode = first & 3;
  const need = mode === 0 ? 1 : mode === 1 ? 2 : mode === 2 ? 4 : (first >> 2) + 5;
  if (at + need > b.length) throw new ScaleDecodeError('the input ends inside a compact integer');
  let value = 0n;
  for (let i = need - 1; i >= (mode === 3 ? 1 : 0); i--) value = (value << 8n) | BigInt(b[at + i] as number);
  if (mode !== 3) value >>= 2n;
  const canonical = encodeCompact(value).length === need;
  if (!canonical) throw new ScaleDecodeError('non-canonical compact integer');
  return { value, size: need };
}
