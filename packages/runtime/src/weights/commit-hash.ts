/**
 * The commit-reveal v2 hash (§10.2) as the chain stores it: the primitives' `weightsCommitHash`
 * (the one encoding the SDK uses too) over an account id, as hex.
 */
import {
  type AccountId,
  accountToBytes,
  toHex,
  weightsCommitHash as commitHash,
  weightsCommitPreimage as commitPreimage,
} from '@taonet/primitives';

export { netuidStorageIndex } from '../subnets/mechanism-index.js';

/** The preimage for a hotkey account id; the encoding itself is the primitives' one. */
export function weightsCommitPreimage(
  hotkey: AccountId,
  netuidIndex: number,
  uids: readonly number[],
  values: readonly number[],
  salt: readonly number[],
  versionKey: bigint,
): Uint8Array {
  return commitPreimage({
    hotkeyPublicKey: accountToBytes(hotkey),
    storageIndex: netuidIndex,
    uids,
    values,
    salt,
    versionKey,
  });
}

/** The commit hash as 0x-prefixed lowercase hex, as stored on chain. */
export function weightsCommitHash(
  hotkey: AccountId,
  netuidIndex: number,
  uids: readonly number[],
  values: readonly number[],
  salt: readonly number[],
  versionKey: bigint,
): string {
  return toHex(
    commitHash({ hotkeyPublicKey: accountToBytes(hotkey), storageIndex: netuidIndex, uids, values, salt, versionKey }),
  );
}
