/**
 * Reader for drand's own timelock format, the one drand's tlock (Go) and tlock-js write: an age v1
 * file (armored or binary) whose recipient stanza is `-> tlock <round> <chain hash>` with body
 * U (96-byte compressed G2) ‖ V (16) ‖ W (16), the IBE encryption of age's 16-byte file key under
 * kyber's hash set (ibe.ts). The rest is plain age: an HMAC-SHA256 over the header keyed by
 * HKDF(file key, "header"), then a 16-byte nonce and the payload in ChaCha20-Poly1305 STREAM chunks
 * of 64 KiB keyed by HKDF(file key, nonce, "payload").
 *
 * This is not the format subtensor's timelocked commits use (tle's bytes, tlock-format.ts): those
 * carry a 32-byte AES-GCM key under tle's hash set. Pure: the caller supplies the round signature.
 */
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { tryFromBase64 } from '../codec/base64.js';
import { DrandError } from './drand-error.js';
import { type IbeCiphertext, ibeDecryptDrand } from './ibe.js';
import { decodeBeaconSignature } from './pulse.js';
import { bls12_381 } from '@noble/curves/bls12-381.js';

const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';
const ARMOR_END = '-----END AGE ENCRYPTED FILE-----';
const VERSION_LINE = 'age-encryption.org/v1';
const COLUMNS = 64;
const FILE_KEY_BYTES = 16;
const U_BYTES = 96;
const NONCE_BYTES = 16;
const CHUNK = 64 * 1024;
const TAG = 16;
const U64_MAX = (1n << 64n) - 1n;

/** A parsed age file with its tlock stanza. */
export interface TlockAgeFile {
  readonly round: bigint;
  /** The beacon's chain hash as the stanza names it (64 lower-case hex digits, no 0x). */
  readonly chainHash: string;
  readonly ibe: IbeCiphertext;
  /** The header bytes the MAC covers: from the version line through `---`. */
  readonly macInput: Uint8Array;
  readonly mac: Uint8Array;
  /** The 16-byte payload nonce followed by the STREAM chunks. */
  readonly payload: Uint8Array;
}

/** What the caller expects of the file; a mismatch is refused before any decryption. */
export interface TlockAgeExpectation {
  readonly round?: bigint;
  readonly chainHash?: string;
}

export interface TlockAgePlaintext {
  readonly round: bigint;
  readonly chainHash: string;
  readonly plaintext: Uint8Array;
}

const malformed = (why: string, hint = 'pass the age file exactly as tlock wrote it'): DrandError =>
  new DrandError('MalformedAgeFile', `not a tlock age file: ${why}`, hint);

function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 4096) s += String.fromCharCode(...b.subarray(i, i + 4096));
  return s;
}
const utf8 = new TextEncoder();

function startsWithArmor(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length && i < 1024 && /\s/.test(String.fromCharCode(bytes[i] as number))) i++;
  return latin1(bytes.subarray(i, i + ARMOR_BEGIN.length)) === ARMOR_BEGIN;
}

/** age's ASCII armor: PEM-like, padded base64 in lines of 64 columns, only the last one shorter. */
function dearmor(text: string): Uint8Array {
  const trimmed = text.trim();
  if (!trimmed.startsWith(ARMOR_BEGIN) || !trimmed.endsWith(ARMOR_END)) {
    throw malformed(`armor must run from "${ARMOR_BEGIN}" to "${ARMOR_END}"`);
  }
  const inner = trimmed.slice(ARMOR_BEGIN.length, trimmed.length - ARMOR_END.length);
  const lines = inner.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines[0] !== '' || lines[lines.length - 1] !== '') throw malformed('armor lines must end at the markers');
  const body = lines.slice(1, -1);
  if (body.length === 0) throw malformed('the armor holds no data');
  body.forEach((line, i) => {
    const last = i === body.length - 1;
    if (line.length > COLUMNS || (!last && line.length !== COLUMNS) || line.length === 0) {
      throw malformed(`armor line ${i + 1} is ${line.length} columns (64, the last one 1 to 64)`);
    }
  });
  const bytes = tryFromBase64(body.join(''), true);
  if (bytes === null) throw malformed('the armor is not canonical base64');
  return bytes;
}

