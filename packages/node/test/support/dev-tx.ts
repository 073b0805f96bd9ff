/**
 * Signs a call as a dev account for an in-process chain: a Substrate v4 extrinsic, mortal from the
 * chain's head (its birth block), over this chain's genesis and runtime version, as a client would.
 */
import {
  type Call,
  concatBytes,
  EXTRINSIC_VERSION,
  type Era,
  encodeExtra,
  encodeImplicit,
  mortalEra,
  type SignatureScheme,
  type SignedExtrinsic,
  signExtrinsic,
  signingPayload,
  type TxImplicit,
} from '@taonet/primitives';
import { encodeCompact } from '@taonet/primitives/substrate';
import type { Chain } from '../../src/chain/chain.js';
import { devAccount } from '../../src/chain-spec.js';
import { devKeypair, sign } from '../../src/crypto.js';

export interface DevTxOptions {
  readonly tip?: bigint;
  readonly period?: number;
  /** Runtime versions to sign for (default: the chain's). */
  readonly specVersion?: number;
  readonly transactionVersion?: number;
}

/** What a signature for `chain`, born at its head, also covers. */
export function headImplicit(chain: Chain, o: DevTxOptions = {}): TxImplicit {
  const birthHash = chain.recentBlockHash(chain.head.number);
  if (birthHash === null) throw new Error('the head has no hash');
  return {
    specVersion: o.specVersion ?? chain.txContext.specVersion,
    transactionVersion: o.transactionVersion ?? chain.txContext.transactionVersion,
    genesisHash: chain.genesisHashBytes,
    birthHash,
  };
}

export function devTx(chain: Chain, who: string, nonce: bigint, call: Call, o: DevTxOptions = {}): SignedExtrinsic {
  return signExtrinsic(
    { signer: devAccount(who), nonce, era: mortalEra(chain.head.number, o.period ?? 64), tip: o.tip ?? 0n, call },
    (m) => sign(devKeypair(`//${who}`), m),
    headImplicit(chain, o),
  );
}

export interface RawTxParts {
  readonly signer: Uint8Array;
  readonly sign: (message: Uint8Array) => Uint8Array;
  readonly implicit: TxImplicit;
  /** SCALE call bytes, taken as they are (an unknown pallet or call index included). */
  readonly callBytes: Uint8Array;
  readonly nonce: bigint;
  readonly era: Era;
  readonly tip?: bigint;
  /** CheckMetadataHash mode byte (0 Disabled; 1 asks for a metadata hash check). */
  readonly metadataHashMode?: number;
  readonly scheme?: SignatureScheme;
}

/**
 * Assembles a v4 signed extrinsic byte by byte, for what `signExtrinsic` refuses to make: calls
 * the metadata lacks, a metadata-hash mode other than 0. The signature is real.
 */
export function rawSignedExtrinsic(p: RawTxParts): Uint8Array {
  const extra = encodeExtra({
    era: p.era,
    nonce: p.nonce,
    tip: p.tip ?? 0n,
    metadataHashMode: p.metadataHashMode ?? 0,
  });
  const signature = p.sign(signingPayload(p.callBytes, extra, encodeImplicit(p.implicit)));
  const body = concatBytes(
    new Uint8Array([EXTRINSIC_VERSION, 0]),
    p.signer,
    new Uint8Array([p.scheme === 'ed25519' ? 0 : 1]),
    signature,
    extra,
    p.callBytes,
  );
  return concatBytes(encodeCompact(body.length), body);
}

/** An unsigned (bare, version 0x04) extrinsic carrying `callBytes`. */
export function unsignedExtrinsic(callBytes: Uint8Array): Uint8Array {
  const body = concatBytes(new Uint8Array([0x04]), callBytes);
  return concatBytes(encodeCompact(body.length), body);
}
