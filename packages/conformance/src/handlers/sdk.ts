/** Handlers for the SDK vectors (`sdk-keys.json`, `sdk-keyfile.json`, `sdk-axon.json`, `sdk-weights.json`). */
import {
  bodyHash,
  btwalletVerify,
  canonicalToHalfEd25519,
  decryptKeyfileData,
  decryptPolkadotJson,
  deriveFernetKey,
  detectKeyfileFormat,
  dendriteMessage,
  axonMessage,
  EMPTY_BODY_HASH,
  type FieldKind,
  fromBase64,
  fromHex,
  InvalidSs58,
  isNonceAccepted,
  type Keypair,
  keypairFromKeyfileJson,
  keypairFromMiniSecret,
  keypairFromMnemonic,
  keypairFromUri,
  mechStorageIndex,
  mnemonicEntropy,
  NACL_MEMLIMIT,
  NACL_OPSLIMIT,
  NACL_SALT,
  normalizeWeightsForEmit,
  type PwhashAlg,
  pwhash,
  pwhashAsync,
  signatureBytes,
  sr25519Verify,
  ss58Decode,
  ss58Encode,
  synapseHeaders,
  toHex,
  utf8,
  validateMnemonic,
  verifyTerminalSignature,
  versionAsInt,
  weightsCommitHash,
  weightsCommitPreimage,
} from '@taonet/sdk';
import { big, type Json, type JsonObject, num, nums, VectorInputError } from '../codec.js';
import type { Handler } from '../registry.js';

function str(x: Json | undefined, what: string): string {
  if (typeof x === 'string') return x;
  throw new VectorInputError(`${what}: expected a string, got ${JSON.stringify(x)}`);
}

function float(x: Json | undefined, what: string): number {
  if (typeof x === 'number') return x;
  throw new VectorInputError(`${what}: expected a number, got ${JSON.stringify(x)}`);
}

function floats(x: Json | undefined, what: string): number[] {
  if (!Array.isArray(x)) throw new VectorInputError(`${what}: expected a list`);
  return x.map((v) => float(v, what));
}

const keyOut = (kp: Keypair): JsonObject => ({ public_key: toHex(kp.publicKey), ss58: kp.ss58Address });

// Argon2i at 512 MiB costs ≈20 s in pure JS. Several cases share one password, so derived keys are
// memoized here, in the test harness only; the SDK itself never caches a password-derived key.
const pwhashMemo = new Map<string, Uint8Array>();
function memoPwhash(password: string, salt: Uint8Array, opslimit: number, memlimit: number, alg: PwhashAlg) {
  const k = JSON.stringify([password, toHex(salt), opslimit, memlimit, alg]);
  let key = pwhashMemo.get(k);
  if (key === undefined) {
    key = pwhash(password, salt, opslimit, memlimit, alg);
    pwhashMemo.set(k, key);
  }
  return key;
}

/**
 * Derives, without blocking the event loop, the Argon2i keys an SDK case will need, so that a test
 * runner can stay responsive (its worker RPC times out if a test blocks for a minute). Running the
 * case afterwards finds the key memoized; without this call the case derives it synchronously.
 */
export async function prepareSdkCase(fn: string, input: JsonObject): Promise<void> {
  let args: [string, Uint8Array, number, number, PwhashAlg] | undefined;
  if (fn === 'nacl_derive_key')
    args = [
      str(input.password, 'password'),
      fromHex(str(input.salt, 'salt'), 'salt'),
      num(input.opslimit, 'opslimit'),
      Number(big(input.memlimit, 'memlimit')),
      pwhashAlg(input.alg),
    ];
  else if (fn === 'keyfile_decrypt' && detectKeyfileFormat(keyfileBytes(input)) === 'nacl')
    args = [str(input.password, 'password'), NACL_SALT, NACL_OPSLIMIT, NACL_MEMLIMIT, 'argon2i13'];
  if (args === undefined) return;
  const k = JSON.stringify([args[0], toHex(args[1]), args[2], args[3], args[4]]);
  if (!pwhashMemo.has(k)) pwhashMemo.set(k, await pwhashAsync(...args));
}

const memoNaclKdf = (password: string): Uint8Array =>
  memoPwhash(password, NACL_SALT, NACL_OPSLIMIT, NACL_MEMLIMIT, 'argon2i13');

function pwhashAlg(x: Json | undefined): PwhashAlg {
  if (x === 'argon2i13' || x === 'argon2id13') return x;
  throw new VectorInputError(`alg: expected argon2i13 or argon2id13, got ${JSON.stringify(x)}`);
}

