/**
 * Run B of the seeded 100,000-block random walk (see test/sim/walk-100k.ts). It runs in its own
 * vitest worker, in parallel with run A (random-walk.test.ts): same seed, invariants after every
 * block, and the same recorded final digest — two independent runs agreeing on the end state.
 */
import { describe, expect, it } from 'vitest';
import { runWalk100k, WALK_100K_BLOCKS, WALK_100K_DIGEST } from './sim/walk-100k.js';

describe('random walk replay', () => {
  it(`replays the ${WALK_100K_BLOCKS}-block walk with the same seed to the same digest (run B)`, async () => {
    const r = await runWalk100k();
    expect(r.finalProblems).toEqual([]);
    expect(r.digest, 'the replay of the same seed ended on another state').toBe(WALK_100K_DIGEST);
  }, 900_000);
});
