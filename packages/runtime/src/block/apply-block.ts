/**
 * Applies one block to the state, in the reference order: the block step (registration prices,
 * emission, coinbase and epochs, moving prices, root auto-claims) first, then each extrinsic.
 * A failing extrinsic pays its fee, bumps its nonce, and changes nothing else; its error is
 * recorded in its result. Anything that is not a RuntimeError is a bug and aborts the block.
 */
import type { AccountId } from '@taonet/primitives';
import { payAuthor } from '../balances/author-fee.js';
import { bumpNonce, debit } from '../balances/ledger.js';
import { RuntimeError, type RuntimeErrorInfo } from '../errors.js';
import { BlockNumber, ParentHash, Timestamp } from '../params/storage.js';
import type { State } from '../state/state.js';
import { Ctx } from '../system/context.js';
import { event, type RuntimeEvent } from '../system/events.js';
import { blockStep } from './block-step.js';
import { dispatch } from './dispatch.js';
import type { BlockInput, BlockResult, CheckedExtrinsic, ExtrinsicResult } from './extrinsic.js';
import type { Call } from '../system/call.js';
import { callDef } from './calls.js';

const ZERO_ACCOUNT = `0x${'00'.repeat(32)}` as AccountId;
import { type ValidExtrinsic, validateExtrinsic } from './validity.js';

export class InvalidBlockError extends Error {
  override readonly name = 'InvalidBlockError';
}

function errorInfo(e: unknown): RuntimeErrorInfo {
  if (e instanceof RuntimeError) return e.toJSON();
  throw e;
}

/** Applies one extrinsic inside `ctx`'s block; an invalid one changes nothing and pays nothing. */
export function applyExtrinsic(ctx: Ctx, x: CheckedExtrinsic): ExtrinsicResult {
  const v = validateExtrinsic(ctx.state, x);
  return v.ok ? applyValid(ctx, x, v.valid) : { ok: false, fee: 0n, events: [], error: v.error };
}

/** Charges, bumps the nonce and dispatches an extrinsic `validateExtrinsic` has just accepted. */
function applyValid(ctx: Ctx, x: CheckedExtrinsic, { fee }: ValidExtrinsic): ExtrinsicResult {
  const s = ctx.state;
  debit(s, x.signer, fee, 'InsufficientFeeBalance');
  payAuthor(ctx, fee);
  bumpNonce(s, x.signer);
  const before = ctx.events.length;
  s.checkpoint();
  try {
    dispatch(ctx, x.signer, x.call);
    s.commit();
    const events = ctx.events.splice(before);
    events.push(event('ExtrinsicSuccess', { method: x.call.method, signer: x.signer, fee }));
    return { ok: true, fee, events };
  } catch (e) {
    s.revert();
    ctx.events.splice(before);
    const error = errorInfo(e);
    return {
      ok: false,
      fee,
      events: [event('ExtrinsicFailed', { method: x.call.method, signer: x.signer, fee, error })],
      error,
    };
  }
}

/**
 * Runs a call without keeping anything (and without charging the fee): the typed error it would
 * fail with, or null if it would succeed. For the node's dryRun. Validity is checked as the pool
 * checks it (a nonce ahead of the account's may be filled by transactions still waiting).
 */
export function dryRun(state: State, block: BlockInput['header'], x: CheckedExtrinsic): RuntimeErrorInfo | null {
  const v = validateExtrinsic(state, x, { nonce: 'notStale' });
  if (!v.ok) return v.error;
  const ctx = new Ctx(state, block);
  state.checkpoint();
  try {
    dispatch(ctx, x.signer, x.call);
    return null;
  } catch (e) {
    return errorInfo(e);
  } finally {
    state.revert();
  }
}

/**
 * Builds a block step by step: the block step runs on open, then each extrinsic is tried; an
 * invalid one (bad nonce, cannot pay) is left out and changes nothing. The node's producer uses
 * this to fill blocks, and its importer to re-execute them (rejecting any with invalid ones).
 * Everything happens inside one journal frame, so `abort` undoes the whole block.
 */
export class BlockBuilder {
  readonly ctx: Ctx;
  readonly stepEvents: RuntimeEvent[];
  readonly results: ExtrinsicResult[] = [];
  private open = true;

  constructor(
    readonly state: State,
    header: BlockInput['header'],
  ) {
    const expected = state.value(BlockNumber) + 1n;
    if (header.number !== expected) throw new InvalidBlockError(`expected block ${expected}, got ${header.number}`);
    this.ctx = new Ctx(state, header);
    state.checkpoint();
    try {
      state.put(BlockNumber, header.number);
      state.put(ParentHash, header.parentHash);
      state.put(Timestamp, header.timestamp);
      blockStep(this.ctx);
      this.stepEvents = this.ctx.events.splice(0);
    } catch (e) {
      state.revert();
      this.open = false;
      throw e;
    }
  }

  /** Applies `x` if it is valid now; returns its result, or the reason it was left out. */
  push(
    x: CheckedExtrinsic,
  ): { included: true; result: ExtrinsicResult } | { included: false; error: RuntimeErrorInfo } {
    if (!this.open) throw new Error('block already finished');
    const v = validateExtrinsic(this.state, x);
    if (!v.ok) return { included: false, error: v.error };
    const result = applyValid(this.ctx, x, v.valid);
    this.results.push(result);
    return { included: true, result };
  }

  /**
   * Applies an inherent (a call the author makes in the block body without a signature, e.g.
   * MevShield.announce_next_key). Its result takes the next extrinsic position. An inherent that
   * fails makes the block invalid, as in Substrate.
   */
  applyInherent(call: Call): ExtrinsicResult {
    if (!this.open) throw new Error('block already finished');
    const def = callDef(call.method);
    if (def === undefined || def.signer !== 'inherent')
      throw new InvalidBlockError(`'${call.method}' is not an inherent`);
    const s = this.state;
    const before = this.ctx.events.length;
    s.checkpoint();
    try {
      def.run(this.ctx, this.ctx.block.author ?? ZERO_ACCOUNT, def.parse(call.args));
      s.commit();
    } catch (e) {
      s.revert();
      this.ctx.events.splice(before);
      throw new InvalidBlockError(`inherent ${call.method} failed: ${e instanceof RuntimeError ? e.code : String(e)}`);
    }
    const events = this.ctx.events.splice(before);
    events.push(event('ExtrinsicSuccess', { method: call.method, fee: 0n }));
    const result: ExtrinsicResult = { ok: true, fee: 0n, events };
    this.results.push(result);
    return result;
  }

  /** Keeps the block's writes. */
  finish(): BlockResult {
    if (!this.open) throw new Error('block already finished');
    this.open = false;
    this.state.commit();
    return { events: this.stepEvents, extrinsics: this.results };
  }

  /** Undoes the whole block. */
  abort(): void {
    if (!this.open) return;
    this.open = false;
    this.state.revert();
  }
}

/**
 * Applies a whole block. Throws InvalidBlockError (and changes nothing) if the block is out of
 * order. An extrinsic that is invalid at its position is recorded as failed with no fee.
 */
export function applyBlock(state: State, block: BlockInput): BlockResult {
  const builder = new BlockBuilder(state, block.header);
  try {
    for (const x of block.extrinsics) {
      const r = builder.push(x);
      if (!r.included) builder.results.push({ ok: false, fee: 0n, events: [], error: r.error });
    }
    return builder.finish();
  } catch (e) {
    builder.abort();
    throw e;
  }
}
