/**
 * Every error the subnet calls can raise (register_network, start_call, set_subnet_identity,
 * update_symbol, set_hyperparameter and the admin's sudo_* calls), through real blocks, with the
 * state untouched apart from the fee and nonce.
 */
import { describe, expect, it } from 'vitest';
import { storage } from '../src/index.js';
import { SUBNET_SYMBOLS } from '../src/subnets/symbols.js';
import { acct, TAO, TestChain } from './utils/chain.js';
import { refuses } from './utils/expect-error.js';

const netuidOf = (chain: TestChain, owner: string): number => {
  const r = chain.ok(owner, 'register_network', { hotkey: acct(`${owner}-hot`) });
  return r.events.find((e) => e.name === 'NetworkAdded')?.data.netuid as number;
};

describe('register_network errors', () => {
  it('NonAssociatedColdKey: the hotkey belongs to another coldkey', () => {
    const chain = new TestChain();
    chain.subnet('alice');
    refuses(chain, 'bob', 'register_network', { hotkey: acct('alice-hot') }, 'NonAssociatedColdKey', {
      hint: /owned by/,
    });
  });

  it('NetworkTxRateLimitExceeded: the limit is network-wide, with the next allowed block', () => {
    const chain = new TestChain({ params: { networkRateLimit: 5n } });
    netuidOf(chain, 'alice');
    const at = chain.block;
    refuses(chain, 'bob', 'register_network', { hotkey: acct('bob-hot') }, 'NetworkTxRateLimitExceeded', {
      hint: new RegExp(`next allowed at block ${at + 5n}$`),
    });
    chain.run(3);
    chain.ok('bob', 'register_network', { hotkey: acct('bob-hot') });
  });

  it('SubnetLimitReached: every subnet is still immune', () => {
    const chain = new TestChain({ params: { subnetLimit: 1, networkImmunityPeriod: 100n } });
    netuidOf(chain, 'alice');
    const at = chain.block;
    refuses(chain, 'bob', 'register_network', { hotkey: acct('bob-hot') }, 'SubnetLimitReached', {
      hint: new RegExp(`prunable at block ${at + 100n}`),
    });
  });

  it('CannotAffordLockCost, with the cost and the free balance', () => {
    const chain = new TestChain();
    chain.ok('alice', 'transfer', { dest: acct('grace'), amount: TAO });
    refuses(chain, 'grace', 'register_network', { hotkey: acct('grace-hot') }, 'CannotAffordLockCost', {
      hint: /lock cost is τ10; free balance is τ[\d,.]+$/,
    });
  });

  it('InvalidIdentity: a field over its byte limit', () => {
    const chain = new TestChain();
    refuses(
      chain,
      'alice',
      'register_network',
      { hotkey: acct('alice-hot'), identity: { name: 'n'.repeat(257) } },
      'InvalidIdentity',
      {
        hint: /name is 257 bytes; at most 256/,
      },
    );
    refuses(
      chain,
      'alice',
      'register_network',
      { hotkey: acct('alice-hot'), identity: { description: 'é'.repeat(513) } },
      'InvalidIdentity',
      { hint: /description is 1026 bytes; at most 1024/ },
    );
  });
});

describe('start_call errors', () => {
  it('SubnetNotExists', () => {
    const chain = new TestChain();
    refuses(chain, 'alice', 'start_call', { netuid: 5 }, 'SubnetNotExists', { hint: /no subnet 5/ });
    refuses(chain, 'alice', 'start_call', { netuid: 0 }, 'SubnetNotExists');
  });

  it('NotSubnetOwner', () => {
    const chain = new TestChain();
    const netuid = netuidOf(chain, 'alice');
    refuses(chain, 'bob', 'start_call', { netuid }, 'NotSubnetOwner');
  });

  it('FirstEmissionBlockNumberAlreadySet', () => {
    const chain = new TestChain();
    const netuid = chain.subnet('alice');
    refuses(chain, 'alice', 'start_call', { netuid }, 'FirstEmissionBlockNumberAlreadySet');
  });

  it('NeedWaitingMoreBlocksToStarCall, with the block it is allowed from', () => {
    const chain = new TestChain({ params: { startCallDelay: 4n } });
    const netuid = netuidOf(chain, 'alice');
    const at = chain.block;
    refuses(chain, 'alice', 'start_call', { netuid }, 'NeedWaitingMoreBlocksToStarCall', {
      hint: new RegExp(`next allowed at block ${at + 4n}$`),
    });
    chain.run(2);
    chain.ok('alice', 'start_call', { netuid });
  });
});

