import type { SdkError } from '../../errors.js';
import type { Tao } from '../../units/balance.js';
import type { ChainClient } from '../chain-client.js';
import { accountInfo } from './account-info.js';

/** An SS58 address or 0x public key. */
export type BalanceParameters = string;
export type BalanceResult = Tao;
/** Thrown (SdkError `InvalidAddress`) for an address that is neither SS58 nor 0x hex. */
export type BalanceError = SdkError;

/**
 * Free TAO of an account.
 *
 * @example
 * console.log((await balance(st, bob.ss58Address)).format(2)); // τ1,000,000
 */
export async function balance(client: ChainClient, address: BalanceParameters): Promise<BalanceResult> {
  return (await accountInfo(client, address)).free;
}
