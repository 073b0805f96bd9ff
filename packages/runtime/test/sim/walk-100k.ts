/**
 * The recorded 100,000-block random walk (issue: "A seeded random-walk test runs 100,000 blocks on
 * a network with several subnets, hundreds of neurons, and random transfers, stakes, unstakes,
 * registrations and weight sets. The invariants hold at every block, and two runs with the same
 * seed end with the same state digest.").
 *
 * random-walk.test.ts and random-walk-replay.test.ts each run this same walk in their own vitest
 * worker (so the two runs go in parallel, in separate processes) and compare the final digest with
 * WALK_100K_DIGEST: two independent runs of one seed ending on one recorded digest.
 */
import { checkInvariantsFull, stateDigest } from '../../src/index.js';
import { RandomWalk, type WalkOptions, type WalkStats } from './random-walk.js';

export const WALK_100K_BLOCKS = 100_000;

/**
 * 4 subnets × 64 UIDs at the start, 16 validators each (staked, so they earn permits and set
 * weights), 40 coldkeys, 8 random extrinsics a block, tempo 20 (5,000 epochs per subnet); a new
 * subnet every ~500 blocks with a limit of 6, so the weakest subnet is dissolved about 200 times.
 */
export const WALK_100K: WalkOptions = {
  seed: 20_251_121,
  subnets: 4,
  neuronsPerSubnet: 64,
  validatorsPerSubnet: 16,
  coldkeys: 40,
  txPerBlock: 8,
  tempo: 20,
  subnetLimit: 6,
  newSubnetEvery: 500,
  invariantsEvery: 1,
};

/**
 * The state digest after WALK_100K_BLOCKS blocks of WALK_100K. A change in runtime behaviour
 * (not in its speed) changes it: if that change is intended, record the new digest here.
 */
export const WALK_100K_DIGEST = '0x1532ded2779399eb0003d1361877b2b00e15926dc0d72a68f2f973416bc706b5';

export interface WalkOutcome {
  readonly digest: string;
  readonly stats: WalkStats;
  /** The full (non-incremental) invariant check at the end. */
  readonly finalProblems: string[];
  readonly blocks: bigint;
}

/**
 * Runs the recorded walk; an invariant failure throws `InvariantViolation` naming the block. It
 * yields to the event loop every 1,000 blocks so the vitest worker stays responsive to its runner.
 */
export async function runWalk100k(): Promise<WalkOutcome> {
  const w = new RandomWalk(WALK_100K);
  for (let done = 0; done < WALK_100K_BLOCKS; done += 1000) {
    w.run(Math.min(1000, WALK_100K_BLOCKS - done));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return {
    digest: stateDigest(w.chain.state),
    stats: w.stats,
    finalProblems: checkInvariantsFull(w.chain.state),
    blocks: w.chain.block,
  };
}
