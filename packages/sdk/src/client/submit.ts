/**
 * The write path every action shares: sign with the next nonce and a mortal era, dry-run first
 * (a doomed transaction costs nothing), submit and watch, and resolve once with a `TxResult` —
 * from the block's recorded result, or from the one failure builder below.
 */
import type { BlockResultReply, ErrorReply, ExtrinsicUpdateReply } from '@taonet/primitives';
import { signExtrinsic, signerKeyFault, toHex as pToHex } from '@taonet/primitives';
import { fromHex, toHex } from '../bytes.js';
import { SdkError, SignerKeyRefused } from '../errors.js';
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
function blockOutcome(ev: BlockResultReply | null, at: Included, txHash: string): TxResult {
  const r = ev?.extrinsics[at.index];
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
    ...(r === undefined ? {} : { fee: new Tao(big(r.fee)) }),
  };
}

async function signCall(client: ChainClient, signer: Signer, call: CallSpec, o: SubmitOptions) {
  const who = toHex(signer.publicKey);
  const [nonce, h] = await Promise.all([request(client, 'system_accountNextIndex', [who]), head(client)]);
  return signExtrinsic(
    {
      signer: who as never,
      nonce: big(nonce),
      era: { birth: h.number, period: o.period ?? 64 },
      tip: o.tip ?? 0n,
      call,
    },
    (m) => signer.sign(m),
    fromHex(client.genesisHash),
  );
}

/** Submits signed bytes and follows the pool's updates until the wanted stage, a failure or the deadline. */
function watch(client: ChainClient, hex: string, txHash: string, o: SubmitOptions): Promise<TxResult> {
  const wait = o.wait ?? 'inBlock';
  const timeoutMs = o.timeoutMs ?? 60_000;
  return new Promise<TxResult>((resolve) => {
    let done = false;
    let unsubscribe: (() => Promise<void>) | null = null;
    let included: Included | null = null;
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
    const settle = async (): Promise<void> => {
      const at = included;
      if (at === null) return;
      finish(blockOutcome(await request(client, 'taonet_getEvents', [at.blockHash]), at, txHash));
    };
    const onUpdate = (update: unknown): void => {
      const u = update as ExtrinsicUpdateReply;
      if (u.type === 'inBlock') {
        included = { blockHash: u.blockHash, number: big(u.number), index: u.index };
        if (wait === 'inBlock') void settle();
      } else if (u.type === 'finalized') {
        if (wait === 'finalized') void settle();
      } else if (u.type === 'dropped' || u.type === 'invalid') {
        const e = u.type === 'dropped' ? u.reason : u.error;
        finish(txFailure('pool', e ?? { code: 'Dropped', explanation: 'the pool dropped the transaction' }, txHash));
      }
    };
    client.rpc
      .subscribe('author_submitAndWatchExtrinsic', [hex], 'author_unwatchExtrinsic', onUpdate)
      .then((u) => {
        unsubscribe = u;
        if (done) void u();
      })
      .catch((e: unknown) => {
        const err = e instanceof RpcCallError || e instanceof SdkError ? e : new SdkError('SubmitFailed', String(e));
        finish(txFailure('pool', err, txHash));
      });
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
  const tx = await signCall(client, signer, call, o);
  const hex = pToHex(tx.bytes);
  if (o.precheck ?? true) {
    const err = await request(client, 'taonet_dryRun', [hex]);
    if (err !== null) return txFailure('precheck', err, tx.hash);
  }
  return watch(client, hex, tx.hash, o);
}
