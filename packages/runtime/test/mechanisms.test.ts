/**
 * Subnet mechanisms through real blocks: the owner calls (count, split, the admin's maximum) and
 * every refusal with the state unchanged apart from fee and nonce; weights, commits and reveals per
 * mechanism under `mecid·4096 + netuid`; the cleanup when the count drops; and epochs that pay each
 * mechanism's miners from its share of the emission.
 */
import { describe, expect, it } from 'vitest';
import { netuidStorageIndex, storage, views, weightsCommitHash } from '../src/index.js';
import { acct, TAO, TestChain } from './utils/chain.js';
import { refuses } from './utils/expect-error.js';

/** Tempo 100 leaves room outside the 10-block freeze window; bob owns the subnet, alice is admin. */
function bobsSubnet(opts: { maxUids?: number } = {}): { chain: TestChain; netuid: number } {
  const chain = new TestChain({ subnetDefaults: { tempo: 100 } });
  const netuid = chain.subnet('bob');
  if (opts.maxUids !== undefined)
    chain.ok('alice', 'set_hyperparameter', { netuid, name: 'maxAllowedUids', value: opts.maxUids });
  return { chain, netuid };
}

const alphaOf = (chain: TestChain, coldkey: string, netuid: number): bigint =>
  views.accountInfo(chain.state, acct(coldkey)).stakes.find((p) => p.netuid === netuid)?.alpha ?? 0n;

describe('sudo_set_mechanism_count', () => {
  it('the owner raises the count; an unchanged count emits nothing', () => {
    const { chain, netuid } = bobsSubnet({ maxUids: 128 });
    expect(chain.state.get(storage.MechanismCountCurrent, netuid)).toBe(1);
    const r = chain.ok('bob', 'sudo_set_mechanism_count', { netuid, mechanismCount: 2 });
    expect(r.events.find((e) => e.name === 'MechanismCountSet')?.data).toEqual({ netuid, count: 2 });
    expect(chain.state.get(storage.MechanismCountCurrent, netuid)).toBe(2);
    expect(views.mechanismInfo(chain.state, netuid)).toMatchObject({ count: 2, split: null });
  });

  it('refusals: SubnetNotExists, NotSubnetOwner, InvalidValue, TooManyUIDsPerMechanism', () => {
    const { chain, netuid } = bobsSubnet();
    refuses(chain, 'bob', 'sudo_set_mechanism_count', { netuid: 9, mechanismCount: 2 }, 'SubnetNotExists');
    refuses(chain, 'charlie', 'sudo_set_mechanism_count', { netuid, mechanismCount: 2 }, 'NotSubnetOwner');
    // 256 uids × 2 mechanisms is over subtensor's 256-uid cap.
    refuses(chain, 'bob', 'sudo_set_mechanism_count', { netuid, mechanismCount: 2 }, 'TooManyUIDsPerMechanism', {
      hint: /lower maxAllowedUids to 128/,
    });
    chain.ok('alice', 'set_hyperparameter', { netuid, name: 'maxAllowedUids', value: 64 });
    refuses(chain, 'bob', 'sudo_set_mechanism_count', { netuid, mechanismCount: 0 }, 'InvalidValue', {
      hint: /at least one mechanism/,
    });
    // The network maximum is 2 until the admin raises it.
    refuses(chain, 'bob', 'sudo_set_mechanism_count', { netuid, mechanismCount: 3 }, 'InvalidValue', {
      hint: /at most 2 mechanisms/,
    });
    refuses(chain, 'bob', 'sudo_set_mechanism_count', { netuid, mechanismCount: 256 }, 'InvalidArgument');
  });

  it('TxRateLimitExceeded for the owner (7200 blocks), none for the admin', () => {
    const { chain, netuid } = bobsSubnet({ maxUids: 64 });
    chain.ok('alice', 'sudo_set_max_mechanism_count', { maxMechanismCount: 4 });
    chain.ok('bob', 'sudo_set_mechanism_count', { netuid, mechanismCount: 2 });
    const at = chain.block;
    refuses(chain, 'bob', 'sudo_set_mechanism_count', { netuid, mechanismCount: 3 }, 'TxRateLimitExceeded', {
      hint: new RegExp(`next allowed at block ${at + 7200n}$`),
    });
    chain.ok('alice', 'sudo_set_mechanism_count', { netuid, mechanismCount: 4 });
    expect(chain.state.get(storage.MechanismCountCurrent, netuid)).toBe(4);
  });

  it('AdminActionProhibitedDuringWeightsWindow: the owner, close to the epoch', () => {
    const { chain, netuid } = bobsSubnet({ maxUids: 128 });
    // The epoch is due every 101 blocks from the subnet's start; walk into its last 10 blocks.
    while ((views.dynamicInfo(chain.state, netuid, chain.block + 1n)?.blocksUntilNextEpoch ?? 0n) > 5n) chain.run(1);
    refuses(
      chain,
      'bob',
      'sudo_set_mechanism_count',
      { netuid, mechanismCount: 2 },
      'AdminActionProhibitedDuringWeightsWindow',
    );
  });

  it('lowering the count deletes the dropped mechanisms and resets the split', () => {
    const { chain, netuid } = bobsSubnet({ maxUids: 128 });
    chain.ok('alice', 'sudo_set_mechanism_count', { netuid, mechanismCount: 2 });
    chain.ok('alice', 'sudo_set_mechanism_emission_split', { netuid, maybeSplit: [30000, 35535] });
    chain.ok('alice', 'set_hyperparameter', { netuid, name: 'minAllowedWeights', value: 0 });
    // The owner hotkey (uid 0) may weight itself on mechanism 1.
    chain.ok('bob-hot', 'set_weights', { netuid, mecid: 1, uids: [0], values: [1], versionKey: 0n });
    const index = netuidStorageIndex(netuid, 1);
    expect(index).toBe(4096 + netuid);
    expect(chain.state.get(storage.Weights, [index, 0])).not.toBeNull();
    expect(chain.state.get(storage.LastUpdate, index)).toHaveLength(1);
    chain.ok('alice', 'sudo_set_mechanism_count', { netuid, mechanismCount: 1 });
    expect(chain.state.get(storage.Weights, [index, 0])).toBeNull();
    expect(chain.state.get(storage.LastUpdate, index)).toEqual([]);
    expect(chain.state.get(storage.MechanismEmissionSplit, netuid)).toBeNull();
    refuses(
      chain,
      'bob-hot',
      'set_weights',
      { netuid, mecid: 1, uids: [0], values: [1], versionKey: 0n },
      'MechanismDoesNotExist',
      { hint: /has 1 mechanism\(s\): ids 0\.\.0/ },
    );
  });
});

