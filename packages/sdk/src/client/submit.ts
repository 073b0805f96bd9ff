/**
 * The write path every action shares: sign with the next nonce and a mortal era, dry-run first
 * (a doomed transaction costs nothing), submit and watch, and resolve once with a `TxResult` —
 * from the block's recorded result, or from the one failure builder below.
 */
import type { ErrorReply, ExtrinsicResultReply, ExtrinsicUpdateReply, RuntimeVersionReply } from '@taonet/primitives';
import { eraBirth, mortalEra, signExtrinsic, signerKeyFault, toHex as pToHex } from '@taonet/primitives';
import { fromHex, toHex } from '../bytes.js';
import { SdkError, SignerKeyRefused } from '../errors.js';
import { submitShielded } from './shielded-submit.js';
import { Tao } from '../units/balance.js';
import { head } from './actions/head.js';
import { type ChainClient, request } from './chain-client.js';
import { big } from './decode.js';
import { RpcCallError } from './json-rpc.js';
import type { Signer } from './signer.js';
import type { TxResult } from './types.js';

export interface SubmitOptions {
  /** Resolve once the extrinsic is in a block (default) or once that block is final. */
  readonly wait?: 'inBlock' | 'finalized';
  /** Dry-run first and return the typed error without paying a fee (default true). */
  readonly precheck?: boolean;
  readonly tip?: bigint;
  /** Blocks the transaction stays valid for (default 64). */
  readonly period?: number;
  /** Give up waiting after this long (ms, default 60 s). */
  readonly timeoutMs?: number;
  /**
   * Send it through the MEV shield: encrypted to the block author's announced key, so nobody sees
   * it before it runs (a stake trade cannot be front-run). Default false here; the CLI turns it on
   * for stake and registration commands, as btcli does. 'prefer' shields when the chain announces a
   * key and otherwise sends it in the clear, saying so in the result's `notice`.
   */
  readonly shield?: boolean | 'prefer';
  /** Sign with this nonce instead of the node's next one (the shielded path signs two in a row). */
  readonly nonce?: bigint;
}

/** A call as the runtime dispatches it: its name and named arguments. */
export interface CallSpec {
  readonly method: string;
  readonly args: Record<string, unknown>;
}

/**
 * The one shape of a write that did not make it: where it stopped (null: unknown, e.g. a timeout)
 * and the chain's typed reason.
 */
export function txFailure(stage: NonNullable<TxResult['stage']> | null, error: ErrorReply, txHash: string): TxResult {
  const data = errorData(error);
  return {
    ok: false,
    ...(stage === null ? {} : { stage }),
    code: error.code,
    explanation: error.explanation,
    ...(error.hint === undefined ? {} : { hint: error.hint }),
    ...(data === undefined ? {} : { data }),
    txHash,
    events: [],
  };
}

/** The exact values an error carries: a block result's `data`, or an RPC error's `details`. */
function errorData(e: ErrorReply | RpcCallError): Readonly<Record<string, unknown>> | undefined {
  if (e instanceof RpcCallError) return e.details;
  return e.data ?? e.details;
}

interface Included {
  readonly blockHash: string;
  readonly number: bigint;
  readonly index: number;
}

/** The outcome the block recorded for the extrinsic at `at`. */
export function blockOutcome(r: ExtrinsicResultReply | null, at: Included, txHash: string): TxResult {
  const data = r?.error === undefined ? undefined : errorData(r.error);
  return {
    ok: r?.ok ?? false,
    stage: 'block',
    ...(r?.error === undefined
      ? {}
      : {
          code: r.error.code,
          explanation: r.error.explanation,
          ...(r.error.hint === undefined ? {} : { hint: r.error.hint }),
          ...(data === undefined ? {} : { data }),
        }),
    txHash,
    blockHash: at.blockHash,
    blockNumber: at.number,
    events: r?.events ?? [],
    ...(r === null ? {} : { fee: new Tao(big(r.fee)) }),
  };
}

/** The runtime version a client signs for, read once per connection. */
const versions = new WeakMap<ChainClient, Promise<RuntimeVersionReply>>();
function runtimeVersion(client: ChainClient): Promise<RuntimeVersionReply> {
  let v = versions.get(client);
  if (v === undefined) {
    v = request(client, 'state_getRuntimeVersion');
    versions.set(client, v);
    v.catch(() => versions.delete(client));
  }
  return v;
}

