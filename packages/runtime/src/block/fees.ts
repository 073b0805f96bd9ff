/** Transaction fees: a flat part plus a per-byte part, paid by the signer to the block author. */
import type { NetworkParams } from '../params/network-params.js';

export function transactionFee(params: NetworkParams, length: number, pays: boolean, tip = 0n): bigint {
  return (pays ? params.baseTxFee + params.txFeePerByte * BigInt(length) : 0n) + tip;
}
