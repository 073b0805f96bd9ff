/**
 * What the block author does with a `submit_encrypted` blob (spec mev-shield.md §4.2, §4.3):
 *
 * - `skip`: its key_hash names no key this node announced and still holds within the acceptance
 *   window (stale, foreign, from before a restart). The carrier is left out and not reported
 *   invalid; its era ends it. Subtensor includes such carriers and charges for a sure failure.
 * - `carrier-only`: the key matches but the blob does not open, or opens to something that is not
 *   one length-prefixed extrinsic. The carrier is included (fee, EncryptedSubmitted), nothing else.
 * - `open`: the inner extrinsic, to be applied right after its carrier if it is valid.
 *
 * Unparseable blobs never get here: the pool rejects them (Custom(23)).
 */
import { parseShieldBlob, ShieldBlobError, type ShieldBlobErrorCode } from '@taonet/primitives';
import type { AuthorKeyring } from './author-keyring.js';

export type CarrierOutcome =
  | { readonly action: 'skip' }
  | { readonly action: 'carrier-only'; readonly reason: ShieldBlobErrorCode | 'NotOneExtrinsic' }
  | { readonly action: 'open'; readonly inner: Uint8Array };

/** Throws ShieldBlobError for a blob the pool should have refused (it does not parse). */
export function openCarrier(keyring: AuthorKeyring, blob: Uint8Array, building: number): CarrierOutcome {
  const parsed = parseShieldBlob(blob);
  const decrypter = keyring.decrypterFor(parsed.keyHash, building);
  if (decrypter === undefined) return { action: 'skip' };
  let plaintext: Uint8Array;
  try {
    plaintext = decrypter.decrypt(parsed);
  } catch (e) {
    if (e instanceof ShieldBlobError) return { action: 'carrier-only', reason: e.code };
    throw e;
  }
  return isOneLengthPrefixedItem(plaintext)
    ? { action: 'open', inner: plaintext }
    : { action: 'carrier-only', reason: 'NotOneExtrinsic' };
}

/** The plaintext is Compact(len) ‖ len bytes, canonically prefixed, with nothing after. */
export function isOneLengthPrefixedItem(b: Uint8Array): boolean {
  const b0 = b[0];
  if (b0 === undefined) return false;
  let len: number;
  let head: number;
  switch (b0 & 3) {
    case 0:
      len = b0 >> 2;
      head = 1;
      break;
    case 1:
      if (b.length < 2) return false;
      len = (b0 | ((b[1] as number) << 8)) >> 2;
      if (len < 1 << 6) return false;
      head = 2;
      break;
    case 2:
      if (b.length < 4) return false;
      len = ((b0 | ((b[1] as number) << 8) | ((b[2] as number) << 16)) >>> 2) + (b[3] as number) * (1 << 22);
      if (len < 1 << 14) return false;
      head = 4;
      break;
    default:
      // Big-integer mode starts at 2^30: far beyond a blob's 7046-byte plaintext.
      return false;
  }
  return len > 0 && head + len === b.length;
}