export async function signCall(client: ChainClient, signer: Signer, call: CallSpec, o: SubmitOptions) {
  const who = toHex(signer.publicKey);
  const [nonce, h, rv] = await Promise.all([
    o.nonce ?? request(client, 'system_accountNextIndex', [who]),
    head(client),
    runtimeVersion(client),
  ]);
  // A mortal era counted from the head: its birth block is the head, whose hash we already have.
  const era = mortalEra(h.number, o.period ?? 64);
  const birth = eraBirth(era, h.number);
  const birthHash = birth === h.number ? h.hash : await request(client, 'chain_getBlockHash', [Number(birth)]);
  if (birthHash === null) throw new SdkError('UnknownBlock', `block ${birth} is not known to the node`);
  return signExtrinsic(
    { signer: who as never, nonce: typeof nonce === 'bigint' ? nonce : big(nonce), era, tip: o.tip ?? 0n, call },
    (m) => signer.sign(m),
    {
      specVersion: rv.specVersion,
      transactionVersion: rv.transactionVersion,
      genesisHash: fromHex(client.genesisHash),
      birthHash: fromHex(birthHash),
    },
  );
}

/** Submits signed bytes and follows the pool's updates until the wanted stage, a failure or the deadline. */
export function watch(client: ChainClient, hex: string, txHash: string, o: SubmitOptions): Promise<TxResult> {
  const wait = o.wait ?? 'inBlock';
  const timeoutMs = o.timeoutMs ?? 60_000;
  return new Promise<TxResult>((resolve) => {
    let done = false;
    let unsubscribe: (() => Promise<void>) | null = null;
    const finish = (r: TxResult): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void unsubscribe?.();
      resolve(r);
    };
    const timeout: ErrorReply = {
      code: 'Timeout',
      explanation: `no ${wait} confirmation within ${timeoutMs} ms`,
      hint: `look it up later by hash ${txHash}`,
    };
    const timer = setTimeout(() => finish(txFailure(null, timeout, txHash)), timeoutMs);
    // The node's pool says where the transaction went; its status view has the result or the reason.
    const settle = async (): Promise<void> => {
      const st = await request(client, 'taonet_extrinsicStatus', [txHash]);
      if (st === null) return;
      if (st.status === 'inBlock') {
        const at = { blockHash: st.blockHash, number: big(st.number), index: st.index };
        finish(blockOutcome(st.result, at, txHash));
      } else if (st.status === 'dropped' || st.status === 'invalid') {
        finish(txFailure('pool', st.error, txHash));
      }
    };
    const fail = (e: unknown): void => {
      const err = e instanceof RpcCallError || e instanceof SdkError ? e : new SdkError('SubmitFailed', String(e));
      finish(txFailure('pool', err, txHash));
    };
    const onUpdate = (update: unknown): void => {
      const u = update as ExtrinsicUpdateReply;
      if (typeof u === 'string') {
        if (u === 'dropped' || u === 'invalid') settle().catch(fail);
      } else if ('inBlock' in u) {
        if (wait === 'inBlock') settle().catch(fail);
      } else if ('finalized' in u) {
        if (wait === 'finalized') settle().catch(fail);
      }
    };
    client.rpc
      .subscribe('author_submitAndWatchExtrinsic', [hex], 'author_unwatchExtrinsic', onUpdate)
      .then((u) => {
        unsubscribe = u;
        if (done) void u();
      })
      .catch(fail);
  });
}

/**
 * Signs and submits a call; resolves with what happened to it.
 * @throws SignerKeyRefused (before any request) when the signer is the all-zero or a non-canonical key.
 *
 * @example
 * const r = await submit(st, alice, { method: 'transfer', args: { dest, amount: 10n ** 9n } });
 * if (!r.ok) console.log(r.stage, r.code, r.hint);
 */
export async function submit(
  client: ChainClient,
  signer: Signer,
  call: CallSpec,
  o: SubmitOptions = {},
): Promise<TxResult> {
  // The signer-key rule: the node would refuse the all-zero key anyway; say so before any request.
  const fault = signerKeyFault(signer.publicKey);
  if (fault !== null) throw new SignerKeyRefused(fault);
  if (o.shield === true || o.shield === 'prefer') {
    const r = await submitShielded(client, signer, call, o);
    if (o.shield === true || r.code !== 'ShieldKeyUnavailable') return r;
    const plain = await submit(client, signer, call, { ...o, shield: false });
    return { ...plain, notice: 'MEV protection unavailable (the chain announces no shield key): sent unshielded' };
  }
  const tx = await signCall(client, signer, call, o);
  const hex = pToHex(tx.bytes);
  if (o.precheck ?? true) {
    const err = await request(client, 'taonet_dryRun', [hex]);
    if (err !== null) return txFailure('precheck', err, tx.hash);
  }
  return watch(client, hex, tx.hash, o);
}
