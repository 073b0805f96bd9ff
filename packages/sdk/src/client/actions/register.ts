import type { SdkError } from '../../errors.js';
import type { Tao } from '../../units/balance.js';
import { toAccountHex } from '../address.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type CallSpec, type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

export interface RegisterParameters {
  readonly netuid: number;
  /** SS58 or 0x hex. */
  readonly hotkey: string;
  /** Refuse if registration costs more than this. */
  readonly maxPrice?: Tao;
}
export type RegisterResult = TxResult;
/** Thrown: SdkError `InvalidAddress`. Chain refusals come back in the result (`ok: false`, `code`, `hint`). */
export type RegisterError = SdkError;

/** Root has its own registration call; every other subnet burns. */
function registrationCall(a: RegisterParameters): CallSpec {
  const hotkey = toAccountHex(a.hotkey);
  if (a.netuid === 0) return { method: 'root_register', args: { hotkey } };
  const args: Record<string, unknown> = { netuid: a.netuid, hotkey };
  if (a.maxPrice !== undefined) args.limitPrice = a.maxPrice.rao;
  return { method: 'burned_register', args };
}

/**
 * Burned registration of `hotkey` on `netuid` (root: root registration), paid by the coldkey `signer`; fails above `maxPrice`.
 *
 * @example
 * await register(st, alice, { netuid: 1, hotkey: minerHot.ss58Address, maxPrice: Tao.of('1') });
 */
export function register(
  client: ChainClient,
  signer: Signer,
  a: RegisterParameters,
  o?: SubmitOptions,
): Promise<RegisterResult> {
  return submit(client, signer, registrationCall(a), o);
}
