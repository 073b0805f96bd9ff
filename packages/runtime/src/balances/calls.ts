/** Balance transfers. */
import { account, u64 } from '../system/args.js';
import { defineCall } from '../system/call.js';
import { ensure } from '../errors.js';
import { event } from '../system/events.js';
import { credit, debit, freeBalance } from './ledger.js';
import { ensureAmounts, taoAmount } from '../amounts.js';

export const balancesCalls = [
  defineCall({
    name: 'transfer',
    signer: 'coldkey',
    pays: true,
    description: 'Send free TAO to another account.',
    parse: (a) => ({ dest: account(a, 'dest'), amount: u64(a, 'amount') }),
    run(ctx, who, { dest, amount }) {
      const s = ctx.state;
      ensure(amount > 0n, 'ZeroAmount');
      const ed = ctx.params.existentialDeposit;
      ensureAmounts(
        freeBalance(s, dest) + amount >= ed || dest === who,
        'ExistentialDeposit',
        () => ({ least: [taoAmount(ed - freeBalance(s, dest)), 'up'] }),
        (t) => `send at least ${t.least} to a new account`,
      );
      debit(s, who, amount);
      credit(s, dest, amount);
      ctx.emit(event('Transfer', { from: who, to: dest, amount }));
    },
  }),
];