function keyfileBytes(i: JsonObject): Uint8Array {
  if (i.file_base64 !== undefined) return fromBase64(str(i.file_base64, 'file_base64'), 'file_base64');
  return utf8(str(i.file_text, 'file_text'));
}

// The research example of sdk-wallet-wire.md §2.8 (a real synapse.py run): the vector gives only
// the class, its input and the nonce, so the rest of that request is fixed here.
const RESEARCH_REQUEST = {
  timeout: 12,
  axon: { ip: '198.51.100.20', port: 8091, hotkey: '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty' },
  dendrite: {
    ip: '203.0.113.7',
    version: 10002000,
    uuid: '8f0e7a2c-1d2b-11ef-9c1a-0242ac120002',
    hotkey: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
    signature:
      '0x4aeae988f62cad4b8cf0180daa83753b19aea211ed0f783811af35faeb104462cb807070b27c03478548ddab3e0081a793698fda5109fcd3ca2f4d60456b4680',
  },
  headerSize: 464,
  totalSize: 3017,
} as const;

function fieldKind(v: Json | undefined): FieldKind {
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'boolean') return 'bool';
  return Array.isArray(v) ? 'list' : 'dict';
}

function synapseHeadersCase(i: JsonObject): JsonObject {
  const nonce = big(i.dendrite_nonce, 'dendrite_nonce');
  const { axon, dendrite } = RESEARCH_REQUEST;
  // "Only the signature inside it is checked": the fixed signature must verify for this nonce.
  const check = verifyTerminalSignature({
    kind: 'dendrite',
    nonce,
    dendriteHotkey: dendrite.hotkey,
    axonHotkey: axon.hotkey,
    uuid: dendrite.uuid,
    bodyHash: EMPTY_BODY_HASH,
    signature: dendrite.signature,
    signerSs58: dendrite.hotkey,
  });
  if (!check.valid) throw new VectorInputError(`the research signature does not verify for nonce ${nonce}`);
  const inputs = Object.keys(i).filter((k) => k !== 'synapse' && k !== 'dendrite_nonce');
  return synapseHeaders({
    name: str(i.synapse, 'synapse'),
    timeout: RESEARCH_REQUEST.timeout,
    axon,
    dendrite: { ...dendrite, nonce },
    requiredFields: inputs.map((name) => ({ name, kind: fieldKind(i[name]) })),
    headerSize: RESEARCH_REQUEST.headerSize,
    totalSize: RESEARCH_REQUEST.totalSize,
    computedBodyHash: EMPTY_BODY_HASH,
  });
}