describe('set_subnet_identity errors', () => {
  it('SubnetNotExists, NotSubnetOwner, InvalidIdentity', () => {
    const chain = new TestChain();
    const netuid = chain.subnet('alice');
    refuses(chain, 'alice', 'set_subnet_identity', { netuid: 9, identity: { name: 'x' } }, 'SubnetNotExists');
    refuses(chain, 'bob', 'set_subnet_identity', { netuid, identity: { name: 'x' } }, 'NotSubnetOwner');
    refuses(
      chain,
      'alice',
      'set_subnet_identity',
      { netuid, identity: { discord: 'd'.repeat(300) } },
      'InvalidIdentity',
      {
        hint: /discord is 300 bytes; at most 256/,
      },
    );
    chain.ok('alice', 'set_subnet_identity', { netuid, identity: { name: 'mine' } });
    expect(chain.state.get(storage.Identity, netuid)?.name).toBe('mine');
  });
});

describe('update_symbol errors', () => {
  it('SubnetNotExists, NotSubnetOwner, SymbolDoesNotExist, SymbolAlreadyInUse', () => {
    const chain = new TestChain();
    const a = chain.subnet('alice');
    const b = chain.subnet('bob');
    const taken = chain.state.get(storage.TokenSymbol, b);
    refuses(chain, 'alice', 'update_symbol', { netuid: 9, symbol: 'ω' }, 'SubnetNotExists');
    refuses(chain, 'bob', 'update_symbol', { netuid: a, symbol: 'ω' }, 'NotSubnetOwner');
    refuses(chain, 'alice', 'update_symbol', { netuid: a, symbol: 'Z' }, 'SymbolDoesNotExist');
    refuses(chain, 'alice', 'update_symbol', { netuid: a, symbol: taken }, 'SymbolAlreadyInUse', {
      hint: new RegExp(`subnet ${b}`),
    });
    expect(SUBNET_SYMBOLS).toContain('ω');
    chain.ok('alice', 'update_symbol', { netuid: a, symbol: 'ω' });
  });
});

