/** pallet_balances (5): TAO transfers and the total issuance. */
import { ERROR_EXPLANATIONS, storage } from '@taonet/runtime';
import { BALANCES_CALLS } from '@taonet/primitives/substrate';
import type { PalletDef } from '../pallet.js';
import { fields, T } from '../scale-type.js';
import { AccountId32 } from '../types.js';

const who = (...names: string[]) =>
  fields(
    Object.fromEntries(
      names.map((n) => [n, n === 'amount' || n === 'free_balance' || n === 'free' ? T.u64 : AccountId32]),
    ),
  );

export function balancesPallet(existentialDeposit: bigint): PalletDef {
  return {
    name: 'Balances',
    index: 5,
    docs: ['TAO balances: transfers and issuance.'],
    calls: BALANCES_CALLS.calls,
    storage: [
      {
        name: 'TotalIssuance',
        docs: ['TAO in existence (rao).'],
        modifier: 'Default',
        keys: [],
        value: T.u64,
        fallback: 0n,
        get: (ctx) => {
          const v = ctx.state.value(storage.TotalIssuance);
          return v === 0n ? undefined : v;
        },
      },
    ],
    events: [
      { name: 'Endowed', index: 0, fields: who('account', 'free_balance') },
      { name: 'DustLost', index: 1, fields: who('account', 'amount') },
      { name: 'Transfer', index: 2, fields: who('from', 'to', 'amount') },
      { name: 'BalanceSet', index: 3, fields: who('who', 'free') },
      { name: 'Reserved', index: 4, fields: who('who', 'amount') },
      { name: 'Unreserved', index: 5, fields: who('who', 'amount') },
    ],
    errors: [
      ['VestingBalance', 'the vested balance is too low for this'],
      ['LiquidityRestrictions', 'the balance is locked'],
      ['InsufficientBalance', ERROR_EXPLANATIONS.InsufficientBalance ?? ''],
      ['ExistentialDeposit', ERROR_EXPLANATIONS.ExistentialDeposit ?? ''],
      ['Expendability', 'the transfer would kill the sender account'],
      ['ExistingVestingSchedule', 'a vesting schedule already exists'],
      ['DeadAccount', 'the beneficiary account does not exist'],
      ['TooManyReserves', 'too many reserves on the account'],
      ['TooManyHolds', 'too many holds on the account'],
      ['TooManyFreezes', 'too many freezes on the account'],
      ['IssuanceDeactivated', 'the issuance cannot be changed now'],
      ['DeltaZero', 'the amount must not be zero'],
    ].map(([name, doc], index) => ({ name: name as string, index, fields: [], docs: [doc as string] })),
    constants: [
      {
        name: 'ExistentialDeposit',
        type: T.u64,
        value: existentialDeposit,
        docs: ['The least free TAO an account may hold (rao).'],
      },
    ],
  };
}
