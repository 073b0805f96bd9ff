/**
 * MevShield calls: the per-block key announcement (an inherent), the encrypted carrier, and the
 * calls subtensor keeps but no longer uses (so that every block decodes; they do nothing here).
 */
import { accountToBytes, blake2b256, concatBytes, scaleCompact, toHex } from '@taonet/primitives';
import { fail } from '../errors.js';
import type { Args } from '../system/args.js';
import { defineCall } from '../system/call.js';
import { event } from '../system/events.js';
import { announceNextKey } from './announce-next-key.js';

/** The largest `submit_encrypted` ciphertext (subtensor's BoundedVec<u8, 8192>). */
export const MAX_SHIELD_BLOB_BYTES = 8192;

function bytesArg(a: Args, field: string, max: number): Uint8Array {
  const v = a[field];
  if (!(v instanceof Uint8Array)) fail('InvalidArgument', `'${field}' must be bytes`);
  if (v.length > max) {
    const hint = `'${field}' is ${v.length} bytes; at most ${max}`;
    if (field === 'ciphertext') fail('ShieldBlobTooLarge', hint);
    fail('InvalidArgument', hint);
  }
  return v;
}

export const shieldCalls = [
  defineCall({
    name: 'announce_next_key',
    signer: 'inherent',
    pays: false,
    description: 'The block author announces its next ML-KEM-768 key and rotates the shield keys (inherent).',
    parse: (a) => ({ encKey: a.encKey === null || a.encKey === undefined ? null : bytesArg(a, 'encKey', 2048) }),
    run: (ctx, _who, a) => announceNextKey(ctx, a.encKey),
  }),
  defineCall({
    name: 'submit_encrypted',
    signer: 'coldkey',
    pays: true,
    description:
      'Carry an encrypted signed extrinsic to the block author, who runs it right after this call (MEV shield).',
    parse: (a) => ({ ciphertext: bytesArg(a, 'ciphertext', MAX_SHIELD_BLOB_BYTES) }),
    run(ctx, who, { ciphertext }) {
      // subtensor's id: blake2_256(who ‖ Compact(len) ‖ ciphertext).
      const id = blake2b256(concatBytes(accountToBytes(who), scaleCompact(ciphertext.length), ciphertext));
      ctx.emit(event('EncryptedSubmitted', { id: toHex(id), who }));
    },
  }),
  defineCall({
    name: 'shield_retired_call',
    signer: 'coldkey',
    pays: true,
    description: 'MevShield calls 2–6 (store_encrypted and its root settings): kept so blocks decode, refused here.',
    parse: (a) => ({ call: typeof a.call === 'string' ? a.call : 'unknown' }),
    run: (_ctx, _who, a) => fail('RetiredCall', `MevShield.${a.call} is not used on this chain`),
  }),
];
