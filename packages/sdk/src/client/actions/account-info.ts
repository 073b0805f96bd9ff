import type { SdkError } from '../../errors.js';
import type { AccountInfoReply, StakePositionReply } from '@taonet/primitives';
import { Alpha, Price, Tao } from '../../units/balance.js';
import { toAccountHex, toSs58 } from '../address.js';
import { type ChainClient, request } from '../chain-client.js';
import { big } from '../decode.js';
import type { AccountInfo, StakePosition } from '../types.js';

/** An SS58 address or 0x public key. */
export type AccountInfoParameters = string;
export type AccountInfoResult = AccountInfo;
/** Thrown (SdkError `InvalidAddress`) for an address that is neither SS58 nor 0x hex. */
export type AccountInfoError = SdkError;

export function stakePositionOf(p: StakePositionReply): StakePosition {
  return {
    hotkey: toSs58(p.hotkey),
    netuid: p.netuid,
    symbol: p.symbol,
    alpha: new Alpha(big(p.alpha), p.netuid, p.symbol),
    price: new Price(big(p.price), p.netuid),
    taoValue: new Tao(big(p.taoValue)),
    rootClaimable: new Alpha(big(p.rootClaimable), p.netuid, p.symbol),
    take: p.take,
  };
}

export function accountInfoOf(hex: string, r: AccountInfoReply): AccountInfo {
  return {
    address: toSs58(hex),
    publicKey: hex,
    free: new Tao(big(r.free)),
    nonce: big(r.nonce),
    stakes: r.stakes.map(stakePositionOf),
    stakedTaoValue: new Tao(big(r.stakedTaoValue)),
  };
}

/**
 * Free TAO, nonce and every stake position of an account (alpha with its TAO value apart).
 *
 * @example
 * const info = await accountInfo(st, '5F3sa2TJ…');
 * for (const p of info.stakes) console.log(p.netuid, p.alpha.format(), p.taoValue.format());
 */
export async function accountInfo(client: ChainClient, address: AccountInfoParameters): Promise<AccountInfoResult> {
  const hex = toAccountHex(address);
  return accountInfoOf(hex, await request(client, 'taonet_accountInfo', [hex]));
}
