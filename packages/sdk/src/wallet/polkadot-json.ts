/**
 * polkadot-js account JSON exports (`encoding.version` "3"), imported the way btwallet's
 * `create_from_encrypted_json` does: scrypt (salt 32 ‖ N ‖ p ‖ r, u32 LE) or a zero-padded password
 * as the key, then a secretbox holding a PKCS#8-like blob with the half-ed25519 secret and the public key.
 */
import { xsalsa20poly1305 } from '@noble/ciphers/salsa.js';
import { scrypt } from '@noble/hashes/scrypt.js';
import { equalBytes, fromBase64, fromHex, utf8 } from '../bytes.js';
import { DecryptionFailed, KeyfileCorrupt, UnknownKeyfileFormat } from '../errors.js';
import { type Keypair, keypairFromParts } from '../keys/keypair.js';
import { halfEd25519ToCanonical, secretToPublicKey } from '../keys/sr25519.js';
import { ss58Decode } from '../keys/ss58.js';

const SCRYPT_HEADER = 32 + 4 * 3;
const NONCE_LENGTH = 24;
const PKCS8_HEADER = fromHex('0x3053020101300506032b657004220420');
const PKCS8_DIVIDER = fromHex('0xa123032100');
const SECRET_LENGTH = 64;
const PUBLIC_LENGTH = 32;
// Refuse scrypt costs beyond what polkadot-js writes by a wide margin: a hostile file must not exhaust memory.
const MAX_SCRYPT_N = 1 << 20;

/** The fields of a polkadot-js JSON export this importer reads. */
export interface PolkadotJson {
  readonly encoded: string;
  readonly encoding: {
    readonly content: readonly string[];
    readonly type: readonly string[];
    readonly version: string;
  };
  readonly address: string;
  readonly meta?: unknown;
}

function isPolkadotJson(x: unknown): x is PolkadotJson {
  if (x === null || typeof x !== 'object') return false;
  const o = x as Record<string, unknown>;
  const enc = o.encoding as Record<string, unknown> | null | undefined;
  return (
    typeof o.encoded === 'string' &&
    typeof o.address === 'string' &&
    typeof enc === 'object' &&
    enc !== null &&
    Array.isArray(enc.content) &&
    Array.isArray(enc.type) &&
    typeof enc.version === 'string'
  );
}

function secretboxKey(data: Uint8Array, password: string, useScrypt: boolean): { key: Uint8Array; rest: Uint8Array } {
  if (!useScrypt) {
    // Without scrypt polkadot-js used the password itself, zero-padded (or cut) to 32 bytes.
    const key = new Uint8Array(32);
    key.set(utf8(password).subarray(0, 32));
    return { key, rest: data };
  }
  if (data.length < SCRYPT_HEADER) throw new KeyfileCorrupt('The encoded account is shorter than its scrypt header.');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const [N, p, r] = [view.getUint32(32, true), view.getUint32(36, true), view.getUint32(40, true)];
  if (N < 2 || N > MAX_SCRYPT_N || (N & (N - 1)) !== 0 || p < 1 || p > 16 || r < 1 || r > 32)
    throw new KeyfileCorrupt(`Unsupported scrypt parameters N=${N}, p=${p}, r=${r}.`);
  const key = scrypt(utf8(password), data.subarray(0, 32), { N, p, r, dkLen: 64 }).subarray(0, 32);
  return { key, rest: data.subarray(SCRYPT_HEADER) };
}

/**
 * The sr25519 keypair inside a polkadot-js JSON export (an object or its JSON text).
 * @throws UnknownKeyfileFormat for another version or key type; KeyfileCorrupt for a malformed
 *   file or one whose address does not match its key; DecryptionFailed for a wrong password.
 */
export function decryptPolkadotJson(json: PolkadotJson | string, password: string): Keypair {
  let doc: unknown = json;
  if (typeof json === 'string') {
    try {
      doc = JSON.parse(json);
    } catch {
      throw new KeyfileCorrupt('The polkadot-js export is not JSON.');
    }
  }
  if (!isPolkadotJson(doc)) throw new KeyfileCorrupt('The polkadot-js export lacks encoded, encoding or address.');
  const { encoding } = doc;
  if (encoding.version !== '3')
    throw new UnknownKeyfileFormat(`polkadot-js export version ${encoding.version}; only 3 is supported.`);
  if (!encoding.type.includes('xsalsa20-poly1305'))
    throw new UnknownKeyfileFormat('Only xsalsa20-poly1305 encrypted polkadot-js exports are supported.');
  if (encoding.content[0] !== 'pkcs8' || encoding.content[1] !== 'sr25519')
    throw new UnknownKeyfileFormat('Only sr25519 pkcs8 accounts are supported (Bittensor keys are sr25519).');
  let data: Uint8Array;
  try {
    data = fromBase64(doc.encoded, 'encoded');
  } catch {
    throw new KeyfileCorrupt('The encoded account is not base64.');
  }
  const { key, rest } = secretboxKey(data, password, encoding.type.includes('scrypt'));
  if (rest.length < NONCE_LENGTH + 16) throw new KeyfileCorrupt('The encoded account is truncated.');
  let plain: Uint8Array;
  try {
    plain = xsalsa20poly1305(key, rest.subarray(0, NONCE_LENGTH)).decrypt(rest.subarray(NONCE_LENGTH));
  } catch {
    throw new DecryptionFailed('The polkadot-js export could not be decrypted: wrong password or corrupt file.');
  }
  const divAt = PKCS8_HEADER.length + SECRET_LENGTH;
  if (
    plain.length !== divAt + PKCS8_DIVIDER.length + PUBLIC_LENGTH ||
    !equalBytes(plain.subarray(0, PKCS8_HEADER.length), PKCS8_HEADER) ||
    !equalBytes(plain.subarray(divAt, divAt + PKCS8_DIVIDER.length), PKCS8_DIVIDER)
  )
    throw new KeyfileCorrupt('The decrypted account is not an sr25519 PKCS#8 blob.');
  const privateKey = halfEd25519ToCanonical(plain.subarray(PKCS8_HEADER.length, divAt));
  const publicKey = secretToPublicKey(privateKey);
  if (!equalBytes(publicKey, plain.subarray(divAt + PKCS8_DIVIDER.length)))
    throw new KeyfileCorrupt('The public key in the export does not belong to its secret key.');
  if (!equalBytes(ss58Decode(doc.address).publicKey, publicKey))
    throw new KeyfileCorrupt('The address of the export does not belong to its key.');
  return keypairFromParts({ publicKey, privateKey });
}