describe('sudo_set_mechanism_emission_split', () => {
  it('stores a split summing to 65535 and null goes back to even', () => {
    const { chain, netuid } = bobsSubnet({ maxUids: 128 });
    chain.ok('bob', 'sudo_set_mechanism_count', { netuid, mechanismCount: 2 });
    chain.ok('bob', 'sudo_set_mechanism_emission_split', { netuid, maybeSplit: [16383, 49152] });
    expect(chain.state.get(storage.MechanismEmissionSplit, netuid)).toEqual([16383, 49152]);
    chain.ok('alice', 'sudo_set_mechanism_emission_split', { netuid, maybeSplit: null });
    expect(chain.state.get(storage.MechanismEmissionSplit, netuid)).toBeNull();
  });

  it('refusals: InvalidValue (empty, too long, wrong sum), TxRateLimitExceeded, NotSubnetOwner', () => {
    const { chain, netuid } = bobsSubnet({ maxUids: 128 });
    chain.ok('bob', 'sudo_set_mechanism_count', { netuid, mechanismCount: 2 });
    const split = (maybeSplit: unknown) => ({ netuid, maybeSplit });
    refuses(chain, 'bob', 'sudo_set_mechanism_emission_split', split([]), 'InvalidValue', { hint: /at least one/ });
    refuses(chain, 'bob', 'sudo_set_mechanism_emission_split', split([1, 1, 65533]), 'InvalidValue', {
      hint: /3 parts for 2 mechanism/,
    });
    refuses(chain, 'bob', 'sudo_set_mechanism_emission_split', split([1, 2]), 'InvalidValue', {
      hint: /they sum to 3/,
    });
    refuses(chain, 'bob', 'sudo_set_mechanism_emission_split', split([70000]), 'InvalidArgument');
    refuses(chain, 'charlie', 'sudo_set_mechanism_emission_split', split([65535]), 'NotSubnetOwner');
    chain.ok('bob', 'sudo_set_mechanism_emission_split', split([65535]));
    refuses(chain, 'bob', 'sudo_set_mechanism_emission_split', split([65535, 0]), 'TxRateLimitExceeded', {
      hint: /next allowed at block \d+$/,
    });
  });
});

describe('sudo_set_max_mechanism_count', () => {
  it('admin only, 1..16', () => {
    const { chain } = bobsSubnet();
    refuses(chain, 'alice', 'sudo_set_max_mechanism_count', { maxMechanismCount: 0 }, 'InvalidValue');
    refuses(chain, 'alice', 'sudo_set_max_mechanism_count', { maxMechanismCount: 17 }, 'InvalidValue', {
      hint: /at most 16/,
    });
    chain.ok('alice', 'sudo_set_max_mechanism_count', { maxMechanismCount: 16 });
    expect(chain.state.value(storage.MaxMechanismCount)).toBe(16);
    const [r] = chain.step(chain.tx('bob', 'sudo_set_max_mechanism_count', { maxMechanismCount: 3 }));
    expect(r?.ok).toBe(false);
    expect(chain.state.value(storage.MaxMechanismCount)).toBe(16);
  });
});

