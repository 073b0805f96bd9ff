/**
 * Drand (26): subtensor's pallet_drand as Taonet keeps it. The block author writes the due beacon
 * pulses with the bare `write_pulse` inherent (primitives' drand-calls.ts); every importer checks
 * them (runtime `drand/`). The beacon is the genesis's (no call changes it), so subtensor's root
 * calls are not offered. BeaconConfig's group hash and beacon id are not kept (empty).
 */
import { DRAND_CALLS, DrandPulseType } from '@taonet/primitives/substrate';
import { storage } from '@taonet/runtime';
import type { PalletDef, StorageItemDef } from '../pallet.js';
import { fields, T, unnamed } from '../scale-type.js';

const Bytes = T.vec(T.u8);
const SCHEME_ID = new TextEncoder().encode('bls-unchained-g1-rfc9380');

const BeaconConfiguration = T.composite(
  'pallet_drand::types::BeaconConfiguration',
  fields({
    public_key: Bytes,
    period: T.u32,
    genesis_time: T.u32,
    hash: Bytes,
    group_hash: Bytes,
    scheme_id: Bytes,
    metadata: T.composite('pallet_drand::types::Metadata', fields({ beacon_id: Bytes })),
  }),
);

const round = (name: string, docs: string, item: typeof storage.LastStoredRound): StorageItemDef => ({
  name,
  docs: [docs],
  modifier: 'Default',
  keys: [],
  value: T.u64,
  fallback: 0n,
  get: (ctx) => {
    const v = ctx.state.value(item);
    return v === 0n ? undefined : v;
  },
});

export function drandPallet(): PalletDef {
  return {
    name: 'Drand',
    index: 26,
    docs: ['The drand beacon: pulses (round, signature, randomness) the block author writes, checked by every node.'],
    calls: DRAND_CALLS.calls,
    storage: [
      {
        name: 'BeaconConfig',
        docs: ['The beacon the chain trusts (from the chain spec).'],
        modifier: 'Optional',
        keys: [],
        value: BeaconConfiguration,
        get: (ctx) => {
          const c = ctx.state.value(storage.BeaconConfig);
          if (c === null) return undefined;
          return {
            public_key: c.publicKey,
            period: Number(c.period),
            genesis_time: Number(c.genesisTime),
            hash: c.chainHash,
            group_hash: new Uint8Array(0),
            scheme_id: SCHEME_ID,
            metadata: { beacon_id: new Uint8Array(0) },
          };
        },
      },
      {
        name: 'Pulses',
        docs: ['Beacon pulses by round.'],
        modifier: 'Optional',
        keys: [{ hasher: 'Blake2128Concat', type: T.u64 }],
        value: DrandPulseType,
        get: (ctx, [r]) => {
          const p = ctx.state.get(storage.Pulses, BigInt(r as bigint));
          return p === null
            ? undefined
            : { round: BigInt(r as bigint), randomness: p.randomness, signature: p.signature };
        },
        keysOf: (ctx) => ctx.state.entries(storage.Pulses).map(([k]) => [BigInt(k as string)]),
      },
      round('LastStoredRound', 'The highest round on chain.', storage.LastStoredRound),
      round('OldestStoredRound', 'The lowest round still on chain (older ones are pruned).', storage.OldestStoredRound),
      {
        name: 'NextUnsignedAt',
        docs: ['Unused here: pulses come as the author’s inherent, not as unsigned transactions.'],
        modifier: 'Default',
        keys: [],
        value: T.u32,
        fallback: 0,
        get: () => undefined,
      },
    ],
    events: [
      { name: 'BeaconConfigChanged', index: 0, fields: [] },
      { name: 'NewPulse', index: 1, fields: fields({ rounds: T.vec(T.u64) }) },
      { name: 'SetOldestStoredRound', index: 2, fields: unnamed(T.u64) },
    ],
    errors: [
      ['NoneValue', 'no value was set'],
      ['StorageOverflow', 'a counter overflowed'],
      ['DrandConnectionFailure', 'the beacon could not be reached'],
      ['UnverifiedPulse', 'the pulse is not verified'],
      ['InvalidRoundNumber', 'the round does not follow the last stored round'],
      ['PulseVerificationError', 'the pulse does not verify under the beacon key'],
    ].map(([name, doc], i) => ({ name: name as string, index: i, fields: [], docs: [doc as string] })),
    constants: [],
  };
}
