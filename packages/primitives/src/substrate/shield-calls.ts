/**
 * MevShield (30): the per-block key announcement (a bare inherent), the encrypted carrier, and the
 * calls subtensor keeps but no longer uses — declared so that every block decodes; the runtime
 * refuses them (shared/spec/mev-shield.md §2).
 */
import type { FromRuntime, PalletCalls, RuntimeCall } from './call-def.js';
import { none, optionOf, some } from './call-values.js';
import { T } from './scale-type.js';
import { option } from './types.js';

/** ShieldEncKey: an ML-KEM-768 encapsulation key (BoundedVec<u8, 2048>). */
const Bytes = T.vec(T.u8);

const retired = (call: string): RuntimeCall => ({ method: 'shield_retired_call', args: { call } });

export const SHIELD_CALLS: PalletCalls = {
  pallet: 'MevShield',
  index: 30,
  calls: [
    {
      index: 0,
      name: 'announce_next_key',
      args: [{ name: 'enc_key', type: option(Bytes) }],
      docs: ['The block author’s next ML-KEM-768 key (a bare inherent in every block).'],
      toRuntime: (x) => {
        const k = optionOf(x.enc_key) as Uint8Array | undefined;
        return { method: 'announce_next_key', args: { encKey: k ?? null } };
      },
    },
    {
      index: 1,
      name: 'submit_encrypted',
      args: [{ name: 'ciphertext', type: Bytes }],
      docs: ['An encrypted signed extrinsic; the block author runs it right after this call.'],
      toRuntime: (x) => ({ method: 'submit_encrypted', args: { ciphertext: x.ciphertext } }),
    },
    {
      index: 2,
      name: 'store_encrypted',
      args: [{ name: 'encrypted_call', type: Bytes }],
      docs: ['Not used on this chain (kept so that blocks decode).'],
      toRuntime: () => retired('store_encrypted'),
    },
    {
      index: 3,
      name: 'set_max_pending_extrinsics_number',
      args: [{ name: 'value', type: T.u32 }],
      toRuntime: () => retired('set_max_pending_extrinsics_number'),
    },
    {
      index: 4,
      name: 'set_on_initialize_weight',
      args: [{ name: 'value', type: T.u64 }],
      toRuntime: () => retired('set_on_initialize_weight'),
    },
    {
      index: 5,
      name: 'set_stored_extrinsic_lifetime',
      args: [{ name: 'value', type: T.u32 }],
      toRuntime: () => retired('set_stored_extrinsic_lifetime'),
    },
    {
      index: 6,
      name: 'set_max_extrinsic_weight',
      args: [{ name: 'value', type: T.u64 }],
      toRuntime: () => retired('set_max_extrinsic_weight'),
    },
  ],
};

export const SHIELD_FROM_RUNTIME: Readonly<Record<string, FromRuntime>> = {
  announce_next_key: (x) => ({
    pallet: 'MevShield',
    call: 'announce_next_key',
    args: { enc_key: x.encKey === null || x.encKey === undefined ? none : some(x.encKey) },
  }),
  submit_encrypted: (x) => ({ pallet: 'MevShield', call: 'submit_encrypted', args: { ciphertext: x.ciphertext } }),
  // The retired calls, for completeness (the runtime refuses them whatever their arguments).
  shield_retired_call: (x) => {
    const name = String(x.call);
    const def = SHIELD_CALLS.calls.find((c) => c.name === name && c.index >= 2);
    if (def === undefined) return null;
    const arg = def.args[0]?.name as string;
    return {
      pallet: 'MevShield',
      call: name,
      args: { [arg]: name === 'store_encrypted' ? new Uint8Array(0) : def.args[0]?.type === T.u64 ? 0n : 0 },
    };
  },
};
