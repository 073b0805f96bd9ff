/** Every error a balance transfer can raise, through real blocks, with state untouched. */
import { describe, it } from 'vitest';
import { acct, TAO, TestChain } from './utils/chain.js';
import { refuses } from './utils/expect-error.js';

describe('transfer errors', () => {
  it('ZeroAmount', () => {
    const chain = new TestChain();
    refuses(chain, 'alice', 'transfer', { dest: acct('bob'), amount: 0n }, 'ZeroAmount');
  });

  it('ExistentialDeposit: a new account must receive at least the deposit', () => {
    const chain = new TestChain();
    refuses(chain, 'alice', 'transfer', { dest: acct('grace'), amount: 499n }, 'ExistentialDeposit', {
      hint: /^send at least τ0\.0000005 to a new account$/,
    });
  });

  it('InsufficientBalance, with the available and needed amounts', () => {
    const chain = new TestChain({ balance: 10n * TAO });
    refuses(chain, 'alice', 'transfer', { dest: acct('bob'), amount: 10n * TAO }, 'InsufficientBalance', {
      hint: /^free balance is τ[\d,.]+, needs τ10$/,
    });
  });

  it('InvalidArgument for a malformed destination or amount', () => {
    const chain = new TestChain();
    refuses(chain, 'alice', 'transfer', { dest: 'bob', amount: 1n }, 'InvalidArgument', { hint: /'dest'/ });
    refuses(chain, 'alice', 'transfer', { dest: acct('bob'), amount: -1n }, 'InvalidArgument', { hint: /'amount'/ });
    refuses(chain, 'alice', 'transfer', { dest: acct('bob'), amount: 5 }, 'InvalidArgument', {
      hint: /'amount'.*bigint/,
    });
    refuses(chain, 'alice', 'transfer', { dest: acct('bob'), amount: 1n << 64n }, 'InvalidArgument', {
      hint: /'amount'/,
    });
  });
});