describe('set_hyperparameter errors', () => {
  // Tempo 100 leaves room outside the 10-block freeze window.
  const chainWithSubnet = () => {
    const chain = new TestChain({ subnetDefaults: { tempo: 100 } });
    const netuid = chain.subnet('alice');
    return { chain, netuid };
  };

  it('SubnetNotExists', () => {
    const { chain } = chainWithSubnet();
    refuses(
      chain,
      'alice',
      'set_hyperparameter',
      { netuid: 9, name: 'servingRateLimit', value: 5n },
      'SubnetNotExists',
    );
  });

  it('InvalidArgument: unknown name, wrong type, non-integer, bad enum', () => {
    const { chain, netuid } = chainWithSubnet();
    refuses(chain, 'alice', 'set_hyperparameter', { netuid, name: 'nope', value: 1 }, 'InvalidArgument', {
      hint: /unknown hyperparameter 'nope'/,
    });
    refuses(chain, 'alice', 'set_hyperparameter', { netuid, name: 'servingRateLimit', value: 5 }, 'InvalidArgument', {
      hint: /takes a bigint/,
    });
    refuses(chain, 'alice', 'set_hyperparameter', { netuid, name: 'burnHalfLife', value: 1.5 }, 'InvalidArgument', {
      hint: /integer/,
    });
    refuses(chain, 'alice', 'set_hyperparameter', { netuid, name: 'recycleOrBurn', value: 'keep' }, 'InvalidArgument', {
      hint: /'burn' or 'recycle'/,
    });
  });

  it('NotSubnetOwner', () => {
    const { chain, netuid } = chainWithSubnet();
    refuses(chain, 'bob', 'set_hyperparameter', { netuid, name: 'servingRateLimit', value: 5n }, 'NotSubnetOwner');
  });

  it('HyperparameterOutOfBounds: the range, and the pairs that must stay ordered', () => {
    const { chain, netuid } = chainWithSubnet();
    // The owner is held to the owner's range; the admin only to the storage type's.
    const bobs = chain.subnet('bob');
    refuses(
      chain,
      'bob',
      'set_hyperparameter',
      { netuid: bobs, name: 'servingRateLimit', value: 7201n },
      'HyperparameterOutOfBounds',
      {
        hint: /servingRateLimit must be in 0\.\.7200/,
      },
    );
    refuses(
      chain,
      'alice',
      'set_hyperparameter',
      { netuid, name: 'kappa', value: 65536 },
      'HyperparameterOutOfBounds',
      {
        hint: /kappa must be in 0\.\.65535/,
      },
    );
    refuses(
      chain,
      'alice',
      'set_hyperparameter',
      { netuid, name: 'alphaLow', value: 60000 },
      'HyperparameterOutOfBounds',
      {
        hint: /alphaLow must not exceed alphaHigh/,
      },
    );
    chain.ok('alice', 'set_hyperparameter', { netuid, name: 'maxBurn', value: TAO / 5n });
    refuses(
      chain,
      'alice',
      'set_hyperparameter',
      { netuid, name: 'minBurn', value: TAO / 2n },
      'HyperparameterOutOfBounds',
      {
        hint: /minBurn must stay below maxBurn/,
      },
    );
    // The admin is bound by the relations between parameters too.
    refuses(
      chain,
      'alice',
      'set_hyperparameter',
      { netuid, name: 'maxAllowedValidators', value: 300 },
      'HyperparameterOutOfBounds',
      {
        hint: /more validators than uids/,
      },
    );
  });

  it('HyperparameterNotOwnerSettable', () => {
    const { chain, netuid } = chainWithSubnet();
    chain.ok('alice', 'transfer', { dest: acct('bob'), amount: TAO });
    const b = chain.subnet('bob');
    chain.run(2);
    refuses(
      chain,
      'bob',
      'set_hyperparameter',
      { netuid: b, name: 'kappa', value: 100 },
      'HyperparameterNotOwnerSettable',
      {
        hint: /admin account/,
      },
    );
    expect(netuid).not.toBe(b);
  });

  it('AdminActionProhibitedDuringWeightsWindow, with the epoch block', () => {
    const { chain } = chainWithSubnet();
    const b = chain.subnet('bob');
    // Walk to a block inside the freeze window of bob's subnet.
    while (chain.state.get(storage.LastEpochBlock, b) + 100n - (chain.block + 1n) >= 10n) chain.step();
    const epoch = chain.state.get(storage.LastEpochBlock, b) + 100n;
    const args = { netuid: b, name: 'servingRateLimit', value: 5n };
    refuses(chain, 'bob', 'set_hyperparameter', args, 'AdminActionProhibitedDuringWeightsWindow', {
      hint: new RegExp(`the epoch at block ${epoch} is too close; next allowed at block ${epoch}$`),
    });
    // At the epoch block itself the next epoch is a whole tempo away again.
    while (chain.block + 1n < epoch) chain.step();
    chain.ok('bob', 'set_hyperparameter', args);
  });

  it('AdminActionProhibitedDuringWeightsWindow: a tempo shorter than the window, and how the admin lowers it', () => {
    const chain = new TestChain({ subnetDefaults: { tempo: 5 } });
    const netuid = chain.subnet('bob');
    refuses(
      chain,
      'bob',
      'set_hyperparameter',
      { netuid, name: 'servingRateLimit', value: 5n },
      'AdminActionProhibitedDuringWeightsWindow',
      {
        hint: /tempo 5 is shorter than the 10-block freeze window: the admin account can lower the window/,
      },
    );
  });

  it('TxRateLimitExceeded: an owner changes the same parameter at most once per two tempos', () => {
    const { chain } = chainWithSubnet();
    const b = chain.subnet('bob');
    const outsideWindow = () => {
      while (chain.state.get(storage.LastEpochBlock, b) + 100n - (chain.block + 1n) < 10n) chain.step();
    };
    outsideWindow();
    chain.ok('bob', 'set_hyperparameter', { netuid: b, name: 'servingRateLimit', value: 5n });
    const at = chain.block;
    outsideWindow();
    refuses(
      chain,
      'bob',
      'set_hyperparameter',
      { netuid: b, name: 'servingRateLimit', value: 6n },
      'TxRateLimitExceeded',
      {
        hint: new RegExp(`next allowed at block ${at + 200n}$`),
      },
    );
  });
});

