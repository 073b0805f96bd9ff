/**
 * The admin freeze window and the owner hyperparameter rate limit as chain state (subtensor's
 * AdminFreezeWindow and OwnerHyperparamRateLimit): the admin's setters and their events, refusals
 * that change nothing, the genesis settings, and every owner check reading the stored values.
 */
import { describe, expect, it } from 'vitest';
import { GenesisError, genesisState, storage } from '../src/index.js';
import { acct, TestChain } from './utils/chain.js';
import { refuses } from './utils/expect-error.js';

/** Bob's subnet on the dev tempo (10 blocks), no longer than the default 10-block window. */
function devTempoSubnet(): { chain: TestChain; netuid: number } {
  const chain = new TestChain({ subnetDefaults: { tempo: 10 } });
  return { chain, netuid: chain.subnet('bob') };
}

const serving = (netuid: number, value: bigint) => ({ netuid, name: 'servingRateLimit', value });
const servingOf = (chain: TestChain, netuid: number) =>
  chain.state.get(storage.Hyperparameters, netuid)?.servingRateLimit;

/** Steps until the block about to be applied is `blocksBefore` blocks before the subnet's next epoch. */
function walkTo(chain: TestChain, netuid: number, tempo: bigint, blocksBefore: bigint): void {
  while (chain.state.get(storage.LastEpochBlock, netuid) + tempo - (chain.block + 1n) !== blocksBefore) chain.step();
}

describe('AdminFreezeWindow', () => {
  it('defaults to 10 blocks, unstored, and a tempo-10 subnet never opens to its owner', () => {
    const { chain, netuid } = devTempoSubnet();
    expect(chain.state.value(storage.AdminFreezeWindow)).toBe(10);
    expect([...chain.state.allEntries()].some(([item]) => item === 'subnets.adminFreezeWindow')).toBe(false);
    // One block after an epoch, the next is 9 blocks away: inside the window.
    walkTo(chain, netuid, 10n, 9n);
    const epoch = chain.state.get(storage.LastEpochBlock, netuid) + 10n;
    refuses(chain, 'bob', 'set_hyperparameter', serving(netuid, 5n), 'AdminActionProhibitedDuringWeightsWindow', {
      hint: new RegExp(
        `tempo 10 is as long as the 10-block freeze window, which leaves only the epoch's own block \\(${epoch}\\) open: the admin account can lower the window with sudo_set_admin_freeze_window`,
      ),
    });
  });

  it('window 0, set through Sudo, lets the owner set a hyperparameter on a tempo-10 subnet', () => {
    const { chain, netuid } = devTempoSubnet();
    walkTo(chain, netuid, 10n, 1n);
    refuses(chain, 'bob', 'set_hyperparameter', serving(netuid, 5n), 'AdminActionProhibitedDuringWeightsWindow', {
      hint: /freeze window, which leaves only the epoch's own block/,
    });
    const r = chain.ok('alice', 'sudo', { call: { method: 'sudo_set_admin_freeze_window', args: { window: 0 } } });
    expect(r.events.map((e) => e.name)).toEqual(['AdminFreezeWindowSet', 'Sudid', 'ExtrinsicSuccess']);
    expect(r.events[0]?.data).toEqual({ window: 0 });
    expect(chain.state.value(storage.AdminFreezeWindow)).toBe(0);
    // Any block of the tempo, the one right before the epoch included.
    walkTo(chain, netuid, 10n, 1n);
    chain.ok('bob', 'set_hyperparameter', serving(netuid, 5n));
    expect(servingOf(chain, netuid)).toBe(5n);
  });

  it('a window longer than the tempo: the hint says how to lower it, and the admin signs it directly', () => {
    const { chain, netuid } = devTempoSubnet();
    const r = chain.ok('alice', 'sudo_set_admin_freeze_window', { window: 12 });
    expect(r.events.find((e) => e.name === 'AdminFreezeWindowSet')?.data).toEqual({ window: 12 });
    walkTo(chain, netuid, 10n, 9n);
    refuses(chain, 'bob', 'set_hyperparameter', serving(netuid, 5n), 'AdminActionProhibitedDuringWeightsWindow', {
      hint: /tempo 10 is shorter than the 12-block freeze window: the admin account can lower the window with sudo_set_admin_freeze_window/,
    });
    // A shorter window opens the early blocks of the tempo.
    chain.ok('alice', 'sudo_set_admin_freeze_window', { window: 3 });
    walkTo(chain, netuid, 10n, 3n);
    chain.ok('bob', 'set_hyperparameter', serving(netuid, 6n));
    walkTo(chain, netuid, 10n, 2n);
    const epoch = chain.state.get(storage.LastEpochBlock, netuid) + 10n;
    refuses(chain, 'bob', 'set_hyperparameter', serving(netuid, 7n), 'AdminActionProhibitedDuringWeightsWindow', {
      hint: new RegExp(`the epoch at block ${epoch} is too close; next allowed at block ${epoch}$`),
    });
  });

  it('the setter is refused for a non-root signer and changes nothing', () => {
    const { chain } = devTempoSubnet();
    refuses(chain, 'bob', 'sudo_set_admin_freeze_window', { window: 0 }, 'BadOrigin', { unpaid: true });
    refuses(
      chain,
      'bob',
      'sudo',
      { call: { method: 'sudo_set_admin_freeze_window', args: { window: 0 } } },
      'RequireSudo',
    );
    refuses(chain, 'alice', 'sudo_set_admin_freeze_window', { window: 65_536 }, 'InvalidArgument', {
      hint: /integer in 0\.\.65535/,
    });
    refuses(chain, 'alice', 'sudo_set_admin_freeze_window', { window: -1 }, 'InvalidArgument');
    expect(chain.state.value(storage.AdminFreezeWindow)).toBe(10);
  });

  it('an owner changing its mechanisms is held to the stored window too', () => {
    const chain = new TestChain({ subnetDefaults: { tempo: 10 } });
    const netuid = chain.subnet('bob');
    chain.ok('alice', 'set_hyperparameter', { netuid, name: 'maxAllowedUids', value: 64 });
    walkTo(chain, netuid, 10n, 5n);
    refuses(
      chain,
      'bob',
      'sudo_set_mechanism_count',
      { netuid, mechanismCount: 2 },
      'AdminActionProhibitedDuringWeightsWindow',
    );
    chain.ok('alice', 'sudo_set_admin_freeze_window', { window: 5 });
    walkTo(chain, netuid, 10n, 5n);
    chain.ok('bob', 'sudo_set_mechanism_count', { netuid, mechanismCount: 2 });
    expect(chain.state.get(storage.MechanismCountCurrent, netuid)).toBe(2);
  });
});

