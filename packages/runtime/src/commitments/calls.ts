/** Commitment calls: set_commitment (signed by the hotkey, free) and the admin's set_max_space. */
import { fail } from '../errors.js';
import { type Args, int, netuid, u64 } from '../system/args.js';
import { defineCall } from '../system/call.js';
import { event } from '../system/events.js';
import { setCommitment } from './set-commitment.js';
import { type CommitmentField, MAX_TIMELOCK_COMMITMENT_BYTES, MaxSpace } from './storage.js';

const HASH_KINDS = new Set(['blakeTwo256', 'sha256', 'keccak256', 'shaThree256']);

function bytesOf(v: unknown, field: string, max: number, exact = false): string {
  if (typeof v !== 'string' || !/^0x([0-9a-f]{2})*$/.test(v))
    fail('InvalidArgument', `'${field}' must be 0x-prefixed lowercase hex bytes`);
  const n = (v.length - 2) / 2;
  if (exact ? n !== max : n > max)
    fail('InvalidArgument', `'${field}' must be ${exact ? 'exactly' : 'at most'} ${max} bytes, got ${n}`);
  return v;
}

/** Reads `fields`: a list of {kind, data?}; the list length is checked by the call (TooManyFields…). */
function fieldList(a: Args): CommitmentField[] {
  const v = a.fields;
  if (!Array.isArray(v) || v.length > 16) fail('InvalidArgument', "'fields' must be a list of {kind, data} entries");
  return v.map((item, i): CommitmentField => {
    const f = (item ?? {}) as Args;
    const where = `fields[${i}].data`;
    if (f.kind === 'none' || f.kind === 'resetBondsFlag') return { kind: f.kind };
    if (f.kind === 'raw') return { kind: 'raw', data: bytesOf(f.data, where, 128) };
    if (f.kind === 'bigRaw') return { kind: 'bigRaw', data: bytesOf(f.data, where, 512) };
    if (typeof f.kind === 'string' && HASH_KINDS.has(f.kind))
      return { kind: f.kind as 'sha256', data: bytesOf(f.data, where, 32, true) };
    if (f.kind === 'timelockEncrypted')
      return {
        kind: 'timelockEncrypted',
        data: bytesOf(f.data, where, MAX_TIMELOCK_COMMITMENT_BYTES),
        revealRound: u64(f, 'revealRound'),
      };
    return fail(
      'InvalidArgument',
      `'fields[${i}].kind' must be none, raw, bigRaw, blakeTwo256, sha256, keccak256, shaThree256 resetBondsFlag or timelockEncrypted`,
    );
  });
}

export const commitmentCalls = [
  defineCall({
    name: 'set_commitment',
    signer: 'hotkey',
    pays: false,
    description:
      'Publish up to 3 fields (raw bytes, big raw bytes, a hash, the bonds-reset flag, or a tlock ciphertext the chain reveals at its beacon round) for a subnet the hotkey is registered on.',
    parse: (a) => ({ netuid: netuid(a), fields: fieldList(a) }),
    run: (ctx, who, a) => setCommitment(ctx, who, a.netuid, a.fields),
  }),
  defineCall({
    name: 'set_max_space',
    signer: 'admin',
    pays: false,
    description: 'Set the bytes a hotkey may commit per subnet per epoch (admin only).',
    parse: (a) => ({ newLimit: int(a, 'newLimit', 0, 4_294_967_295) }),
    run: (ctx, _who, a) => {
      ctx.state.put(MaxSpace, a.newLimit);
      ctx.emit(event('MaxSpaceSet', { newLimit: a.newLimit }));
    },
  }),
];
