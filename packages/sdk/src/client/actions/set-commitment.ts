import { SdkError } from '../../errors.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

/**
 * One commitment field, as the chain's `Data`: raw bytes (≤ 128), big raw (≤ 512), a 32-byte hash,
 * a flag, or a tlock ciphertext (≤ 1024 bytes) the chain opens itself at `revealRound`.
 */
export type CommitmentField =
  | { readonly kind: 'none' }
  | { readonly kind: 'raw' | 'bigRaw'; readonly data: Uint8Array }
  | { readonly kind: 'blakeTwo256' | 'sha256' | 'keccak256' | 'shaThree256'; readonly data: Uint8Array }
  | { readonly kind: 'resetBondsFlag' }
  | { readonly kind: 'timelockEncrypted'; readonly data: Uint8Array; readonly revealRound: bigint };

export interface SetCommitmentParameters {
  readonly netuid: number;
  /** At most 3 fields. */
  readonly fields: readonly CommitmentField[];
}
export type SetCommitmentResult = TxResult;
/** Thrown: SdkError `InvalidArgument` (a field over its size). Chain refusals come back in the result. */
export type SetCommitmentError = SdkError;

const hex = (b: Uint8Array): string => `0x${Buffer.from(b).toString('hex')}`;
const LIMIT = { raw: 128, bigRaw: 512, timelockEncrypted: 1024 } as const;

/** Text as the smallest field that holds it: `raw` up to 128 UTF-8 bytes, `bigRaw` up to 512. */
export function textField(text: string): CommitmentField {
  const data = new TextEncoder().encode(text);
  if (data.length > LIMIT.bigRaw)
    throw new SdkError(
      'InvalidArgument',
      `${data.length} bytes do not fit a commitment field`,
      'commit at most 512 bytes, or a hash of the data',
    );
  return { kind: data.length <= LIMIT.raw ? 'raw' : 'bigRaw', data };
}

/** A field as the call's argument, its size checked before anything is signed. */
function wireField(f: CommitmentField): Record<string, unknown> {
  if (!('data' in f)) return { kind: f.kind };
  const bounded = f.kind === 'raw' || f.kind === 'bigRaw' || f.kind === 'timelockEncrypted';
  const max = bounded ? LIMIT[f.kind] : 32;
  if (bounded ? f.data.length > max : f.data.length !== 32)
    throw new SdkError(
      'InvalidArgument',
      `a ${f.kind} field of ${f.data.length} bytes`,
      `${f.kind} holds ${bounded ? 'at most' : 'exactly'} ${max} bytes`,
    );
  if (f.kind === 'timelockEncrypted') return { kind: f.kind, data: hex(f.data), revealRound: f.revealRound };
  return { kind: f.kind, data: hex(f.data) };
}

/**
 * Publishes the hotkey's commitment on a subnet it is registered on (free; rate limited to 3100
 * bytes per epoch, each commitment counting at least 100). Sign with the hotkey.
 *
 * @example
 * await setCommitment(st, hotkey, { netuid: 2, fields: [textField('http://1.2.3.4:8091 model=v3')] });
 */
export function setCommitment(
  client: ChainClient,
  hotkey: Signer,
  a: SetCommitmentParameters,
  o?: SubmitOptions,
): Promise<SetCommitmentResult> {
  const fields = a.fields.map(wireField);
  return submit(client, hotkey, { method: 'set_commitment', args: { netuid: a.netuid, fields } }, o);
}
