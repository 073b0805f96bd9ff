/**
 * The one validity rule for a transaction: its call exists, its nonce is in order, its signer can
 * pay the fee, and an admin call is signed by the admin. The node's pool (at the door), block
 * building (`BlockBuilder.push`), `applyExtrinsic` and `dryRun` all ask this function; none keeps
 * a copy. The pool adds only what is about pools (how far ahead a nonce may wait, pool size, tips).
 */
import { amountText, taoAmount } from '../amounts.js';
import { freeBalance, nonceOf } from '../balances/ledger.js';
import { RuntimeError, type RuntimeErrorInfo } from '../errors.js';
import { Params, SudoKey } from '../params/storage.js';
import type { State } from '../state/state.js';
import type { CallDef } from '../system/call.js';
import { callDef } from './calls.js';
import type { CheckedExtrinsic } from './extrinsic.js';
import { transactionFee } from './fees.js';

export interface ValidityOptions {
  /**
   * 'exact' (the default) for inclusion now. 'notStale' for the pool and dry-runs, where
   * transactions waiting ahead of this one may still fill the gap: a nonce above the account's
   * is accepted and the caller decides how far ahead is too far.
   */
  readonly nonce?: 'exact' | 'notStale';
}

/** What validation learnt, so the caller does not look it up again. */
export interface ValidExtrinsic {
  readonly def: CallDef<unknown>;
  /** Fee plus tip, in rao. */
  readonly fee: bigint;
  /** The account's next nonce in this state. */
  readonly accountNonce: bigint;
}

export type Validity =
  | { readonly ok: true; readonly valid: ValidExtrinsic }
  | { readonly ok: false; readonly error: RuntimeErrorInfo };

const refuse = (e: RuntimeError): Validity => ({ ok: false, error: e.toJSON() });

/** Checks `x` against `state` without changing anything. */
export function validateExtrinsic(state: State, x: CheckedExtrinsic, options: ValidityOptions = {}): Validity {
  const def = callDef(x.call.method);
  if (def === undefined) {
    const hint = 'taonet_calls lists the calls this chain accepts';
    return refuse(new RuntimeError('CallDisabled', `unknown call '${x.call.method}'`, hint));
  }
  if (def.signer === 'inherent') {
    const hint = 'the block author makes this call itself in every block';
    return refuse(new RuntimeError('InherentOnly', undefined, hint));
  }
  const accountNonce = nonceOf(state, x.signer);
  const nonceHint = `the account nonce is ${accountNonce}`;
  if (x.nonce < accountNonce)
    return refuse(new RuntimeError('StaleNonce', `nonce ${x.nonce} was already used`, nonceHint));
  if (x.nonce > accountNonce && options.nonce !== 'notStale')
    return refuse(new RuntimeError('FutureNonce', `nonce ${x.nonce} is ahead of the account`, nonceHint));
  const fee = transactionFee(state.value(Params), x.length, def.pays, x.tip ?? 0n);
  const free = freeBalance(state, x.signer);
  if (free < fee) {
    const explanation = `the fee is ${amountText(taoAmount(fee), 'up')} but the account holds ${amountText(taoAmount(free))}`;
    const data = { amounts: { fee: taoAmount(fee), free: taoAmount(free) } };
    return refuse(
      new RuntimeError('InsufficientFeeBalance', explanation, 'fund the account with free TAO first', data),
    );
  }
  if (def.signer === 'admin' && state.value(SudoKey) !== x.signer) {
    const hint = 'sign it with the admin (sudo) key';
    return refuse(new RuntimeError('BadOrigin', 'only the admin account may call this', hint));
  }
  return { ok: true, valid: { def, fee, accountNonce } };
}
