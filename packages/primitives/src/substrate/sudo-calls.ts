/**
 * Sudo (12): FRAME's sudo pallet at subtensor's index and FRAME's call indices. `sudo` and
 * `sudo_as` carry a `RuntimeCall`, translated through the other pallets' tables like Utility's
 * and Proxy's. Runtime names are prefixed (`sudo_set_key`, `sudo_remove_key`) because runtime
 * calls share one namespace.
 */
import type { FromRuntime, PalletCalls, RuntimeCall } from './call-def.js';
import { callValueOf, RUNTIME_CALL, runtimeCallOf } from './call-enum.js';
import { big, multiAddress, multiId } from './call-values.js';
import { MultiAddress, Weight } from './types.js';

const call = { name: 'call', type: RUNTIME_CALL, typeName: 'Box<<T as Config>::RuntimeCall>' };
const lookup = (name: string) => ({ name, type: MultiAddress, typeName: 'AccountIdLookupOf<T>' });
const inner = (x: unknown): RuntimeCall => runtimeCallOf(x);
const outer = (x: unknown) => callValueOf(x as RuntimeCall);

export const SUDO_CALLS: PalletCalls = {
  pallet: 'Sudo',
  index: 12,
  calls: [
    {
      index: 0,
      name: 'sudo',
      args: [call],
      docs: ['Dispatch `call` with Root origin (the sudo key only).'],
      toRuntime: (x) => ({ method: 'sudo', args: { call: inner(x.call) } }),
    },
    {
      index: 1,
      name: 'sudo_unchecked_weight',
      args: [call, { name: 'weight', type: Weight }],
      docs: ['Dispatch `call` with Root origin and a declared weight (the sudo key only).'],
      toRuntime: (x) => {
        const w = x.weight as { ref_time: unknown; proof_size: unknown };
        return {
          method: 'sudo_unchecked_weight',
          args: { call: inner(x.call), weight: { refTime: big(w.ref_time), proofSize: big(w.proof_size) } },
        };
      },
    },
    {
      index: 2,
      name: 'set_key',
      args: [lookup('new')],
      docs: ['Hand the sudo key to `new` (the sudo key or Root).'],
      toRuntime: (x) => ({ method: 'sudo_set_key', args: { new: multiAddress(x.new) } }),
    },
    {
      index: 3,
      name: 'sudo_as',
      args: [lookup('who'), call],
      docs: ['Dispatch `call` signed by `who` (the sudo key only).'],
      toRuntime: (x) => ({ method: 'sudo_as', args: { who: multiAddress(x.who), call: inner(x.call) } }),
    },
    {
      index: 4,
      name: 'remove_key',
      args: [],
      docs: ['Remove the sudo key for good (the sudo key only).'],
      toRuntime: () => ({ method: 'sudo_remove_key', args: {} }),
    },
  ],
};

export const SUDO_FROM_RUNTIME: Readonly<Record<string, FromRuntime>> = {
  sudo: (x) => ({ pallet: 'Sudo', call: 'sudo', args: { call: outer(x.call) } }),
  sudo_unchecked_weight: (x) => {
    const w = x.weight as { refTime: bigint; proofSize: bigint };
    return {
      pallet: 'Sudo',
      call: 'sudo_unchecked_weight',
      args: { call: outer(x.call), weight: { ref_time: w.refTime, proof_size: w.proofSize } },
    };
  },
  sudo_set_key: (x) => ({ pallet: 'Sudo', call: 'set_key', args: { new: multiId(x.new) } }),
  sudo_as: (x) => ({ pallet: 'Sudo', call: 'sudo_as', args: { who: multiId(x.who), call: outer(x.call) } }),
  sudo_remove_key: () => ({ pallet: 'Sudo', call: 'remove_key', args: {} }),
};