/** Reads the binary header line by line; `pos` ends just past the MAC line. */
class HeaderReader {
  pos = 0;
  constructor(private readonly b: Uint8Array) {}
  line(what: string): string {
    const end = this.b.indexOf(0x0a, this.pos);
    if (end < 0) throw malformed(`the header ends inside ${what}`);
    const bytes = this.b.subarray(this.pos, end);
    if (bytes.some((c) => c < 0x20 || c > 0x7e)) throw malformed(`${what} is not printable ASCII`);
    this.pos = end + 1;
    return latin1(bytes);
  }
}

interface Stanza {
  readonly type: string;
  readonly args: string[];
  readonly body: Uint8Array;
}

function readStanzaBody(r: HeaderReader, type: string): Uint8Array {
  let text = '';
  for (;;) {
    const line = r.line(`the body of stanza ${type}`);
    if (line.length > COLUMNS) throw malformed(`a line of stanza ${type}'s body is longer than 64 columns`);
    text += line;
    if (line.length < COLUMNS) break;
  }
  const body = tryFromBase64(text, false);
  if (body === null) throw malformed(`stanza ${type}'s body is not canonical unpadded base64`);
  return body;
}

function readHeader(bytes: Uint8Array): { stanzas: Stanza[]; macInput: Uint8Array; mac: Uint8Array; end: number } {
  const r = new HeaderReader(bytes);
  const version = r.line('the version line');
  if (version !== VERSION_LINE) {
    throw malformed(`the version line is "${version.slice(0, 40)}", not "${VERSION_LINE}"`, 'only age v1 is read');
  }
  const stanzas: Stanza[] = [];
  for (;;) {
    const start = r.pos;
    const line = r.line('a stanza or the MAC line');
    if (line.startsWith('--- ')) {
      const mac = tryFromBase64(line.slice(4), false);
      if (mac === null || mac.length !== 32) throw malformed('the header MAC is not 32 bytes of unpadded base64');
      if (stanzas.length === 0) throw malformed('the header has no recipient stanza');
      return { stanzas, macInput: bytes.slice(0, start + 3), mac, end: r.pos };
    }
    if (!line.startsWith('-> '))
      throw malformed(`expected a stanza ("-> ") or the MAC line ("--- "), got "${line.slice(0, 20)}"`);
    const [type, ...args] = line.slice(3).split(' ');
    if (type === undefined || type === '' || args.some((a) => a === '')) {
      throw malformed('a stanza has an empty type or argument');
    }
    stanzas.push({ type, args, body: readStanzaBody(r, type) });
  }
}

function parseRound(arg: string): bigint {
  if (!/^[1-9][0-9]{0,19}$/.test(arg) || BigInt(arg) > U64_MAX) {
    throw malformed(`the tlock round "${arg.slice(0, 24)}" is not a u64 ≥ 1 in canonical decimal`);
  }
  return BigInt(arg);
}

function parseIbe(body: Uint8Array): IbeCiphertext {
  if (body.length !== U_BYTES + 2 * FILE_KEY_BYTES) {
    throw malformed(
      `the tlock stanza body is ${body.length} bytes, not ${U_BYTES + 2 * FILE_KEY_BYTES} (U on G2, V, W)`,
      'only beacons with signatures on G1 (quicknet) are read',
    );
  }
  let u: IbeCiphertext['u'];
  try {
    u = bls12_381.G2.Point.fromBytes(body.subarray(0, U_BYTES));
    u.assertValidity();
  } catch {
    throw malformed('U in the tlock stanza is not a valid compressed G2 point');
  }
  const v = body.slice(U_BYTES, U_BYTES + FILE_KEY_BYTES);
  const w = body.slice(U_BYTES + FILE_KEY_BYTES);
  return { u, v, w };
}

/**
 * Parses an age file (armored text or bytes, or binary bytes) down to its single tlock stanza.
 * Other stanza types are skipped, as an age reader skips recipients it cannot open.
 * @throws DrandError: MalformedAgeFile, NoTlockStanza.
 */
