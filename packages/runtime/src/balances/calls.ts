/** Balance transfers. */
import { account, bool, u64 } from '../system/args.js';
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
    description:
      'Send free TAO to another account; with keepAlive, never leave the sender below the existential deposit.',
    parse: (a) => ({ dest: account(a, 'dest'), amount: u64(a, 'amount'), keepAlive: bool(a, 'keepAlive', false) }),
    run(ctx, who, { dest, amount, keepAlive }) {
      const s = ctx.state;
      ensure(amount > 0n, 'ZeroAmount');
      const ed = ctx.params.existentialDeposit;
      ensureAmounts(
        freeBalance(s, dest) + amount >= ed || dest === who,
        'ExistentialDeposit',
        () => ({ least: [taoAmount(ed - freeBalance(s, dest)), 'up'] }),
        (t) => `send at least ${t.least} to a new account`,
      );
      const free = freeBalance(s, who);
      ensureAmounts(
        !keepAlive || dest === who || free < amount || free - amount >= ed,
        'Expendability',
        () => ({ most: [taoAmount(free - ed), 'down'] }),
        (t) => `keep the existential deposit: send at most ${t.most}, or use transfer_allow_death`,
      );
      debit(s, who, amount);
      credit(s, dest, amount);
      ctx.emit(event('Transfer', { from: who, to: dest, amount }));
    },
  }),
];
