/**
 * What can sign a transaction: a public key and a signing function. A wallet keypair is one; a
 * hardware or remote signer can implement the same two fields.
 */
import type { Keypair } from '../keys/keypair.js';

export interface Signer {
  readonly publicKey: Uint8Array;
  sign(message: Uint8Array): Uint8Array;
}

export function keypairSigner(kp: Keypair): Signer {
  return { publicKey: kp.publicKey, sign: (m) => kp.sign(m) };
}
