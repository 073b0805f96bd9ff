/** Every error a balance transfer can raise, through real blocks, with state untouched. */
import { describe, expect, it } from 'vitest';
import { transactionFee } from '../src/block/fees.js';
import { Params } from '../src/params/storage.js';
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

  it('Expendability: a keep-alive transfer may not leave the sender below the deposit; allow-death may', () => {
    const chain = new TestChain({ balance: 10n * TAO });
    const args = (amount: bigint, keepAlive: boolean) => ({ dest: acct('bob'), amount, keepAlive });
    const fee = transactionFee(chain.state.value(Params), 120, true); // TestChain transactions are 120 bytes
    // What is left after the fee, less 100 rao: the sender would keep 100 rao, under the 500 rao deposit.
    const amount = 10n * TAO - fee - 100n;
    refuses(chain, 'alice', 'transfer', args(amount, true), 'Expendability', {
      hint: /^keep the existential deposit: send at most τ[\d,.]+, or use transfer_allow_death$/,
    });
    // The refused call still paid its fee; allow-death may leave the sender with 100 rao.
    expect(chain.ok('alice', 'transfer', args(amount - fee, false)).ok).toBe(true);
  });
});
