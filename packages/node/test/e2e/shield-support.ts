/**
 * What the MEV-shield e2e tests share: reading NextKey, signing inner extrinsics and carriers
 * against the node's head, encrypting, and reading back where an extrinsic landed.
 */
import { randomBytes } from 'node:crypto';
import {
  type Call,
  encryptShieldBlob,
  fromHex,
  IMMORTAL,
  mortalEra,
  type SignedExtrinsic,
  signExtrinsic,
} from '@taonet/primitives';
import { sign } from '../../src/crypto.js';
import { SPEC_VERSION, TRANSACTION_VERSION } from '../../src/substrate/runtime-version.js';
import type { Key, NodeProcess } from './harness.js';

/** twox128("MevShield") ‖ twox128("NextKey"). */
export const NEXT_KEY_STORAGE = '0x9e94fc9ecf3c8d51c7baba39080fb4339ab50f1d245f1373b95e2a965fa883ac';

/** NextKey's value at the head: the SCALE Vec<u8> of the 1184-byte key, without its Compact(1184). */
export async function readNextKey(node: NodeProcess): Promise<Uint8Array> {
  const hex = await node.rpc<string | null>('state_getStorage', [NEXT_KEY_STORAGE]);
  if (hex === null) throw new Error('NextKey is not set');
  return fromHex(hex).slice(2);
}

export interface SignOptions {
  /** Era period (0: immortal); 8 as the clients do. */
  readonly era?: number;
  /** Birth block of the era (default: the head). */
  readonly birth?: bigint;
  /** Sign with this key instead of the signer's own (a forged signature). */
  readonly signWith?: Key;
}

/** `signer` signs `call` with `nonce`, mortal from the head (or `o.birth`). */
export async function signCall(
  node: NodeProcess,
  signer: Key,
  call: Call,
  nonce: bigint,
  o: SignOptions = {},
): Promise<SignedExtrinsic> {
  const era = o.era ?? 8;
  const birth = o.birth ?? (await node.head()).number;
  const birthHash = era === 0 ? node.genesisHash : await node.rpc<string>('chain_getBlockHash', [Number(birth)]);
  const by = o.signWith ?? signer;
  return signExtrinsic(
    { signer: signer.id, nonce, era: era === 0 ? IMMORTAL : mortalEra(birth, era), tip: 0n, call },
    (m) => sign(by.kp, m),
    {
      specVersion: SPEC_VERSION,
      transactionVersion: TRANSACTION_VERSION,
      genesisHash: fromHex(node.genesisHash),
      birthHash: fromHex(birthHash),
    },
  );
}

/** A blob for `pk` with fresh randomness, as a client makes it. */
export const encryptTo = (pk: Uint8Array, inner: Uint8Array): Uint8Array =>
  encryptShieldBlob(pk, inner, { encapsulation: randomBytes(32), nonce: randomBytes(24) });

/** `signer`'s carrier for `blob` with its next nonce (or `nonce`). */
export async function carrierFor(
  node: NodeProcess,
  signer: Key,
  blob: Uint8Array,
  nonce?: bigint,
): Promise<SignedExtrinsic> {
  return signCall(
    node,
    signer,
    { method: 'submit_encrypted', args: { ciphertext: blob } },
    nonce ?? (await node.nextNonce(signer)),
  );
}

export const freeOf = async (node: NodeProcess, who: Key): Promise<bigint> =>
  BigInt((await node.rpc<{ free: string }>('taonet_accountInfo', [who.id])).free);

/** The block and index an extrinsic landed at, or null (pending, dropped, unknown). */
export async function landedAt(node: NodeProcess, txHash: string): Promise<{ number: number; index: number } | null> {
  const st = await node.rpc<{ status: string; number: string; index: number } | null>('taonet_extrinsicStatus', [
    txHash,
  ]);
  return st?.status === 'inBlock' ? { number: Number(st.number), index: st.index } : null;
}

export interface BlockEvents {
  readonly extrinsics: { ok: boolean; fee: string; events: { name: string; data: Record<string, unknown> }[] }[];
}

export const eventsOf = (node: NodeProcess, number: number): Promise<BlockEvents> =>
  node.rpc<BlockEvents>('taonet_getEvents', [number]);