describe('set_hyperparameter with mechanisms', () => {
  it('TooManyUIDsPerMechanism when raising maxAllowedUids past 256 / count', () => {
    const { chain, netuid } = bobsSubnet({ maxUids: 128 });
    chain.ok('bob', 'sudo_set_mechanism_count', { netuid, mechanismCount: 2 });
    refuses(
      chain,
      'alice',
      'set_hyperparameter',
      { netuid, name: 'maxAllowedUids', value: 129 },
      'TooManyUIDsPerMechanism',
    );
  });
});

/** A subnet with two mechanisms: miners bob (uid 1) and charlie (uid 2), validator dave (uid 3). */
function twoMechanisms(split: number[] | null): { chain: TestChain; netuid: number } {
  const chain = new TestChain();
  const netuid = chain.subnet('alice');
  chain.ok('alice', 'set_hyperparameter', { netuid, name: 'maxAllowedUids', value: 128 });
  chain.ok('alice', 'sudo_set_mechanism_count', { netuid, mechanismCount: 2 });
  if (split !== null) chain.ok('alice', 'sudo_set_mechanism_emission_split', { netuid, maybeSplit: split });
  chain.ok('bob', 'burned_register', { netuid, hotkey: acct('bob-hot') });
  chain.ok('charlie', 'burned_register', { netuid, hotkey: acct('charlie-hot') });
  chain.ok('dave', 'burned_register', { netuid, hotkey: acct('dave-hot') });
  chain.ok('dave', 'add_stake', { hotkey: acct('dave-hot'), netuid, amount: 1000n * TAO });
  chain.run(12);
  return { chain, netuid };
}

describe('weights per mechanism', () => {
  it('a neuron registered on a two-mechanism subnet starts its last update on both', () => {
    const { chain, netuid } = twoMechanisms(null);
    const lu0 = chain.state.get(storage.LastUpdate, netuid);
    const lu1 = chain.state.get(storage.LastUpdate, netuid + 4096);
    expect(lu1).toHaveLength(4);
    expect(lu1.slice(1)).toEqual(lu0.slice(1));
  });

  it('set_weights with mecid writes its own row and rate limit; mecid ≥ count is MechanismDoesNotExist', () => {
    const { chain, netuid } = twoMechanisms(null);
    chain.ok('alice', 'set_hyperparameter', { netuid, name: 'weightsSetRateLimit', value: 50n });
    // Registration started the limit on both mechanisms.
    chain.run(50);
    const r = chain.ok('dave-hot', 'set_weights', { netuid, mecid: 1, uids: [2], values: [7], versionKey: 0n });
    expect(r.events.find((e) => e.name === 'WeightsSet')?.data).toEqual({ netuid, mecid: 1, uid: 3 });
    expect(Array.from(chain.state.get(storage.Weights, [netuid + 4096, 3])?.vals ?? [])).toEqual([65535]);
    expect(chain.state.get(storage.Weights, [netuid, 3])).toBeNull();
    // Mechanism 1's limit does not hold back mechanism 0.
    chain.ok('dave-hot', 'set_weights', { netuid, uids: [1], values: [7], versionKey: 0n });
    refuses(
      chain,
      'dave-hot',
      'set_weights',
      { netuid, mecid: 1, uids: [1], values: [7], versionKey: 0n },
      'SettingWeightsTooFast',
    );
    refuses(
      chain,
      'dave-hot',
      'set_weights',
      { netuid, mecid: 2, uids: [1], values: [7], versionKey: 0n },
      'MechanismDoesNotExist',
      { hint: /has 2 mechanism\(s\): ids 0\.\.1/ },
    );
    refuses(
      chain,
      'dave-hot',
      'set_weights',
      { netuid, mecid: 300, uids: [1], values: [7], versionKey: 0n },
      'InvalidArgument',
    );
  });

  it('commit and reveal with mecid: the hash covers the mechanism storage index', () => {
    const { chain, netuid } = twoMechanisms(null);
    chain.ok('alice', 'set_hyperparameter', { netuid, name: 'commitRevealEnabled', value: true });
    const w = { uids: [2], values: [9], salt: [1, 2, 3], versionKey: 0n };
    const index = netuidStorageIndex(netuid, 1);
    const hash = weightsCommitHash(acct('dave-hot'), index, w.uids, w.values, w.salt, w.versionKey);
    refuses(chain, 'dave-hot', 'commit_weights', { netuid, mecid: 2, hash }, 'MechanismDoesNotExist');
    chain.ok('dave-hot', 'commit_weights', { netuid, mecid: 1, hash });
    expect(chain.state.get(storage.WeightCommits, [index, acct('dave-hot')])).toHaveLength(1);
    expect(chain.state.get(storage.WeightCommits, [netuid, acct('dave-hot')])).toEqual([]);
    refuses(chain, 'dave-hot', 'reveal_weights', { netuid, mecid: 2, ...w }, 'MechanismDoesNotExist');
    // Revealing on mechanism 0 looks for a mechanism-0 commit: there is none.
    refuses(chain, 'dave-hot', 'reveal_weights', { netuid, ...w }, 'NoWeightsCommitFound');
    // The reveal epoch is the one after the commit's (dev tempo 10).
    let revealed = false;
    for (let i = 0; i < 30 && !revealed; i++) {
      const [r] = chain.step(chain.tx('dave-hot', 'reveal_weights', { netuid, mecid: 1, ...w }));
      revealed = r?.ok === true;
    }
    expect(revealed).toBe(true);
    expect(Array.from(chain.state.get(storage.Weights, [index, 3])?.cols ?? [])).toEqual([2]);
    expect(chain.state.get(storage.WeightCommits, [index, acct('dave-hot')])).toEqual([]);
  });
});

