import { roundAt, roundTime } from '@taonet/primitives';
import { describe, expect, it } from 'vitest';
import { chooseRevealRound, INCLUSION_WINDOW_BLOCKS } from '../../../src/client/actions/reveal-round.js';

/** The dev beacon's schedule (unix 0, 3 s rounds) with 250 ms blocks: 12 blocks a round. */
const schedule = { genesisTime: 0n, period: 3n };
const at = (headTimestampMs: bigint, blocksToReveal: bigint, lastStoredRound = 0n) =>
  chooseRevealRound({ headTimestampMs, blockTimeMs: 250n, blocksToReveal, lastStoredRound, ...schedule });
/** The last round a block at `ms` holds: its author writes every round due by its timestamp first. */
const writtenBy = (ms: bigint) => roundAt(ms / 1000n, schedule);

describe('chooseRevealRound', () => {
  it('takes the round published when the reveal epoch starts when the commit is far from it', () => {
    // Reveal 30 blocks (7.5 s) after a head at 25 s: 32.5 s → round 11.
    expect(at(25_000n, 30n)).toBe(11n);
  });

  it('skips a round the next block writes itself: the reveal epoch starts at a round boundary', () => {
    // Head at 2.75 s, the reveal epoch starts next block at 3 s, the very block that writes round 2.
    expect(roundAt(3n, schedule)).toBe(2n);
    expect(writtenBy(3_000n)).toBe(2n);
    expect(at(2_750n, 1n, 1n)).toBe(3n);
  });

  it('skips rounds due while the commit may wait in the pool', () => {
    // Round 2 is published at 3 s, two blocks after a head at 2.5 s: inside the inclusion window
    // even though the reveal epoch (and its round 2) starts one block later.
    expect(at(2_500n, 1n, 1n)).toBe(3n);
    // One block before the window reaches 3 s the reveal round is used as it is.
    expect(at(2_000n, 5n, 1n)).toBe(2n);
  });

  it('never picks a stored round, whatever the clocks say', () => {
    expect(at(25_000n, 30n, 40n)).toBe(41n);
  });

  it('at every head near a boundary: out of reach of the inclusion blocks, and never later than needed', () => {
    for (let head = 0n; head <= 12_000n; head += 250n) {
      for (let blocks = 1n; blocks <= 40n; blocks++) {
        const r = at(head, blocks, writtenBy(head));
        for (let k = 1n; k <= INCLUSION_WINDOW_BLOCKS; k++) expect(r).toBeGreaterThan(writtenBy(head + k * 250n));
        const revealMs = head + blocks * 250n;
        const windowEndMs = head + INCLUSION_WINDOW_BLOCKS * 250n;
        const atReveal = writtenBy(revealMs);
        // The reveal epoch's own round whenever it is safe; otherwise the first safe one, published
        // at most one period after the window closes.
        if (atReveal > writtenBy(windowEndMs)) expect(r).toBe(atReveal);
        else {
          expect(r).toBe(writtenBy(windowEndMs) + 1n);
          expect(roundTime(r, schedule) * 1000n).toBeLessThanOrEqual(windowEndMs + 3_000n);
        }
      }
    }
  });
});
