/**
 * Drand (26), subtensor's pallet_drand: `write_pulse`, which Taonet's block author sends as a bare
 * inherent with the pulses due (subtensor's offchain worker sends it as an unsigned transaction
 * with a signed payload; here the payload's signature is None and its public key the author's).
 */
import { type AccountId, accountFromBytes, accountToBytes } from '../account.js';
import type { FromRuntime, PalletCalls } from './call-def.js';
import { big, none, num } from './call-values.js';
import { fields, T, unnamed } from './scale-type.js';
import { MultiSignature, option } from './types.js';

const Bytes = T.vec(T.u8);

/** sp_runtime::MultiSigner: the payload's public key. */
export const MultiSigner = T.variant('sp_runtime::MultiSigner', [
  { name: 'Ed25519', index: 0, fields: unnamed(T.composite('sp_core::ed25519::Public', unnamed(T.array(32, T.u8)))) },
  { name: 'Sr25519', index: 1, fields: unnamed(T.composite('sp_core::sr25519::Public', unnamed(T.array(32, T.u8)))) },
  { name: 'Ecdsa', index: 2, fields: unnamed(T.composite('sp_core::ecdsa::Public', unnamed(T.array(33, T.u8)))) },
]);

/** pallet_drand::types::Pulse (randomness: BoundedVec<u8, 32>, signature: BoundedVec<u8, 144>). */
export const DrandPulseType = T.composite(
  'pallet_drand::types::Pulse',
  fields({ round: T.u64, randomness: Bytes, signature: Bytes }),
);

const PulsesPayload = T.composite(
  'pallet_drand::types::PulsesPayload',
  fields({ block_number: T.u32, pulses: T.vec(DrandPulseType), public: MultiSigner }),
);

interface ScalePulse {
  readonly round: bigint;
  readonly randomness: Uint8Array;
  readonly signature: Uint8Array;
}

export const DRAND_CALLS: PalletCalls = {
  pallet: 'Drand',
  index: 26,
  calls: [
    {
      index: 0,
      name: 'write_pulse',
      args: [
        { name: 'pulses_payload', type: PulsesPayload },
        { name: 'signature', type: option(MultiSignature) },
      ],
      docs: ['The beacon pulses due since the last stored round (the block author’s inherent).'],
      toRuntime: (x) => {
        const p = x.pulses_payload as { block_number: number; pulses: ScalePulse[]; public: { value: Uint8Array } };
        return {
          method: 'write_pulse',
          args: {
            pulses: p.pulses.map((q) => ({ round: big(q.round), signature: q.signature, randomness: q.randomness })),
            blockNumber: num(p.block_number),
            author: accountFromBytes(p.public.value),
          },
        };
      },
    },
  ],
};

export const DRAND_FROM_RUNTIME: Readonly<Record<string, FromRuntime>> = {
  write_pulse: (x) => ({
    pallet: 'Drand',
    call: 'write_pulse',
    args: {
      pulses_payload: {
        block_number: Number(x.blockNumber ?? 0),
        pulses: (x.pulses as ScalePulse[]).map((p) => ({
          round: p.round,
          randomness: p.randomness,
          signature: p.signature,
        })),
        public: {
          tag: 'Sr25519',
          value: x.author === undefined ? new Uint8Array(32) : accountToBytes(x.author as AccountId),
        },
      },
      signature: none,
    },
  }),
};
