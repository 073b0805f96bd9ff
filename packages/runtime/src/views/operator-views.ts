/** Read views of the operator's state: a coldkey's swap status and coldkey identities. */
import type { AccountId } from '@taonet/primitives';
import {
  type CommitmentField,
  CommitmentOf,
  type CommitmentRevealFailure,
  CommitmentRevealFailures,
  LastCommitment,
  type RevealedCommitment,
  RevealedCommitments,
} from '../commitments/storage.js';
import { type ChainIdentity, Identities } from '../identity/storage.js';
import { ColdkeySwapAnnouncements, ColdkeySwapDisputes, LastTxBlock } from '../key-swaps/storage.js';
import { BlockNumber } from '../params/storage.js';
import { type ProxyDefinition, Proxies } from '../proxy/storage.js';
import type { State } from '../state/state.js';

export interface ColdkeySwapStatus {
  readonly coldkey: AccountId;
  readonly announcement: { when: bigint; newColdkeyHash: string } | null;
  readonly disputedAt: bigint | null;
  readonly block: bigint;
  readonly lastHotkeySwap: bigint;
}

export function coldkeySwapStatus(s: State, coldkey: AccountId): ColdkeySwapStatus {
  return {
    coldkey,
    announcement: s.get(ColdkeySwapAnnouncements, coldkey),
    disputedAt: s.get(ColdkeySwapDisputes, coldkey),
    block: s.value(BlockNumber),
    lastHotkeySwap: s.get(LastTxBlock, coldkey),
  };
}

export function identityOf(s: State, coldkey: AccountId): ChainIdentity | null {
  return s.get(Identities, coldkey);
}

export function allIdentities(s: State): { coldkey: AccountId; identity: ChainIdentity }[] {
  return s
    .entries(Identities)
    .filter((e): e is [string, ChainIdentity] => e[1] !== null)
    .map(([coldkey, identity]) => ({ coldkey: coldkey as AccountId, identity }));
}

export interface CommitmentView {
  readonly hotkey: AccountId;
  readonly netuid: number;
  readonly fields: readonly CommitmentField[];
  readonly block: bigint;
}

/** One hotkey's commitment with its timelocked fields' fate: still sealed, revealed, or failed. */
export interface CommitmentDetailView extends CommitmentView {
  /** Rounds of the timelocked fields still waiting for their pulse. */
  readonly pendingRounds: readonly bigint[];
  readonly revealed: readonly RevealedCommitment[];
  readonly revealFailures: readonly CommitmentRevealFailure[];
}

/**
 * The commitment (fields empty once all were timelocked and revealed) with its reveals; null when
 * the hotkey has neither a commitment nor a reveal or failure on record.
 */
export function commitmentOf(s: State, netuid: number, hotkey: AccountId): CommitmentDetailView | null {
  const c = s.get(CommitmentOf, [netuid, hotkey]);
  const revealed = s.get(RevealedCommitments, [netuid, hotkey]);
  const revealFailures = s.get(CommitmentRevealFailures, [netuid, hotkey]);
  if (c === null && revealed.length === 0 && revealFailures.length === 0) return null;
  const fields = c?.fields ?? [];
  const pendingRounds = fields.flatMap((f) => (f.kind === 'timelockEncrypted' ? [f.revealRound] : []));
  const block = c?.block ?? s.get(LastCommitment, [netuid, hotkey]);
  return { hotkey, netuid, fields, block, pendingRounds, revealed, revealFailures };
}

/** Every commitment on a subnet, in key order. */
export function commitmentsOf(s: State, netuid: number): CommitmentView[] {
  const prefix = `${netuid}/`;
  return s
    .entriesWithPrefix(CommitmentOf, prefix)
    .filter((e): e is [string, NonNullable<(typeof e)[1]>] => e[1] !== null)
    .map(([key, c]) => ({ hotkey: key.slice(prefix.length) as AccountId, netuid, fields: c.fields, block: c.block }));
}

export function proxiesOf(s: State, real: AccountId): ProxyDefinition[] {
  return s.get(Proxies, real);
}
