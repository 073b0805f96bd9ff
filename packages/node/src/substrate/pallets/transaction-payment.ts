/** pallet_transaction_payment (6): the fee event and the multiplier constant clients read. */
import type { PalletDef } from '../pallet.js';
import { fields, T } from '../scale-type.js';
import { AccountId32 } from '../types.js';

export function transactionPaymentPallet(): PalletDef {
  return {
    name: 'TransactionPayment',
    index: 6,
    events: [
      {
        name: 'TransactionFeePaid',
        index: 0,
        fields: fields({ who: AccountId32, actual_fee: T.u64, tip: T.u64 }),
        docs: ['A transaction fee (and tip) was paid.'],
      },
    ],
    constants: [
      {
        name: 'OperationalFeeMultiplier',
        type: T.u8,
        value: 5,
        docs: ['Priority multiplier for operational transactions.'],
      },
    ],
  };
}