export function parseTlockAge(file: Uint8Array | string): TlockAgeFile {
  const raw = typeof file === 'string' ? utf8.encode(file) : file;
  const armored = startsWithArmor(raw);
  if (typeof file === 'string' && !armored) {
    throw malformed('a string must hold the ASCII-armored file', 'pass a binary age file as bytes');
  }
  const bytes = armored ? dearmor(typeof file === 'string' ? file : latin1(raw)) : raw;
  const header = readHeader(bytes);
  const tlocks = header.stanzas.filter((s) => s.type === 'tlock');
  if (tlocks.length === 0) {
    throw new DrandError(
      'NoTlockStanza',
      `the age file has no tlock stanza (stanzas: ${header.stanzas.map((s) => s.type).join(', ')})`,
      'this file was not encrypted to a drand round',
    );
  }
  if (tlocks.length > 1) throw malformed('the age file has more than one tlock stanza');
  const stanza = tlocks[0] as Stanza;
  if (stanza.args.length !== 2)
    throw malformed(`the tlock stanza has ${stanza.args.length} arguments, not 2 (round, chain hash)`);
  const [roundArg, chainHash] = stanza.args as [string, string];
  if (!/^[0-9a-f]{64}$/.test(chainHash)) throw malformed('the tlock chain hash is not 64 lower-case hex digits');
  return {
    round: parseRound(roundArg),
    chainHash,
    ibe: parseIbe(stanza.body),
    macInput: header.macInput,
    mac: header.mac,
    payload: bytes.slice(header.end),
  };
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

function streamNonce(counter: number, last: boolean): Uint8Array {
  const nonce = new Uint8Array(12);
  new DataView(nonce.buffer).setUint32(7, counter, false);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/** age's STREAM: every chunk but the last is a full 64 KiB; the last is flagged and never empty unless alone. */
function openPayload(fileKey: Uint8Array, payload: Uint8Array): Uint8Array {
  if (payload.length < NONCE_BYTES + TAG) {
    throw malformed(`the payload is ${payload.length} bytes, shorter than a nonce and one sealed chunk`);
  }
  const nonce = payload.subarray(0, NONCE_BYTES);
  const key = hkdf(sha256, fileKey, nonce, utf8.encode('payload'), 32);
  const sealed = payload.subarray(NONCE_BYTES);
  const chunks = Math.ceil(sealed.length / (CHUNK + TAG));
  const lastLength = sealed.length - (chunks - 1) * (CHUNK + TAG);
  if (lastLength < TAG || (chunks > 1 && lastLength === TAG)) {
    throw malformed('the payload ends in a truncated or empty chunk');
  }
  const out = new Uint8Array(sealed.length - chunks * TAG);
  for (let i = 0; i < chunks; i++) {
    const chunk = sealed.subarray(i * (CHUNK + TAG), (i + 1) * (CHUNK + TAG));
    try {
      out.set(chacha20poly1305(key, streamNonce(i, i === chunks - 1)).decrypt(chunk), i * CHUNK);
    } catch {
      throw new DrandError(
        'PayloadAuthenticationFailed',
        `payload chunk ${i} does not authenticate`,
        'the payload was altered, cut or extended',
      );
    }
  }
  return out;
}

/**
 * Decrypts a tlock age file with the beacon's 48-byte signature of its round. The signature is not
 * checked against a public key here (a wrong one fails the IBE check); `expect` refuses a file for
 * another round or beacon before any pairing is computed.
 * @throws DrandError: MalformedAgeFile, NoTlockStanza, RoundMismatch, ChainHashMismatch,
 *   InvalidSignature, DecryptionFailed, HeaderMacMismatch, PayloadAuthenticationFailed.
 */
export function tlockAgeDecrypt(
  file: Uint8Array | string,
  signature: Uint8Array,
  expect: TlockAgeExpectation = {},
): TlockAgePlaintext {
  const f = parseTlockAge(file);
  if (expect.round !== undefined && expect.round !== f.round) {
    throw new DrandError(
      'RoundMismatch',
      `the file is locked to round ${f.round}, not ${expect.round}`,
      `wait for round ${f.round} and use its signature`,
    );
  }
  const wantHash = expect.chainHash?.replace(/^0x/, '').toLowerCase();
  if (wantHash !== undefined && wantHash !== f.chainHash) {
    throw new DrandError(
      'ChainHashMismatch',
      `the file is locked to beacon ${f.chainHash}, not ${wantHash}`,
      'use the signature of the beacon the file names (drand quicknet is 52db9b…e971)',
    );
  }
  const fileKey = ibeDecryptDrand(decodeBeaconSignature(signature), f.ibe);
  const macKey = hkdf(sha256, fileKey, new Uint8Array(0), utf8.encode('header'), 32);
  if (!equalBytes(hmac(sha256, macKey, f.macInput), f.mac)) {
    throw new DrandError('HeaderMacMismatch', 'the header MAC does not match the file key', 'the header was altered');
  }
  return { round: f.round, chainHash: f.chainHash, plaintext: openPayload(fileKey, f.payload) };
}
