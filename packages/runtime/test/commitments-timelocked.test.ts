/**
 * Timelocked commitment fields through real blocks: a field sealed to a dev-beacon round stays
 * pending while the round's pulse is not on chain, and the block step after the pulse lands moves
 * its plaintext into RevealedCommitments; a ciphertext that does not decrypt is recorded as failed.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { DEV_BEACON_PUBLIC_KEY, devBeaconPulse, timelockEncrypt, toHex } from '@taonet/primitives';
import { describe, expect, it } from 'vitest';
import { storage, views } from '../src/index.js';
import { acct, TestChain } from './utils/chain.js';
import { refuses } from './utils/expect-error.js';

const ROUND = 5n;

function entropy(label: string) {
  let n = 0;
  return (len: number): Uint8Array => {
    const out = new Uint8Array(len);
    for (let i = 0; i < len; i += 32)
      out.set(sha256(new TextEncoder().encode(`${label}/${n++}`)).subarray(0, len - i), i);
    return out;
  };
}

function world() {
  const chain = new TestChain({
    beacon: { publicKey: toHex(DEV_BEACON_PUBLIC_KEY), genesisTime: 0n, period: 3n, chainHash: `0x${'22'.repeat(32)}` },
  });
  const netuid = chain.subnet('alice');
  chain.ok('bob', 'burned_register', { netuid, hotkey: acct('bob-hot') });
  return { chain, netuid, bob: acct('bob-hot') };
}

/**
 * One block, carrying as its inherent the rounds that are due by its timestamp (block n is at
 * n × 250 ms, rounds every 3 s); returns the last round stored after it.
 */
function pulseBlock(chain: TestChain): bigint {
  const number = chain.block + 1n;
  const latest = (number * 250n) / 3000n + 1n;
  const last = chain.state.value(storage.LastStoredRound);
  if (latest <= last) chain.step();
  else {
    const rounds: bigint[] = [];
    for (let r = last === 0n ? latest : last + 1n; r <= latest; r++) rounds.push(r);
    chain.stepWithInherent({ method: 'write_pulse', args: { pulses: rounds.map(devBeaconPulse) } });
  }
  return chain.state.value(storage.LastStoredRound);
}

const sealedField = (text: string, round = ROUND) => ({
  kind: 'timelockEncrypted',
  data: toHex(timelockEncrypt(DEV_BEACON_PUBLIC_KEY, round, new TextEncoder().encode(text), entropy(text))),
  revealRound: round,
});

describe('timelocked commitments', () => {
  it('reveals the plaintext in the block step right after the round’s pulse, not before', () => {
    const { chain, netuid, bob } = world();
    const field = sealedField('model: taonet/m1');
    const raw = { kind: 'raw', data: '0x0102' };
    const r = chain.ok('bob-hot', 'set_commitment', { netuid, fields: [raw, field] });
    expect(r.events.find((e) => e.name === 'TimelockCommitment')?.data).toEqual({
      netuid,
      who: bob,
      revealRound: ROUND,
    });
    expect(chain.state.value(storage.TimelockedIndex)).toEqual([`${netuid}/${bob}`]);
    const pending = views.commitmentOf(chain.state, netuid, bob);
    expect(pending?.fields).toEqual([raw, field]);
    expect(pending?.revealed).toEqual([]);
    expect(pending?.pendingRounds).toEqual([ROUND]);

    let round = 0n;
    while (round < ROUND) {
      round = pulseBlock(chain);
      // The pulse lands after this block's step: nothing is revealed yet, even at ROUND.
      expect(chain.state.get(storage.RevealedCommitments, [netuid, bob])).toEqual([]);
      expect(chain.state.get(storage.CommitmentOf, [netuid, bob])?.fields).toHaveLength(2);
    }
    chain.step();
    const revealedAt = chain.block;
    expect(chain.lastResult?.events.filter((e) => e.name === 'CommitmentRevealed').map((e) => e.data)).toEqual([
      { netuid, who: bob },
    ]);
    expect(chain.state.get(storage.RevealedCommitments, [netuid, bob])).toEqual([
      { data: toHex(new TextEncoder().encode('model: taonet/m1')), block: revealedAt },
    ]);
    expect(chain.state.get(storage.CommitmentOf, [netuid, bob])?.fields).toEqual([raw]);
    expect(chain.state.value(storage.TimelockedIndex)).toEqual([]);
    const view = views.commitmentOf(chain.state, netuid, bob);
    expect(view?.pendingRounds).toEqual([]);
    expect(view?.revealed).toEqual([{ data: toHex(new TextEncoder().encode('model: taonet/m1')), block: revealedAt }]);
    chain.run(2);
    expect(chain.state.get(storage.RevealedCommitments, [netuid, bob])).toHaveLength(1);
  });

  it('a commitment of only a sealed field leaves CommitmentOf once revealed', () => {
    const { chain, netuid, bob } = world();
    chain.ok('bob-hot', 'set_commitment', { netuid, fields: [sealedField('only', 2n)] });
    while (chain.state.value(storage.LastStoredRound) < 2n) pulseBlock(chain);
    chain.step();
    expect(chain.state.get(storage.CommitmentOf, [netuid, bob])).toBeNull();
    expect(chain.state.get(storage.RevealedCommitments, [netuid, bob])[0]?.data).toBe(
      toHex(new TextEncoder().encode('only')),
    );
  });

  it('records a garbage ciphertext as failed, with an event, and reveals nothing', () => {
    const { chain, netuid, bob } = world();
    const garbage = { kind: 'timelockEncrypted', data: `0x${'5a'.repeat(200)}`, revealRound: 2n };
    chain.ok('bob-hot', 'set_commitment', { netuid, fields: [garbage] });
    while (chain.state.value(storage.LastStoredRound) < 2n) pulseBlock(chain);
    expect(chain.state.get(storage.CommitmentRevealFailures, [netuid, bob])).toEqual([]);
    chain.step();
    const failed = chain.lastResult?.events.find((e) => e.name === 'CommitmentRevealFailed');
    expect(failed?.data).toMatchObject({ netuid, who: bob, revealRound: 2n });
    const failures = chain.state.get(storage.CommitmentRevealFailures, [netuid, bob]);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ revealRound: 2n, block: chain.block });
    expect(failures[0]?.reason).toMatch(/^[A-Z][A-Za-z]+$/);
    expect(chain.state.get(storage.RevealedCommitments, [netuid, bob])).toEqual([]);
    expect(chain.state.get(storage.CommitmentOf, [netuid, bob])).toBeNull();
    expect(views.commitmentOf(chain.state, netuid, bob)?.revealFailures).toEqual(failures);
  });

  it('refuses a ciphertext over 1024 bytes or a missing round', () => {
    const { chain, netuid } = world();
    const big = { kind: 'timelockEncrypted', data: `0x${'00'.repeat(1025)}`, revealRound: 2n };
    refuses(chain, 'bob-hot', 'set_commitment', { netuid, fields: [big] }, 'InvalidArgument');
    const noRound = { kind: 'timelockEncrypted', data: '0x00' };
    refuses(chain, 'bob-hot', 'set_commitment', { netuid, fields: [noRound] }, 'InvalidArgument');
  });
});
