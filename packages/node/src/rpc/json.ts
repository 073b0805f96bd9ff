/**
 * How chain values appear in JSON-RPC: bigints as decimal strings (amounts exceed 2^53), byte
 * strings as 0x hex, typed arrays as plain arrays. docs/rpc.md states this once for every method.
 */
import { toHex } from '@taonet/primitives';

export function toJsonValue(v: unknown): unknown {
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Uint8Array) return toHex(v);
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number | bigint>, (x) => toJsonValue(x));
  if (Array.isArray(v)) return v.map(toJsonValue);
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [String(k), toJsonValue(x)]));
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = toJsonValue(x);
    return out;
  }
  return v;
}

export const stringify = (v: unknown): string => JSON.stringify(toJsonValue(v));
