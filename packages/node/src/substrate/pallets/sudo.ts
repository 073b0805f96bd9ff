/**
 * Sudo (12): FRAME's sudo pallet. `Key` is the runtime's admin account (genesis sets it; //Alice on
 * dev chains). Calls are primitives' sudo-calls.ts; the runtime's Sudid, SudoAsDone, KeyChanged and
 * KeyRemoved events are recorded as this pallet's (event-records.ts), with FRAME's indices.
 */
import { type AccountId, accountToBytes } from '@taonet/primitives';
import { SUDO_CALLS } from '@taonet/primitives/substrate';
import { storage } from '@taonet/runtime';
import type { PalletDef } from '../pallet.js';
import { fields } from '../scale-type.js';
import { AccountId32, DispatchResult, option } from '../types.js';

export function sudoPallet(): PalletDef {
  return {
    name: SUDO_CALLS.pallet,
    index: SUDO_CALLS.index,
    docs: ['The sudo key: dispatches calls with Root origin, or as another account.'],
    calls: SUDO_CALLS.calls,
    storage: [
      {
        name: 'Key',
        docs: ['The sudo key (the admin account), if there is one.'],
        modifier: 'Optional',
        keys: [],
        value: AccountId32,
        get: (ctx) => {
          const key = ctx.state.value(storage.SudoKey);
          return key === null ? undefined : accountToBytes(key as AccountId);
        },
      },
    ],
    events: [
      {
        name: 'Sudid',
        index: 0,
        fields: fields({ sudo_result: DispatchResult }),
        docs: ['A sudo call took place; the inner call’s result.'],
      },
      {
        name: 'KeyChanged',
        index: 1,
        fields: fields({ old: option(AccountId32), new: AccountId32 }),
        docs: ['The sudo key changed; the old key if there was one.'],
      },
      { name: 'KeyRemoved', index: 2, fields: [], docs: ['The sudo key was removed.'] },
      {
        name: 'SudoAsDone',
        index: 3,
        fields: fields({ sudo_result: DispatchResult }),
        docs: ['A sudo_as call took place; the inner call’s result.'],
      },
    ],
    errors: [{ name: 'RequireSudo', index: 0, fields: [], docs: ['The sender is not the sudo key.'] }],
    constants: [],
  };
}
