import type { SdkError } from '../../errors.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

export type ClearColdkeySwapAnnouncementParameters = Record<string, never>;
export type ClearColdkeySwapAnnouncementResult = TxResult;
/** Thrown: SdkError `InvalidAddress`. Chain refusals come back in the result (`ok: false`, `code`, `hint`). */
export type ClearColdkeySwapAnnouncementError = SdkError;

/**
 * Withdraws the signer's announced coldkey swap (allowed once the re-announcement delay after it has passed).
 *
 * @example
 * await clearColdkeySwapAnnouncement(st, cold, {});
 */
export function clearColdkeySwapAnnouncement(
  client: ChainClient,
  signer: Signer,
  _a: ClearColdkeySwapAnnouncementParameters,
  o?: SubmitOptions,
): Promise<ClearColdkeySwapAnnouncementResult> {
  return submit(client, signer, { method: 'clear_coldkey_swap_announcement', args: {} }, o);
}
