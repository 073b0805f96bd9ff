/**
 * The MEV-shielded write (shared/spec/mev-shield.md §1): sign the call as usual with the next
 * nonce + 1 and an 8-block era, encrypt those bytes to the key the chain announces as
 * `MevShield.NextKey`, and send `submit_encrypted(blob)` with the next nonce. The block author
 * decrypts it while building and runs the inner extrinsic right after the carrier, so the pool
 * only ever sees ciphertext. The result is the inner extrinsic's, with the carrier's hash and fee.
 *
 * Nothing of the inner goes to the node before inclusion: no dry-run (a public node could read it).
 */
import { concatBytes, encryptShieldBlob, toHex as pToHex, twox128 } from '@taonet/primitives';
import { fromHex, toHex } from '../bytes.js';
import type { ChainClient } from './chain-client.js';
import { request } from './chain-client.js';
import { big } from './decode.js';
import type { Signer } from './signer.js';
import { blockOutcome, type CallSpec, type SubmitOptions, signCall, txFailure, watch } from './submit.js';
import type { TxResult } from './types.js';

const NEXT_KEY = pToHex(
  concatBytes(twox128(new TextEncoder().encode('MevShield')), twox128(new TextEncoder().encode('NextKey'))),
);
/** The era clients give both halves: the key rotates every block, so neither may wait long. */
const SHIELD_PERIOD = 8;
const KEY_BYTES = 1184;

/** The announced key clients encrypt to, or null when the chain announces none. */
export async function shieldNextKey(client: ChainClient): Promise<Uint8Array | null> {
  const hex = (await client.rpc.call('state_getStorage', [NEXT_KEY])) as string | null;
  if (hex === null) return null;
  const b = fromHex(hex);
  // SCALE Vec<u8>: Compact(1184) is the two bytes 0x81 0x12.
  return b.length === KEY_BYTES + 2 ? b.slice(2) : null;
}

const random = (n: number): Uint8Array => globalThis.crypto.getRandomValues(new Uint8Array(n));

export async function submitShielded(
  client: ChainClient,
  signer: Signer,
  call: CallSpec,
  o: SubmitOptions,
): Promise<TxResult> {
  const key = await shieldNextKey(client);
  if (key === null) {
    return txFailure(
      'precheck',
      {
        code: 'ShieldKeyUnavailable',
        explanation: 'the chain announces no MEV-shield key (MevShield.NextKey is empty)',
        hint: 'send it without MEV protection (--no-mev-protection), or use a node whose author announces keys',
      },
      '',
    );
  }
  const nonce = big(await request(client, 'system_accountNextIndex', [toHex(signer.publicKey)]));
  const inner = await signCall(client, signer, call, { ...o, nonce: nonce + 1n, period: SHIELD_PERIOD });
  const blob = encryptShieldBlob(key, inner.bytes, { encapsulation: random(32), nonce: random(24) });
  const carrier = await signCall(
    client,
    signer,
    { method: 'submit_encrypted', args: { ciphertext: blob } },
    { ...o, nonce, period: SHIELD_PERIOD },
  );
  const hex = pToHex(carrier.bytes);
  if (o.precheck ?? true) {
    const err = await request(client, 'taonet_dryRun', [hex]);
    if (err !== null) return txFailure('precheck', err, carrier.hash);
  }
  const c = await watch(client, hex, carrier.hash, o);
  if (!c.ok) return { ...c, shielded: { carrierHash: carrier.hash, innerHash: inner.hash } };
  // The author runs the inner right after its carrier, in the same block.
  const st = await request(client, 'taonet_extrinsicStatus', [inner.hash]);
  const shielded = {
    carrierHash: carrier.hash,
    innerHash: inner.hash,
    ...(c.fee === undefined ? {} : { carrierFee: c.fee }),
  };
  if (st?.status !== 'inBlock') {
    const f = txFailure(
      'block',
      {
        code: 'ShieldedNotExecuted',
        explanation: 'the encrypted carrier was included, but the block author did not run the extrinsic inside it',
        hint: 'the key rotated before the carrier arrived, or the inner was invalid when opened; retry, or send it without MEV protection',
      },
      inner.hash,
    );
    return { ...f, shielded };
  }
  const at = { blockHash: st.blockHash, number: big(st.number), index: st.index };
  return { ...blockOutcome(st.result, at, inner.hash), shielded };
}