describe('epochs per mechanism', () => {
  it('each mechanism pays its own miners from its share of the split', () => {
    const { chain, netuid } = twoMechanisms([16383, 49152]);
    const mg = views.metagraph(chain.state, netuid, ['validatorPermit']);
    expect(mg?.validatorPermit?.[3]).toBe(true);
    // Dave weights bob on mechanism 0 and charlie on mechanism 1.
    chain.ok('dave-hot', 'set_weights', { netuid, uids: [1], values: [1], versionKey: 0n });
    chain.ok('dave-hot', 'set_weights', { netuid, mecid: 1, uids: [2], values: [1], versionKey: 0n });
    chain.run(11);
    const bob0 = alphaOf(chain, 'bob', netuid);
    const charlie0 = alphaOf(chain, 'charlie', netuid);
    chain.run(40);
    const bob = alphaOf(chain, 'bob', netuid) - bob0;
    const charlie = alphaOf(chain, 'charlie', netuid) - charlie0;
    expect(bob).toBeGreaterThan(0n);
    // Charlie's mechanism gets 49152/65535 of the emission, bob's 16383/65535: three times as much.
    const ratio = Number((charlie * 1_000_000n) / bob) / 1_000_000;
    console.log(`mechanism payouts over 4 epochs: bob (mech 0) ${bob}, charlie (mech 1) ${charlie}, ratio ${ratio}`);
    expect(ratio).toBeGreaterThan(2.97);
    expect(ratio).toBeLessThan(3.03);
    const m0 = views.metagraph(chain.state, netuid, ['incentive', 'dividends'], 0);
    const m1 = views.metagraph(chain.state, netuid, ['incentive', 'dividends', 'weights'], 1);
    expect(m0?.incentive).toEqual([0, 65535, 0, 0]);
    expect(m1?.incentive).toEqual([0, 0, 65535, 0]);
    expect(m1?.weights?.[3]).toEqual([[2, 65535]]);
    // Dividends are combined by emission share, each term floored as subtensor does: 65535 from
    // each mechanism comes back as floor(65535·w0) + floor(65535·w1) = 65534.
    expect(m0?.dividends).toEqual([0, 0, 0, 65534]);
    expect(chain.state.get(storage.MechanismIncentive, netuid + 4096)).toEqual([0, 0, 65535, 0]);
  });

  it('dissolving the subnet removes every mechanism', () => {
    const { chain, netuid } = twoMechanisms(null);
    chain.ok('dave-hot', 'set_weights', { netuid, mecid: 1, uids: [2], values: [1], versionKey: 0n });
    chain.run(11);
    expect(chain.state.get(storage.MechanismIncentive, netuid + 4096)).toHaveLength(4);
    chain.ok('alice', 'sudo_dissolve_network', { netuid });
    const left = [...chain.state.allEntries()].filter(
      ([item, key]) =>
        (item.startsWith('weights.') ||
          item.startsWith('neurons.lastUpdate') ||
          item.startsWith('neurons.mechanism')) &&
        key.startsWith(`${netuid + 4096}`),
    );
    expect(left).toEqual([]);
    expect(chain.state.get(storage.MechanismCountCurrent, netuid)).toBe(1);
  });
});