export const sdkHandlers: Record<string, Handler> = {
  // sdk-keys.json
  mnemonic_to_keypair: (i) => {
    const mnemonic = str(i.mnemonic, 'mnemonic');
    const kp = keypairFromMnemonic(mnemonic);
    const secret = kp.privateKey ?? new Uint8Array();
    return {
      entropy: toHex(mnemonicEntropy(mnemonic)),
      mini_secret: toHex(kp.miniSecret ?? new Uint8Array()),
      ...keyOut(kp),
      private_key_canonical: toHex(secret),
      secret_half_ed25519: toHex(canonicalToHalfEd25519(secret)),
    };
  },
  mini_secret_to_keypair: (i) => {
    const kp = keypairFromMiniSecret(fromHex(str(i.mini_secret, 'mini_secret'), 'mini_secret', 32));
    return { ...keyOut(kp), private_key_canonical: toHex(kp.privateKey ?? new Uint8Array()) };
  },
  uri_to_keypair: (i) => keyOut(keypairFromUri(str(i.uri, 'uri'))),
  ss58_encode: (i) => ({ address: ss58Encode(fromHex(str(i.public_key, 'public_key')), num(i.prefix, 'prefix')) }),
  ss58_decode: (i) => {
    try {
      const d = ss58Decode(str(i.address, 'address'));
      return { valid: true, prefix: d.prefix, public_key: toHex(d.publicKey) };
    } catch (e) {
      if (e instanceof InvalidSs58) return { valid: false };
      throw e;
    }
  },
  mnemonic_validate: (i) => ({ valid: validateMnemonic(str(i.mnemonic, 'mnemonic')) }),

  // sdk-keyfile.json
  nacl_derive_key: (i) => ({
    key: toHex(
      memoPwhash(
        str(i.password, 'password'),
        fromHex(str(i.salt, 'salt'), 'salt'),
        num(i.opslimit, 'opslimit'),
        Number(big(i.memlimit, 'memlimit')),
        pwhashAlg(i.alg),
      ),
    ),
  }),
  keyfile_decrypt: (i) => {
    const d = decryptKeyfileData(keyfileBytes(i), str(i.password, 'password'), { naclKdf: memoNaclKdf });
    return { format: d.format, plaintext: d.plaintext };
  },
  fernet_derive_key: (i) => {
    const k = deriveFernetKey(str(i.password, 'password'));
    return { raw_key: toHex(k.rawKey), fernet_key: k.fernetKey };
  },
  polkadotjs_json_decrypt: (i) =>
    keyOut(decryptPolkadotJson(JSON.stringify(i.json ?? null), str(i.password, 'password'))),
  keyfile_to_keypair: (i) => keyOut(keypairFromKeyfileJson(str(i.keyfile_json, 'keyfile_json'))),
  keyfile_format: (i) => ({ format: detectKeyfileFormat(str(i.file_prefix, 'file_prefix')) }),

  // sdk-axon.json
  dendrite_message: (i) => ({
    message: dendriteMessage({
      nonce: big(i.nonce, 'nonce'),
      dendriteHotkey: str(i.dendrite_hotkey, 'dendrite_hotkey'),
      axonHotkey: str(i.axon_hotkey, 'axon_hotkey'),
      uuid: str(i.uuid, 'uuid'),
      bodyHash: str(i.body_hash, 'body_hash'),
    }),
  }),
  axon_message: (i) => ({
    message: axonMessage({
      nonce: big(i.nonce, 'nonce'),
      dendriteHotkey: str(i.dendrite_hotkey, 'dendrite_hotkey'),
      axonHotkey: str(i.axon_hotkey, 'axon_hotkey'),
      uuid: str(i.uuid, 'uuid'),
    }),
  }),
  sr25519_verify: (i) => {
    const sig = signatureBytes(str(i.signature, 'signature'));
    const { publicKey } = ss58Decode(str(i.signer_ss58, 'signer_ss58'));
    return { valid: sig !== null && sr25519Verify(utf8(str(i.message, 'message')), sig, publicKey) };
  },
  verify_terminal_signature: (i) => {
    const kind = str(i.kind, 'kind');
    if (kind !== 'dendrite' && kind !== 'axon') throw new VectorInputError(`kind: expected dendrite or axon`);
    return verifyTerminalSignature({
      kind,
      nonce: big(i.nonce, 'nonce'),
      dendriteHotkey: str(i.dendrite_hotkey, 'dendrite_hotkey'),
      axonHotkey: str(i.axon_hotkey, 'axon_hotkey'),
      uuid: str(i.uuid, 'uuid'),
      ...(typeof i.body_hash === 'string' && { bodyHash: i.body_hash }),
      signature: str(i.signature, 'signature'),
      signerSs58: str(i.signer_ss58, 'signer_ss58'),
    });
  },
  btwallet_verify: (i) => ({
    valid: btwalletVerify(
      str(i.message, 'message'),
      str(i.signature, 'signature'),
      ss58Decode(str(i.signer_ss58, 'signer_ss58')).publicKey,
    ),
  }),
  body_hash: (i) => {
    const parts = Array.isArray(i.str_parts) ? i.str_parts.map((p) => str(p, 'str_parts')) : [];
    const h = bodyHash(parts);
    return { part_hashes: h.partHashes, body_hash: h.bodyHash };
  },
  nonce_check: (i) => ({
    accepted: isNonceAccepted({
      version: num(i.version, 'version'),
      nowNs: big(i.now_ns, 'now_ns'),
      timeoutS: float(i.timeout_s, 'timeout_s'),
      nonce: big(i.nonce, 'nonce'),
      storedNonce: i.stored_nonce === null || i.stored_nonce === undefined ? null : big(i.stored_nonce, 'stored_nonce'),
    }),
  }),
  version_as_int: (i) => ({ value: versionAsInt(str(i.version, 'version')) }),
  synapse_headers: synapseHeadersCase,

  // sdk-weights.json
  weights_commit_hash: (i) => {
    const commit = {
      hotkeyPublicKey: fromHex(str(i.hotkey_public_key, 'hotkey_public_key'), 'hotkey_public_key', 32),
      storageIndex: num(i.netuid_storage_index, 'netuid_storage_index'),
      uids: nums(i.uids, 'uids'),
      values: nums(i.values, 'values'),
      salt: nums(i.salt, 'salt'),
      versionKey: big(i.version_key, 'version_key'),
    };
    return { preimage: toHex(weightsCommitPreimage(commit)), commit_hash: toHex(weightsCommitHash(commit)) };
  },
  normalize_weights_for_emit: (i) => {
    const r = normalizeWeightsForEmit(floats(i.uids, 'uids'), floats(i.weights, 'weights'));
    return { uids: r.uids, values: r.values };
  },
  mech_storage_index: (i) => ({ index: mechStorageIndex(num(i.netuid, 'netuid'), num(i.mechid, 'mechid')) }),
};
