/**
 * STROBE-128 (v1.0.2), only the operations Merlin transcripts use: meta-AD, AD and PRF. Keccak-f
 * over a 200-byte state with a 166-byte rate; the duplex framing follows the STROBE paper.
 */
import { keccakF1600 } from './keccak-f1600.js';

const RATE = 166;
const FLAG_I = 1;
const FLAG_A = 2;
const FLAG_C = 4;
const FLAG_M = 16;
const FLAG_K = 32;
const VERSION = new TextEncoder().encode('STROBEv1.0.2');
// Keccak lanes are little-endian; on a big-endian host the word view must be swapped around the permutation.
const BIG_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 0;

function permute(lanes: Uint32Array): void {
  if (BIG_ENDIAN) for (let i = 0; i < 50; i++) lanes[i] = swap32(lanes[i] as number);
  keccakF1600(lanes);
  if (BIG_ENDIAN) for (let i = 0; i < 50; i++) lanes[i] = swap32(lanes[i] as number);
}

function swap32(w: number): number {
  return (((w & 0xff) << 24) | ((w & 0xff00) << 8) | ((w >>> 8) & 0xff00) | (w >>> 24)) >>> 0;
}

/** A STROBE-128 duplex. Cheap to `clone`, so a fixed prefix can be absorbed once and reused. */
export class Strobe128 {
  #state: Uint8Array;
  #lanes: Uint32Array;
  #pos = 0;
  #posBegin = 0;

  constructor(protocol: Uint8Array | null) {
    this.#state = new Uint8Array(200);
    this.#lanes = new Uint32Array(this.#state.buffer);
    if (protocol === null) return;
    this.#state.set([1, RATE + 2, 1, 0, 1, 96]);
    this.#state.set(VERSION, 6);
    permute(this.#lanes);
    this.metaAd(protocol, false);
  }

  clone(): Strobe128 {
    const c = new Strobe128(null);
    c.#state.set(this.#state);
    c.#pos = this.#pos;
    c.#posBegin = this.#posBegin;
    return c;
  }

  /** Absorbs framing metadata (labels, lengths). `more` continues the previous operation. */
  metaAd(data: Uint8Array, more: boolean): void {
    this.#begin(FLAG_M | FLAG_A, more);
    this.#absorb(data);
  }

  /** Absorbs associated data. */
  ad(data: Uint8Array, more: boolean): void {
    this.#begin(FLAG_A, more);
    this.#absorb(data);
  }

  /** Squeezes pseudo-random bytes into `out`. */
  prf(out: Uint8Array, more: boolean): void {
    this.#begin(FLAG_I | FLAG_A | FLAG_C, more);
    const st = this.#state;
    for (let i = 0; i < out.length; i++) {
      out[i] = st[this.#pos] as number;
      st[this.#pos] = 0;
      if (++this.#pos === RATE) this.#permute();
    }
  }

  #permute(): void {
    const st = this.#state;
    st[this.#pos] = (st[this.#pos] as number) ^ this.#posBegin;
    st[this.#pos + 1] = (st[this.#pos + 1] as number) ^ 0x04;
    st[RATE + 1] = (st[RATE + 1] as number) ^ 0x80;
    permute(this.#lanes);
    this.#pos = 0;
    this.#posBegin = 0;
  }

  #absorb(data: Uint8Array): void {
    const st = this.#state;
    for (let i = 0; i < data.length; i++) {
      st[this.#pos] = (st[this.#pos] as number) ^ (data[i] as number);
      if (++this.#pos === RATE) this.#permute();
    }
  }

  #absorbByte(b: number): void {
    const st = this.#state;
    st[this.#pos] = (st[this.#pos] as number) ^ b;
    if (++this.#pos === RATE) this.#permute();
  }

  #begin(flags: number, more: boolean): void {
    if (more) return;
    const previous = this.#posBegin;
    this.#posBegin = this.#pos + 1;
    this.#absorbByte(previous);
    this.#absorbByte(flags);
    // Cipher and key operations start on a fresh block.
    if ((flags & (FLAG_C | FLAG_K)) !== 0 && this.#pos !== 0) this.#permute();
  }
}
