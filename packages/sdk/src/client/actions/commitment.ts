import type { CommitmentReply } from '@taonet/primitives';
import { fromHex } from '../../bytes.js';
import type { SdkError } from '../../errors.js';
import { toAccountHex, toSs58 } from '../address.js';
import { type ChainClient, request } from '../chain-client.js';
import { big } from '../decode.js';
import type { CommitmentField } from './set-commitment.js';

export interface CommitmentParameters {
  readonly netuid: number;
  /** SS58 or 0x hex. */
  readonly hotkey: string;
}

/** A sealed field the chain opened at its round: the plaintext and the block it was revealed in. */
export interface RevealedCommitment {
  readonly data: Uint8Array;
  /** The plaintext as UTF-8 text, or null when it is not valid UTF-8. */
  readonly text: string | null;
  readonly block: bigint;
}

/** A sealed field that did not open at its round, and why (never dropped silently). */
export interface CommitmentRevealFailure {
  readonly revealRound: bigint;
  readonly block: bigint;
  readonly reason: string;
  readonly detail: string;
}

export interface Commitment {
  /** SS58. */
  readonly hotkey: string;
  readonly netuid: number;
  /** Empty once every field was sealed and the chain has opened them all. */
  readonly fields: CommitmentField[];
  readonly block: bigint;
  /** `commitment()` only: rounds of the fields still sealed, what the chain opened, what failed. */
  readonly pendingRounds?: bigint[];
  readonly revealed?: RevealedCommitment[];
  readonly revealFailures?: CommitmentRevealFailure[];
}
export type CommitmentResult = Commitment | null;
/** Thrown: SdkError `InvalidAddress`. */
export type CommitmentError = SdkError;

/** The text of a `raw` or `bigRaw` field (UTF-8), or null for other kinds. */
export function fieldText(f: CommitmentField): string | null {
  return f.kind === 'raw' || f.kind === 'bigRaw' ? new TextDecoder().decode(f.data) : null;
}

function utf8OrNull(b: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return null;
  }
}

function field(f: CommitmentReply['fields'][number]): CommitmentField {
  if (f.data === undefined) return { kind: f.kind } as CommitmentField;
  if (f.kind === 'timelockEncrypted')
    return { kind: 'timelockEncrypted', data: fromHex(f.data), revealRound: big(f.revealRound ?? '0') };
  return { kind: f.kind, data: fromHex(f.data) } as CommitmentField;
}

function decode(r: CommitmentReply): Commitment {
  const base = { hotkey: toSs58(r.hotkey), netuid: r.netuid, fields: r.fields.map(field), block: big(r.block) };
  if (r.pendingRounds === undefined) return base;
  return {
    ...base,
    pendingRounds: r.pendingRounds.map(big),
    revealed: (r.revealed ?? []).map((x) => {
      const data = fromHex(x.data);
      return { data, text: utf8OrNull(data), block: big(x.block) };
    }),
    revealFailures: (r.revealFailures ?? []).map((x) => ({
      revealRound: big(x.revealRound),
      block: big(x.block),
      reason: x.reason,
      detail: x.detail,
    })),
  };
}

/**
 * A hotkey's commitment on a subnet (the reference SDK's get_commitment), with its sealed fields'
 * rounds and what the chain revealed (get_revealed_commitment), or null.
 *
 * @example
 * const c = await commitment(st, { netuid: 2, hotkey });
 * console.log(c && fieldText(c.fields[0]));
 */
export async function commitment(client: ChainClient, a: CommitmentParameters): Promise<CommitmentResult> {
  const r = await request(client, 'taonet_commitment', [a.netuid, toAccountHex(a.hotkey)]);
  return r === null ? null : decode(r);
}

/**
 * Every commitment on a subnet (the reference SDK's get_all_commitments), as validators read
 * miners' endpoints each loop.
 *
 * @example
 * for (const c of await allCommitments(st, { netuid: 2 })) console.log(c.hotkey, fieldText(c.fields[0]));
 */
export async function allCommitments(client: ChainClient, a: { readonly netuid: number }): Promise<Commitment[]> {
  const r = await request(client, 'taonet_commitments', [a.netuid]);
  return r.map(decode);
}