describe('admin (sudo_*) call errors', () => {
  it('sudo_set_network_param: InvalidArgument for an unknown name, a wrong type, a bad value', () => {
    const chain = new TestChain();
    const set = (name: string, value: unknown, hint?: RegExp) =>
      refuses(
        chain,
        'alice',
        'sudo_set_network_param',
        { name, value },
        'InvalidArgument',
        hint === undefined ? {} : { hint },
      );
    set('nope', 1, /unknown network parameter 'nope'/);
    set('subnetLimit', 3n, /subnetLimit takes a number/);
    set('emissionPolicy', 'fastest', /taoflow.*ema-price/);
    set('networkRateLimit', -1n, /must not be negative/);
    set('subnetLimit', -1, /non-negative integer/);
    set('maxEpochsPerBlock', 1.5, /non-negative integer/);
    set('subnetLimit', { n: 1 });
    set('subnetOwnerCut', 65536, /subnetOwnerCut must be at most 65535/);
    set('taoWeight', 1n << 64n, /taoWeight must be at most/);
  });

  it('sudo_set_default_hyperparameter: InvalidArgument and HyperparameterOutOfBounds', () => {
    const chain = new TestChain();
    refuses(chain, 'alice', 'sudo_set_default_hyperparameter', { name: 'nope', value: 1 }, 'InvalidArgument');
    refuses(chain, 'alice', 'sudo_set_default_hyperparameter', { name: 'tempo', value: 1n }, 'InvalidArgument');
    refuses(
      chain,
      'alice',
      'sudo_set_default_hyperparameter',
      { name: 'kappa', value: 70000 },
      'HyperparameterOutOfBounds',
      {
        hint: /kappa must be in 0\.\.65535/,
      },
    );
    refuses(
      chain,
      'alice',
      'sudo_set_default_hyperparameter',
      { name: 'alphaHigh', value: 2000 },
      'HyperparameterOutOfBounds',
      {
        hint: /alphaLow must not exceed alphaHigh/,
      },
    );
  });

  it('sudo_set_emission_enabled: SubnetNotExists', () => {
    const chain = new TestChain();
    refuses(chain, 'alice', 'sudo_set_emission_enabled', { netuid: 4, enabled: true }, 'SubnetNotExists');
  });

  it('sudo_dissolve_network: SubnetNotExists, and root cannot be dissolved', () => {
    const chain = new TestChain();
    refuses(chain, 'alice', 'sudo_dissolve_network', { netuid: 4 }, 'SubnetNotExists');
    refuses(chain, 'alice', 'sudo_dissolve_network', { netuid: 0 }, 'SubnetNotExists');
  });
});
