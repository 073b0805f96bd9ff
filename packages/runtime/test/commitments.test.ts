/**
 * set_commitment through real blocks: who may commit, the field kinds and their sizes, the per-epoch
 * space limit, the admin's set_max_space, and a dissolved subnet taking its commitments along.
 */
import { describe, expect, it } from 'vitest';
import { storage } from '../src/index.js';
import { acct, TestChain } from './utils/chain.js';
import { refuses } from './utils/expect-error.js';

const hex = (n: number, byte = 'ab') => `0x${byte.repeat(n)}`;

function world() {
  const chain = new TestChain();
  const netuid = chain.subnet('alice');
  chain.ok('bob', 'burned_register', { netuid, hotkey: acct('bob-hot') });
  return { chain, netuid };
}

describe('set_commitment', () => {
  it('stores the fields with the block, free of fee, signed by the hotkey', () => {
    const { chain, netuid } = world();
    const fields = [
      { kind: 'raw', data: hex(128) },
      { kind: 'sha256', data: hex(32, '01') },
      { kind: 'bigRaw', data: hex(512) },
    ];
    const r = chain.ok('bob-hot', 'set_commitment', { netuid, fields });
    expect(r.fee).toBe(0n);
    expect(r.events.find((e) => e.name === 'Commitment')?.data).toEqual({ netuid, who: acct('bob-hot') });
    expect(chain.state.get(storage.CommitmentOf, [netuid, acct('bob-hot')])).toEqual({
      fields,
      block: chain.block,
      deposit: 0n,
    });
    expect(chain.state.get(storage.LastCommitment, [netuid, acct('bob-hot')])).toBe(chain.block);
    expect(chain.state.get(storage.UsedSpaceOf, [netuid, acct('bob-hot')])?.usedSpace).toBe(128n + 32n + 512n);
    chain.ok('bob-hot', 'set_commitment', { netuid, fields: [{ kind: 'resetBondsFlag' }] });
    expect(chain.state.get(storage.LastBondsReset, [netuid, acct('bob-hot')])).toBe(chain.block);
    // An empty commitment still counts the minimum of 100 bytes.
    expect(chain.state.get(storage.UsedSpaceOf, [netuid, acct('bob-hot')])?.usedSpace).toBe(672n + 100n);
  });

  it('AccountNotAllowedCommit, TooManyFieldsInCommitmentInfo, InvalidArgument for bad fields', () => {
    const { chain, netuid } = world();
    refuses(chain, 'charlie-hot', 'set_commitment', { netuid, fields: [] }, 'AccountNotAllowedCommit', {
      hint: new RegExp(`not registered on subnet ${netuid}`),
    });
    const four = Array.from({ length: 4 }, () => ({ kind: 'none' }));
    refuses(chain, 'bob-hot', 'set_commitment', { netuid, fields: four }, 'TooManyFieldsInCommitmentInfo', {
      hint: /4 fields; at most 3/,
    });
    for (const bad of [
      { kind: 'raw', data: hex(129) },
      { kind: 'bigRaw', data: hex(513) },
      { kind: 'keccak256', data: hex(31) },
      { kind: 'raw', data: 'zz' },
      { kind: 'timelockEncrypted', data: hex(8) },
      { kind: 'other' },
    ])
      refuses(chain, 'bob-hot', 'set_commitment', { netuid, fields: [bad] }, 'InvalidArgument');
  });

  it('SpaceLimitExceeded past MaxSpace in one epoch; the next epoch starts afresh; admin sets MaxSpace', () => {
    const { chain, netuid } = world();
    const big = [
      { kind: 'bigRaw', data: hex(512) },
      { kind: 'bigRaw', data: hex(512) },
      { kind: 'bigRaw', data: hex(512) },
    ];
    const epoch = chain.state.get(storage.SubnetEpochIndex, netuid);
    chain.ok('bob-hot', 'set_commitment', { netuid, fields: big });
    chain.ok('bob-hot', 'set_commitment', { netuid, fields: big });
    if (chain.state.get(storage.SubnetEpochIndex, netuid) === epoch)
      refuses(chain, 'bob-hot', 'set_commitment', { netuid, fields: [] }, 'SpaceLimitExceeded', {
        hint: /counts 100 bytes and 3072 of 3100 are used this epoch/,
      });
    while (chain.state.get(storage.SubnetEpochIndex, netuid) === epoch) chain.step();
    chain.ok('bob-hot', 'set_commitment', { netuid, fields: big });
    refuses(chain, 'bob', 'set_max_space', { newLimit: 10 }, 'BadOrigin', { unpaid: true });
    chain.ok('alice', 'set_max_space', { newLimit: 10 });
    refuses(chain, 'bob-hot', 'set_commitment', { netuid: netuid, fields: [] }, 'SpaceLimitExceeded');
  });

  it('dissolving the subnet removes its commitments', () => {
    const { chain, netuid } = world();
    chain.ok('bob-hot', 'set_commitment', { netuid, fields: [{ kind: 'raw', data: hex(4) }] });
    chain.ok('alice', 'sudo_dissolve_network', { netuid });
    expect(chain.state.get(storage.CommitmentOf, [netuid, acct('bob-hot')])).toBeNull();
    expect(chain.state.get(storage.LastCommitment, [netuid, acct('bob-hot')])).toBe(0n);
  });
});
