/**
 * Turns a behaviour's weights into the calls a real validator would send: u16 values scaled so the
 * largest is 65535 (as the SDK does), then `set_weights`, or with commit-reveal a `commit_weights`
 * of the weights' hash now and its `reveal_weights` in the reveal epoch.
 */
import type { AccountId } from '@taonet/primitives';
import { netuidStorageIndex, weightsCommitHash } from '@taonet/runtime';
import type { Rng } from '../rng.js';

export interface WeightsU16 {
  readonly uids: number[];
  readonly values: number[];
}

export function toU16(weights: readonly number[]): WeightsU16 | null {
  let max = 0;
  for (const w of weights) if (w > max) max = w;
  if (!(max > 0) || !Number.isFinite(max)) return null;
  const uids: number[] = [];
  const values: number[] = [];
  weights.forEach((w, uid) => {
    const v = Math.round((w / max) * 65535);
    if (v > 0) {
      uids.push(uid);
      values.push(v);
    }
  });
  return { uids, values };
}

export interface PendingReveal {
  readonly dueEpoch: number;
  readonly args: { netuid: number; uids: number[]; values: number[]; salt: number[]; versionKey: bigint };
}

export function commitFor(
  hotkey: AccountId,
  netuid: number,
  w: WeightsU16,
  versionKey: bigint,
  rng: Rng,
): { hash: string; args: PendingReveal['args'] } {
  const salt = Array.from({ length: 8 }, () => rng.int(65536));
  const hash = weightsCommitHash(hotkey, netuidStorageIndex(netuid), w.uids, w.values, salt, versionKey);
  return { hash, args: { netuid, uids: w.uids, values: w.values, salt, versionKey } };
}
