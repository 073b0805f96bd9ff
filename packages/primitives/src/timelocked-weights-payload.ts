/**
 * What a timelocked weights commit encrypts (subtensor's `WeightsTlockPayload`, made by
 * bittensor-drand): SCALE `{ hotkey: Vec<u8>, uids: Vec<u16>, values: Vec<u16>, version_key: u64 }`,
 * and the older `{ uids, values, version_key }` without the hotkey. The SDK encodes it; the chain
 * decodes it at the reveal round with subtensor's rule (`readTimelockedWeights`):
 *   1. decode the current form; if its hotkey decodes as a 32-byte account, it must be the
 *      committer (a mismatch is refused, with no fallback);
 *   2. otherwise (the current form does not decode, or its hotkey is shorter than 32 bytes) decode
 *      the legacy form; if that fails too the payload is refused.
 * Like parity-scale-codec's `decode`, bytes after the payload are ignored, while non-canonical
 * compact lengths and short input are errors.
 */
import { concatBytes } from './hash.js';
import { scaleCompact, scaleVecU16, u64le } from './codec/scale.js';

/** Decrypted weights, ready for `set_weights`. */
export interface TimelockedWeights {
  readonly uids: number[];
  readonly values: number[];
  readonly versionKey: bigint;
  /** Which payload form carried them. */
  readonly form: 'with-hotkey' | 'legacy';
}

/** Why a decrypted payload gives no weights (the chain's failure event carries it). */
export type TimelockedWeightsFault = 'HotkeyMismatch' | 'UndecodablePayload';

/** The current payload form's bytes, for `hotkeyPublicKey` (the committing hotkey's 32 bytes). */
export function encodeTimelockedWeightsPayload(p: {
  readonly hotkeyPublicKey: Uint8Array;
  readonly uids: readonly number[];
  readonly values: readonly number[];
  readonly versionKey: bigint;
}): Uint8Array {
  if (p.hotkeyPublicKey.length !== 32) throw new RangeError('the hotkey public key must be 32 bytes');
  return concatBytes(
    scaleCompact(32),
    p.hotkeyPublicKey,
    scaleVecU16(p.uids),
    scaleVecU16(p.values),
    u64le(p.versionKey),
  );
}

class ScaleInput {
  private pos = 0;
  constructor(private readonly b: Uint8Array) {}
  private byte(): number {
    if (this.pos >= this.b.length) throw new RangeError('not enough input');
    return this.b[this.pos++] as number;
  }
  private le(n: number): number {
    let v = 0;
    for (let i = 0; i < n; i++) v += this.byte() * 2 ** (8 * i);
    return v;
  }
  /** Compact<u32>, refusing encodings a shorter mode could have written (as parity-scale-codec does). */
  length(): number {
    const first = this.b[this.pos];
    if (first === undefined) throw new RangeError('not enough input');
    switch (first & 3) {
      case 0:
        return this.byte() >> 2;
      case 1: {
        const v = this.le(2) >> 2;
        if (v < 1 << 6) throw new RangeError('non-canonical compact');
        return v;
      }
      case 2: {
        const v = Math.floor(this.le(4) / 4);
        if (v < 1 << 14) throw new RangeError('non-canonical compact');
        return v;
      }
      default: {
        if (this.byte() !== 3) throw new RangeError('compact length exceeds u32');
        const v = this.le(4);
        if (v < 2 ** 30) throw new RangeError('non-canonical compact');
        return v;
      }
    }
  }
  bytes(n: number): Uint8Array {
    if (this.pos + n > this.b.length) throw new RangeError('not enough input');
    const out = this.b.slice(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  vecU16(): number[] {
    const n = this.length();
    if (this.pos + 2 * n > this.b.length) throw new RangeError('not enough input');
    return Array.from({ length: n }, () => this.le(2));
  }
  u64(): bigint {
    const b = this.bytes(8);
    let v = 0n;
    for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(b[i] as number);
    return v;
  }
}

function decodeLegacy(bytes: Uint8Array): TimelockedWeights | null {
  try {
    const r = new ScaleInput(bytes);
    return { uids: r.vecU16(), values: r.vecU16(), versionKey: r.u64(), form: 'legacy' };
  } catch {
    return null;
  }
}

function decodeWithHotkey(bytes: Uint8Array): { hotkey: Uint8Array; weights: TimelockedWeights } | null {
  try {
    const r = new ScaleInput(bytes);
    const hotkey = r.bytes(r.length());
    return { hotkey, weights: { uids: r.vecU16(), values: r.vecU16(), versionKey: r.u64(), form: 'with-hotkey' } };
  } catch {
    return null;
  }
}

/** The weights a decrypted payload reveals for `committer` (32 bytes), or the fault that drops it. */
export function readTimelockedWeights(
  payload: Uint8Array,
  committer: Uint8Array,
): { ok: true; weights: TimelockedWeights } | { ok: false; fault: TimelockedWeightsFault } {
  const current = decodeWithHotkey(payload);
  if (current !== null && current.hotkey.length >= 32) {
    // An AccountId32 decode reads the first 32 bytes of the hotkey field and ignores the rest.
    const account = current.hotkey.subarray(0, 32);
    const same = committer.length === 32 && account.every((b, i) => b === committer[i]);
    return same ? { ok: true, weights: current.weights } : { ok: false, fault: 'HotkeyMismatch' };
  }
  const legacy = decodeLegacy(payload);
  return legacy === null ? { ok: false, fault: 'UndecodablePayload' } : { ok: true, weights: legacy };
}
