/**
 * The plaintext keyfile JSON: a flat object of strings. Writing uses the old SDK's key order and
 * leaves out unknown values; reading takes the first source present in btwallet's order —
 * `secretPhrase`, `secretSeed` (hex only: btwallet once wrote raw bytes there), `privateKey`,
 * then `ss58Address` for a public-only key.
 */
import { fromHex, isHex, toHex } from '../bytes.js';
import { KeyfileCorrupt } from '../errors.js';
import {
  type Keypair,
  keypairFromMnemonic,
  keypairFromPrivateKey,
  keypairFromSeed,
  keypairFromSs58,
} from '../keys/keypair.js';
import { validateMnemonic } from '../keys/mnemonic.js';
import { isValidSs58 } from '../keys/ss58.js';

// A mini-secret (32 bytes) or a canonical private key (64 bytes), as 0x-hex.
const SEED_HEX_RE = /^0x(?:[0-9a-fA-F]{64}|[0-9a-fA-F]{128})$/;

/** The fields of a keyfile; pub files hold only `accountId`, `publicKey` and `ss58Address`. */
export interface KeyfileJson {
  readonly accountId?: string;
  readonly publicKey?: string;
  readonly privateKey?: string;
  readonly secretPhrase?: string;
  readonly secretSeed?: string;
  readonly ss58Address?: string;
}

/** The keyfile JSON text of a keypair (secret fields included when the keypair has them). */
export function keypairToKeyfileJson(kp: Keypair): string {
  const pub = toHex(kp.publicKey);
  const data: KeyfileJson = {
    accountId: pub,
    publicKey: pub,
    ...(kp.privateKey !== undefined && { privateKey: toHex(kp.privateKey) }),
    ...(kp.mnemonic !== undefined && { secretPhrase: kp.mnemonic }),
    ...(kp.miniSecret !== undefined && { secretSeed: toHex(kp.miniSecret) }),
    ss58Address: kp.ss58Address,
  };
  return JSON.stringify(data);
}

/** The pub-file JSON text of a keypair (`coldkeypub.txt`, `<hotkey>pub.txt`): no secret fields. */
export function keypairToPublicKeyfileJson(kp: Keypair): string {
  const pub = toHex(kp.publicKey);
  return JSON.stringify({ accountId: pub, publicKey: pub, ss58Address: kp.ss58Address } satisfies KeyfileJson);
}

function field(o: Record<string, unknown>, key: keyof KeyfileJson): string | undefined {
  const v = o[key];
  // The pre-8.0 SDK wrote every key, with null for the unknown ones.
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * The keypair a plaintext keyfile describes.
 * @throws KeyfileCorrupt when the text is not a JSON object, a present source is malformed, or no source is present.
 */
export function keypairFromKeyfileJson(text: string): Keypair {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new KeyfileCorrupt('The keyfile is neither encrypted nor valid JSON.');
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
    throw new KeyfileCorrupt('The keyfile JSON is not an object.');
  const o = doc as Record<string, unknown>;

  const phrase = field(o, 'secretPhrase');
  if (phrase !== undefined) {
    if (!validateMnemonic(phrase)) throw new KeyfileCorrupt('The keyfile secretPhrase is not a valid mnemonic.');
    return keypairFromMnemonic(phrase);
  }
  const seed = field(o, 'secretSeed');
  if (seed !== undefined && SEED_HEX_RE.test(seed)) return keypairFromSeed(fromHex(seed));
  const privateKey = field(o, 'privateKey');
  if (privateKey !== undefined) {
    if (!isHex(privateKey) || privateKey.replace(/^0x/, '').length !== 128)
      throw new KeyfileCorrupt('The keyfile privateKey is not 64 bytes of hex.');
    return keypairFromPrivateKey(fromHex(privateKey));
  }
  const address = field(o, 'ss58Address');
  if (address !== undefined) {
    if (!isValidSs58(address)) throw new KeyfileCorrupt('The keyfile ss58Address is not a valid address.');
    return keypairFromSs58(address);
  }
  throw new KeyfileCorrupt('The keyfile holds none of secretPhrase, secretSeed, privateKey or ss58Address.');
}