describe('OwnerHyperparamRateLimit', () => {
  /** Bob's tempo-100 subnet, the window lifted so only the rate limit decides. */
  function rateLimited(): { chain: TestChain; netuid: number } {
    const chain = new TestChain({ subnetDefaults: { tempo: 100 } });
    const netuid = chain.subnet('bob');
    chain.ok('alice', 'sudo_set_admin_freeze_window', { window: 0 });
    return { chain, netuid };
  }

  it('defaults to two tempos', () => {
    const { chain, netuid } = rateLimited();
    expect(chain.state.value(storage.OwnerHyperparamRateLimit)).toBe(2);
    chain.ok('bob', 'set_hyperparameter', serving(netuid, 5n));
    const at = chain.block;
    refuses(chain, 'bob', 'set_hyperparameter', serving(netuid, 6n), 'TxRateLimitExceeded', {
      hint: new RegExp(`next allowed at block ${at + 200n}$`),
    });
  });

  it('follows the stored value: 5 tempos, then 0 (no limit)', () => {
    const { chain, netuid } = rateLimited();
    const r = chain.ok('alice', 'sudo', { call: { method: 'sudo_set_owner_hparam_rate_limit', args: { epochs: 5 } } });
    expect(r.events[0]).toEqual({ name: 'OwnerHyperparamRateLimitSet', data: { epochs: 5 } });
    chain.ok('bob', 'set_hyperparameter', serving(netuid, 5n));
    const at = chain.block;
    refuses(chain, 'bob', 'set_hyperparameter', serving(netuid, 6n), 'TxRateLimitExceeded', {
      hint: new RegExp(`next allowed at block ${at + 500n}$`),
    });
    chain.ok('alice', 'sudo_set_owner_hparam_rate_limit', { epochs: 0 });
    chain.ok('bob', 'set_hyperparameter', serving(netuid, 6n));
    chain.ok('bob', 'set_hyperparameter', serving(netuid, 7n));
    expect(servingOf(chain, netuid)).toBe(7n);
  });

  it('the setter is refused for a non-root signer and changes nothing', () => {
    const { chain } = rateLimited();
    refuses(chain, 'bob', 'sudo_set_owner_hparam_rate_limit', { epochs: 0 }, 'BadOrigin', { unpaid: true });
    refuses(chain, 'alice', 'sudo_set_owner_hparam_rate_limit', { epochs: 1.5 }, 'InvalidArgument');
    expect(chain.state.value(storage.OwnerHyperparamRateLimit)).toBe(2);
  });
});

describe('genesis', () => {
  const base = { sudo: acct('alice'), balances: [] };

  it('sets both from the genesis config; the defaults written out store nothing', () => {
    const s = genesisState({ ...base, adminFreezeWindow: 0, ownerHyperparamRateLimit: 7 });
    expect(s.value(storage.AdminFreezeWindow)).toBe(0);
    expect(s.value(storage.OwnerHyperparamRateLimit)).toBe(7);
    const plain = [...genesisState(base).allEntries()];
    expect([...genesisState({ ...base, adminFreezeWindow: 10, ownerHyperparamRateLimit: 2 }).allEntries()]).toEqual(
      plain,
    );
  });

  it('refuses a value that is not a u16', () => {
    expect(() => genesisState({ ...base, adminFreezeWindow: 70_000 })).toThrow(GenesisError);
    expect(() => genesisState({ ...base, ownerHyperparamRateLimit: -1 })).toThrow(/ownerHyperparamRateLimit/);
  });
});
