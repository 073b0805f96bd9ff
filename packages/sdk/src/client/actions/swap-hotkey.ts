import type { SdkError } from '../../errors.js';
import { toAccountHex } from '../address.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

export interface SwapHotkeyParameters {
  /** The hotkey to retire (owned by the signer). */
  readonly hotkey: string;
  readonly newHotkey: string;
  /** Swap on this subnet only; omitted = every subnet (the full cost). */
  readonly netuid?: number;
}
export type SwapHotkeyResult = TxResult;
/** Thrown: SdkError `InvalidAddress`. Chain refusals come back in the result (`ok: false`, `code`, `hint`). */
export type SwapHotkeyError = SdkError;

/**
 * Moves everything a hotkey has (uids, stake, children, take, ownership) to a new hotkey, on every subnet or one.
 *
 * @example
 * await swapHotkey(st, cold, { hotkey: old, newHotkey: fresh });
 */
export function swapHotkey(
  client: ChainClient,
  signer: Signer,
  a: SwapHotkeyParameters,
  o?: SubmitOptions,
): Promise<SwapHotkeyResult> {
  return submit(
    client,
    signer,
    {
      method: 'swap_hotkey',
      args: {
        hotkey: toAccountHex(a.hotkey),
        newHotkey: toAccountHex(a.newHotkey),
        ...(a.netuid === undefined ? {} : { netuid: a.netuid }),
      },
    },
    o,
  );
}
