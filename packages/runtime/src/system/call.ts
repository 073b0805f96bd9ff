/**
 * A call definition: who must sign it, whether it pays the transaction fee, how its arguments are
 * read, and what it does. Definitions are data, so the dispatcher, the RPC docs and the dry-run
 * path all read the same table.
 */
import type { AccountId } from '@taonet/primitives';
import type { Ctx } from './context.js';
import type { Args } from './args.js';

/** `inherent`: made by the block author in the block body, never by a signed transaction. */
export type SignerRole = 'coldkey' | 'hotkey' | 'admin' | 'inherent';

export interface CallDef<A> {
  readonly name: string;
  /** Which key signs: the coldkey (funds), the hotkey (neuron actions), the admin account, or none (an inherent). */
  readonly signer: SignerRole;
  /** Free calls (weights, serving) pay no transaction fee, as in the reference chain. */
  readonly pays: boolean;
  /**
   * Also accepted with Root origin (a call Sudo dispatches): the owner-or-admin calls and the
   * batches. Admin calls always accept Root; every other call needs a signer (BadOrigin under Root).
   */
  readonly root?: boolean;
  readonly description: string;
  readonly parse: (args: Args) => A;
  readonly run: (ctx: Ctx, who: AccountId, args: A) => void;
}

/** Keeps the argument type between parse and run while storing definitions in one table. */
export function defineCall<A>(def: CallDef<A>): CallDef<unknown> {
  return def as unknown as CallDef<unknown>;
}

/** A call as it travels: a method name and plain-data arguments. */
export interface Call {
  readonly method: string;
  readonly args: Args;
}
