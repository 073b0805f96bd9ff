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

export interface Commitment {
  /** SS58. */
  readonly hotkey: string;
  readonly netuid: number;
  readonly fields: CommitmentField[];
  readonly block: bigint;
}
export type CommitmentResult = Commitment | null;
/** Thrown: SdkError `InvalidAddress`. */
export type CommitmentError = SdkError;

/** The text of a `raw` or `bigRaw` field (UTF-8), or null for other kinds. */
export function fieldText(f: CommitmentField): string | null {
  return f.kind === 'raw' || f.kind === 'bigRaw' ? new TextDecoder().decode(f.data) : null;
}

function decode(r: CommitmentReply): Commitment {
  return {
    hotkey: toSs58(r.hotkey),
    netuid: r.netuid,
    fields: r.fields.map((f) =>
      f.data === undefined
        ? ({ kind: f.kind } as CommitmentField)
        : ({ kind: f.kind, data: fromHex(f.data) } as CommitmentField),
    ),
    block: big(r.block),
  };
}

/**
 * A hotkey's commitment on a subnet (the reference SDK's get_commitment), or null.
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
