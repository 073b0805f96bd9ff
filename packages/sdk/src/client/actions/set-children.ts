import { SdkError } from '../../errors.js';
import { toAccountHex } from '../address.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

const U64_MAX = (1n << 64n) - 1n;

export interface SetChildrenParameters {
  /** The parent hotkey (owned by the signer's coldkey). */
  readonly hotkey: string;
  readonly netuid: number;
  /** At most 5; `proportion` in parts of u64::MAX, summing to at most u64::MAX. Empty: revoke all. */
  readonly children: readonly { readonly child: string; readonly proportion: bigint }[];
}
export type SetChildrenResult = TxResult;
/** Thrown: SdkError `InvalidAddress` or `InvalidArgument` (a proportion outside u64). Chain refusals come back in the result. */
export type SetChildrenError = SdkError;

/** A fraction in [0, 1] as parts of u64::MAX, rounded down (1 gives exactly u64::MAX). */
export function proportionFromFraction(fraction: number): bigint {
  if (!(fraction >= 0 && fraction <= 1)) {
    throw new SdkError('InvalidArgument', `proportion ${fraction} is not between 0 and 1`, 'give a fraction like 0.25');
  }
  if (fraction === 1) return U64_MAX;
  return (BigInt(Math.floor(fraction * 2 ** 53)) * U64_MAX) >> 53n;
}

/**
 * Schedules a hotkey's child hotkeys on a subnet; the chain applies them at the subnet's first
 * epoch after the cooldown (at once if the subnet has not started). An empty list revokes them.
 *
 * @example
 * await setChildren(st, cold, { hotkey, netuid: 2, children: [{ child, proportion: proportionFromFraction(0.5) }] });
 */
export function setChildren(
  client: ChainClient,
  signer: Signer,
  a: SetChildrenParameters,
  o?: SubmitOptions,
): Promise<SetChildrenResult> {
  const children = a.children.map((c) => {
    if (c.proportion < 0n || c.proportion > U64_MAX) {
      throw new SdkError('InvalidArgument', `proportion ${c.proportion} is outside u64`, 'use parts of u64::MAX');
    }
    return { proportion: c.proportion, child: toAccountHex(c.child) };
  });
  return submit(
    client,
    signer,
    { method: 'set_children', args: { hotkey: toAccountHex(a.hotkey), netuid: a.netuid, children } },
    o,
  );
}

/** Revokes every child of a hotkey on a subnet (after the same cooldown). */
export function revokeChildren(
  client: ChainClient,
  signer: Signer,
  a: Omit<SetChildrenParameters, 'children'>,
  o?: SubmitOptions,
): Promise<SetChildrenResult> {
  return setChildren(client, signer, { ...a, children: [] }, o);
}
