/** Weight calls: set, commit, reveal. All are signed by the hotkey and free, as on the reference chain. */
import { type Args, mecid, netuid, u16List, u64 } from '../system/args.js';
import { defineCall } from '../system/call.js';
import { fail } from '../errors.js';
import { commitWeights, revealWeights } from './commit-reveal.js';
import { setWeights } from './set-weights.js';
import { commitTimelockedWeights } from './timelocked-commit.js';

const HASH_RE = /^0x[0-9a-fA-F]{64}$/;

/** A 32-byte hash as 0x hex, lower-cased so it compares equal to the chain's own hex. */
function hash32(a: Args, field: string): string {
  const v = a[field];
  if (typeof v !== 'string' || !HASH_RE.test(v)) fail('InvalidArgument', `'${field}' must be 0x-prefixed 32-byte hex`);
  return v.toLowerCase();
}

function bytesArg(a: Args, field: string): Uint8Array {
  const v = a[field];
  if (!(v instanceof Uint8Array)) fail('InvalidArgument', `'${field}' must be bytes`);
  return v;
}

function u16Arg(a: Args, field: string): number {
  const v = a[field];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffff)
    fail('InvalidArgument', `'${field}' must be a u16`);
  return v;
}

export const weightCalls = [
  defineCall({
    name: 'set_weights',
    signer: 'hotkey',
    pays: false,
    description: 'Set weights on a subnet mechanism (`mecid`, default 0) directly (only when commit-reveal is off).',
    parse: (a) => ({
      netuid: netuid(a),
      mecid: mecid(a),
      uids: u16List(a, 'uids'),
      values: u16List(a, 'values'),
      versionKey: u64(a, 'versionKey'),
    }),
    run(ctx, who, args) {
      setWeights(ctx, who, args);
    },
  }),
  defineCall({
    name: 'commit_weights',
    signer: 'hotkey',
    pays: false,
    description:
      'Commit the blake2b-256 hash of weights for a mechanism (`mecid`, default 0), to reveal them in a later epoch.',
    parse: (a) => ({ netuid: netuid(a), mecid: mecid(a), hash: hash32(a, 'hash') }),
    run(ctx, who, args) {
      commitWeights(ctx, who, args);
    },
  }),
  defineCall({
    name: 'reveal_weights',
    signer: 'hotkey',
    pays: false,
    description: 'Reveal previously committed weights (mecid, uids, values, salt, version key) in their reveal epoch.',
    parse: (a) => ({
      netuid: netuid(a),
      mecid: mecid(a),
      uids: u16List(a, 'uids'),
      values: u16List(a, 'values'),
      salt: u16List(a, 'salt'),
      versionKey: u64(a, 'versionKey'),
    }),
    run(ctx, who, args) {
      revealWeights(ctx, who, args);
    },
  }),
  defineCall({
    name: 'commit_timelocked_weights',
    signer: 'hotkey',
    pays: false,
    description:
      'Commit weights for a mechanism (`mecid`, default 0) encrypted to a future beacon round; the chain reveals them itself at that round.',
    parse: (a) => ({
      netuid: netuid(a),
      mecid: mecid(a),
      commit: bytesArg(a, 'commit'),
      revealRound: u64(a, 'revealRound'),
      commitRevealVersion: u16Arg(a, 'commitRevealVersion'),
    }),
    run(ctx, who, args) {
      commitTimelockedWeights(ctx, who, args);
    },
  }),
];
