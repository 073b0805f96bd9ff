/**
 * Merlin transcripts (v1.0) over STROBE-128: the Fiat–Shamir hashing schnorrkel signs with. Each
 * message is framed by its label and 32-bit little-endian length, so no two sequences of
 * messages absorb the same bytes.
 */
import { Strobe128 } from './strobe128.js';

const enc = new TextEncoder();
const DOM_SEP = enc.encode('dom-sep');

function le32(n: number): Uint8Array {
  return new Uint8Array([n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff]);
}

/** A Merlin transcript. */
export class Transcript {
  #strobe: Strobe128;

  /** A new transcript for protocol `label` (null: an empty shell for `clone`). */
  constructor(label: Uint8Array | null) {
    if (label === null) {
      this.#strobe = new Strobe128(null);
      return;
    }
    this.#strobe = new Strobe128(enc.encode('Merlin v1.0'));
    this.appendMessage(DOM_SEP, label);
  }

  clone(): Transcript {
    const t = new Transcript(null);
    t.#strobe = this.#strobe.clone();
    return t;
  }

  appendMessage(label: Uint8Array, message: Uint8Array): void {
    this.#strobe.metaAd(label, false);
    this.#strobe.metaAd(le32(message.length), true);
    this.#strobe.ad(message, false);
  }

  challengeBytes(label: Uint8Array, length: number): Uint8Array {
    this.#strobe.metaAd(label, false);
    this.#strobe.metaAd(le32(length), true);
    const out = new Uint8Array(length);
    this.#strobe.prf(out, false);
    return out;
  }
}
