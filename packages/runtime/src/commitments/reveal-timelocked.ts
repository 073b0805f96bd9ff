/**
 * The chain's own reveal of timelocked commitment fields, run at every block (the reference does it
 * in the commitments pallet's block initialisation). A `timelockEncrypted` field whose round's pulse
 * is on chain is decrypted with that pulse's signature (the same tlock decryption as timelocked
 * weights) and leaves CommitmentOf: its plaintext is appended to RevealedCommitments with the
 * block, or, if it does not decrypt, the failure is kept in CommitmentRevealFailures and announced
 * by `CommitmentRevealFailed`: never dropped silently. A commitment left with no fields is removed.
 * Fields whose pulse is not there yet stay and are retried every block. Only commitments listed in
 * TimelockedIndex are looked at.
 */
import { type AccountId, DrandError, fromHex, timelockDecrypt, toHex } from '@taonet/primitives';
import { Pulses } from '../drand/storage.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import {
  type CommitmentField,
  CommitmentOf,
  CommitmentRevealFailures,
  MAX_REVEALS,
  RevealedCommitments,
  TimelockedIndex,
} from './storage.js';

type Sealed = Extract<CommitmentField, { kind: 'timelockEncrypted' }>;
type Outcome = { ok: true; plaintext: Uint8Array } | { ok: false; reason: string; detail: string };

export function revealTimelockedCommitments(ctx: Ctx): void {
  const s = ctx.state;
  const index = s.value(TimelockedIndex);
  const stillSealed: string[] = [];
  for (const key of index) {
    const slash = key.indexOf('/');
    const netuid = Number(key.slice(0, slash));
    const hotkey = key.slice(slash + 1) as AccountId;
    const record = s.get(CommitmentOf, [netuid, hotkey]);
    if (record === null) continue;
    if (record.fields.some((f) => f.kind === 'timelockEncrypted' && !isDue(ctx, f))) stillSealed.push(key);
    if (!record.fields.some((f) => isDue(ctx, f))) continue;
    const remaining: CommitmentField[] = [];
    for (const f of record.fields) {
      if (!isDue(ctx, f)) {
        remaining.push(f);
        continue;
      }
      const sealed = f as Sealed;
      const outcome = decrypt(ctx, sealed);
      if (outcome.ok) {
        const kept = s.get(RevealedCommitments, [netuid, hotkey]);
        const entry = { data: toHex(outcome.plaintext), block: ctx.now };
        s.set(RevealedCommitments, [netuid, hotkey], [...kept, entry].slice(-MAX_REVEALS));
        ctx.emit(event('CommitmentRevealed', { netuid, who: hotkey }));
      } else {
        const kept = s.get(CommitmentRevealFailures, [netuid, hotkey]);
        const failure = {
          revealRound: sealed.revealRound,
          block: ctx.now,
          reason: outcome.reason,
          detail: outcome.detail,
        };
        s.set(CommitmentRevealFailures, [netuid, hotkey], [...kept, failure].slice(-MAX_REVEALS));
        ctx.emit(
          event('CommitmentRevealFailed', {
            netuid,
            who: hotkey,
            revealRound: sealed.revealRound,
            reason: outcome.reason,
            detail: outcome.detail,
          }),
        );
      }
    }
    if (remaining.length === 0) s.set(CommitmentOf, [netuid, hotkey], null);
    else s.set(CommitmentOf, [netuid, hotkey], { ...record, fields: remaining });
  }
  if (stillSealed.length !== index.length) s.put(TimelockedIndex, stillSealed);
}

function isDue(ctx: Ctx, f: CommitmentField): boolean {
  return f.kind === 'timelockEncrypted' && ctx.state.get(Pulses, f.revealRound) !== null;
}

function decrypt(ctx: Ctx, f: Sealed): Outcome {
  const pulse = ctx.state.get(Pulses, f.revealRound);
  if (pulse === null) throw new Error('unreachable: the field was due');
  let plaintext: Uint8Array;
  try {
    plaintext = timelockDecrypt(fromHex(f.data), pulse.signature);
  } catch (e) {
    if (e instanceof DrandError) return { ok: false, reason: e.code, detail: e.message };
    throw e;
  }
  if (plaintext.length === 0)
    return { ok: false, reason: 'EmptyPlaintext', detail: 'the ciphertext decrypts to no bytes' };
  return { ok: true, plaintext };
}
