/** Every error the root calls can raise (root_register, claim_root, set_root_claim_type), through real blocks. */
import { describe, expect, it } from 'vitest';
import { storage } from '../src/index.js';
import { acct, TAO, TestChain } from './utils/chain.js';
import { refuses } from './utils/expect-error.js';

describe('root_register errors', () => {
  it('NonAssociatedColdKey: the hotkey belongs to another coldkey', () => {
    const chain = new TestChain();
    chain.subnet('alice');
    refuses(chain, 'bob', 'root_register', { hotkey: acct('alice-hot') }, 'NonAssociatedColdKey', {
      hint: /owned by coldkey/,
    });
  });

  it('HotKeyAlreadyRegisteredInSubNet', () => {
    const chain = new TestChain();
    chain.ok('alice', 'root_register', { hotkey: acct('alice-root') });
    refuses(chain, 'alice', 'root_register', { hotkey: acct('alice-root') }, 'HotKeyAlreadyRegisteredInSubNet');
  });

  it('StakeTooLowForRoot: root is full and the newcomer does not have more root stake than the smallest member', () => {
    const chain = new TestChain({ params: { rootMaxUids: 1 } });
    // rootMaxUids is read from root's hyperparameters, set at genesis from the network params.
    expect(chain.state.get(storage.Hyperparameters, 0)?.maxAllowedUids).toBe(1);
    chain.ok('alice', 'root_register', { hotkey: acct('alice-root') });
    chain.ok('alice', 'add_stake', { hotkey: acct('alice-root'), netuid: 0, amount: 5n * TAO });
    refuses(chain, 'bob', 'root_register', { hotkey: acct('bob-root') }, 'StakeTooLowForRoot', {
      hint: /stake more than τ5 on root to this hotkey \(it has τ[\d,.]+\)/,
    });
  });

  it('TooManyRegistrationsThisBlock: one root admission per block, the next one waits a block', () => {
    const chain = new TestChain();
    const first = chain.tx('alice', 'root_register', { hotkey: acct('alice-root') });
    refuses(chain, 'bob', 'root_register', { hotkey: acct('bob-root') }, 'TooManyRegistrationsThisBlock', {
      preceding: [first],
      hint: new RegExp(`next allowed at block ${chain.block + 2n}$`),
    });
    expect(chain.state.get(storage.Owner, acct('bob-root'))).toBeNull();
    chain.ok('bob', 'root_register', { hotkey: acct('bob-root') });
    expect(chain.state.get(storage.Keys, 0)).toEqual([acct('alice-root'), acct('bob-root')]);
  });
});

describe('claim_root errors', () => {
  it('InvalidSubnetNumber: none, or more than five', () => {
    const chain = new TestChain();
    refuses(chain, 'alice', 'claim_root', { netuids: [] }, 'InvalidSubnetNumber', { hint: /got 0 subnets/ });
    refuses(chain, 'alice', 'claim_root', { netuids: [1, 2, 3, 4, 5, 6] }, 'InvalidSubnetNumber', {
      hint: /got 6 subnets/,
    });
  });

  it('InvalidArgument: not a list of netuids', () => {
    const chain = new TestChain();
    refuses(chain, 'alice', 'claim_root', { netuids: 'all' }, 'InvalidArgument', { hint: /'netuids'/ });
    refuses(chain, 'alice', 'claim_root', { netuids: [1.5] }, 'InvalidArgument');
  });
});

describe('set_root_claim_type errors', () => {
  it('InvalidArgument: an unknown type', () => {
    const chain = new TestChain();
    refuses(chain, 'alice', 'set_root_claim_type', { type: 'burn' }, 'InvalidArgument', { hint: /one of swap, keep/ });
    refuses(chain, 'alice', 'set_root_claim_type', {}, 'InvalidArgument');
  });
});
