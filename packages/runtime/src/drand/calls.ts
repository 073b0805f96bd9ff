/** Drand calls: the author's pulse inherent. */
import { fail } from '../errors.js';
import type { Args } from '../system/args.js';
import { defineCall } from '../system/call.js';
import { MAX_PULSES_PER_BLOCK, type PulseInput, writePulses } from './write-pulses.js';

function bytes(v: unknown, len: number, what: string): Uint8Array {
  if (!(v instanceof Uint8Array) || v.length !== len) fail('InvalidArgument', `${what} must be ${len} bytes`);
  return v;
}

function pulsesArg(a: Args): PulseInput[] {
  const v = a.pulses;
  if (!Array.isArray(v)) fail('InvalidArgument', "'pulses' must be a list of {round, signature, randomness}");
  if (v.length > MAX_PULSES_PER_BLOCK) fail('TooManyPulses', `${v.length} pulses; at most ${MAX_PULSES_PER_BLOCK}`);
  return v.map((p: Record<string, unknown>, i) => {
    if (typeof p?.round !== 'bigint' || p.round < 1n) fail('InvalidArgument', `pulses[${i}].round must be a round ≥ 1`);
    return {
      round: p.round,
      signature: bytes(p.signature, 48, `pulses[${i}].signature`),
      randomness: bytes(p.randomness, 32, `pulses[${i}].randomness`),
    };
  });
}

export const drandCalls = [
  defineCall({
    name: 'write_pulse',
    signer: 'inherent',
    pays: false,
    description: 'The block author writes the beacon pulses due since the last stored round (inherent).',
    parse: (a) => ({ pulses: pulsesArg(a) }),
    run: (ctx, _who, a) => writePulses(ctx, a.pulses),
  }),
];
