/** Verifying a dendrite's or axon's signature from its terminal fields. */
import { utf8 } from '../bytes.js';
import { sr25519Verify } from '../keys/sr25519.js';
import { ss58Decode } from '../keys/ss58.js';
import { signatureBytes } from '../keys/verify.js';
import { type AxonMessageFields, axonMessage, dendriteMessage } from './messages.js';

/** Which side signed: the dendrite (request, with body hash) or the axon (response). */
export type TerminalKind = 'dendrite' | 'axon';

/** The inputs of a terminal signature check. */
export interface TerminalSignature extends AxonMessageFields {
  /** Which message format was signed. */
  readonly kind: TerminalKind;
  /** The body hash; required for `dendrite`, ignored for `axon`. */
  readonly bodyHash?: string;
  /** `0x`-hex signature (or its bytes). */
  readonly signature: string | Uint8Array;
  /** SS58 address of the claimed signer. */
  readonly signerSs58: string;
}

/**
 * Rebuilds the signed message and checks it with a strict sr25519 verify. A malformed signature
 * (bad hex, wrong length, bytes that are not a point) gives `valid: false`, never an exception.
 * @throws InvalidSs58 when the signer address is invalid.
 */
export function verifyTerminalSignature(t: TerminalSignature): { message: string; valid: boolean } {
  const message = t.kind === 'dendrite' ? dendriteMessage({ ...t, bodyHash: t.bodyHash ?? '' }) : axonMessage(t);
  const { publicKey } = ss58Decode(t.signerSs58);
  const sig = signatureBytes(t.signature);
  return { message, valid: sig !== null && sr25519Verify(utf8(message), sig, publicKey) };
}
