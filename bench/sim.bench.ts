/**
 * Simulator benchmark: simulated epochs per second for a 256-UID subnet with 64 honest validators
 * (191 miners, tempo 360, weights on every miner each epoch) in fast and in full-block mode, and
 * the sweep throughput (runs and epochs per second) on one and on two worker threads. Setup (the
 * world built through real extrinsics) is not timed: the clock runs from the first recorded epoch
 * to the last.
 */
import { runScenario, runSweep, type Scenario, scenarioFromObject } from '@taonet/sim';

function subnetDoc(epochs: number): Record<string, unknown> {
  return {
    name: 'bench-256',
    seed: 1,
    epochs,
    hyperparameters: { tempo: 360, maxAllowedValidators: 65, immunityPeriod: 100000 },
    subnets: [
      {
        name: 'net',
        validators: Array.from({ length: 64 }, (_, i) => ({
          name: `v${i}`,
          stake: 100 + i * 10,
          behaviour: { kind: 'honest', options: { noise: 0.05 } },
        })),
        miners: Array.from({ length: 191 }, (_, i) => ({ name: `m${i}`, quality: ((i * 37) % 100) / 100 })),
      },
    ],
  };
}

/** CPU milliseconds of this process (all its threads, GC included). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

interface Rate {
  /** Epochs per wall-clock second. */
  readonly rate: number;
  /** Epochs per CPU second: steadier than wall time on a machine other work shares. */
  readonly cpuRate: number;
  readonly blocks: number;
  readonly quiet: number;
}

function epochsPerSecond(sc: Scenario, mode: 'fast' | 'full'): Rate {
  let first = 0;
  let last = 0;
  let firstCpu = 0;
  let lastCpu = 0;
  const r = runScenario(sc, {
    mode,
    onProgress: (done) => {
      if (done === 1) {
        first = performance.now();
        firstCpu = cpuMs();
      }
      last = performance.now();
      lastCpu = cpuMs();
    },
  });
  if (r.failures.length > 0)
    throw new Error(`bench sim: ${r.failures.length} calls failed: ${JSON.stringify(r.failures[0])}`);
  const epochs = sc.epochs - 1;
  return {
    rate: epochs / ((last - first) / 1000),
    cpuRate: epochs / ((lastCpu - firstCpu) / 1000),
    blocks: r.blocks,
    quiet: r.quietBlocks,
  };
}

const SWEEP_DOC = {
  name: 'bench-sweep',
  seed: 2,
  epochs: 10,
  hyperparameters: { tempo: 20, yuma3Enabled: true, commitRevealEnabled: true },
  subnets: [
    {
      name: 'net',
      validators: [
        { name: 'a', stake: 1000, behaviour: 'honest' },
        { name: 'b', stake: 1000, behaviour: 'honest' },
        { name: 'c', stake: 1000, behaviour: { kind: 'copier', options: { target: 'a' } } },
      ],
      miners: Array.from({ length: 16 }, (_, i) => ({ name: `m${i}`, quality: i / 16 })),
    },
  ],
};

export async function benchSim(): Promise<void> {
  const fast = epochsPerSecond(scenarioFromObject(subnetDoc(10)), 'fast');
  console.log(
    `256 uids, 64 validators, tempo 360, fast mode: ${fast.rate.toFixed(2)} epochs/s, ${fast.cpuRate.toFixed(2)} per CPU-second (${fast.quiet} of ${fast.blocks} blocks in quiet runs)`,
  );
  const full = epochsPerSecond(scenarioFromObject(subnetDoc(6)), 'full');
  console.log(
    `256 uids, 64 validators, tempo 360, full-block mode: ${full.rate.toFixed(2)} epochs/s, ${full.cpuRate.toFixed(2)} per CPU-second`,
  );
  console.log(
    `fast mode is ${(fast.rate / full.rate).toFixed(2)}× full-block mode (${(fast.cpuRate / full.cpuRate).toFixed(2)}× per CPU-second)`,
  );
  const params = [
    { path: 'hyperparameters.kappa', values: [16384, 32767, 49151] },
    { path: 'subnets.net.validators.c.stake', values: [100, 250, 500, 1000] },
  ];
  for (const workers of [1, 2]) {
    const r = await runSweep('bench', SWEEP_DOC, params, { workers });
    const runs = r.runs.length;
    console.log(
      `sweep of ${runs} runs × ${SWEEP_DOC.epochs} epochs on ${workers} worker(s): ${(runs / r.seconds).toFixed(2)} runs/s, ${((runs * SWEEP_DOC.epochs) / r.seconds).toFixed(1)} epochs/s`,
    );
  }
  console.log(
    `simulated epochs/s, 256 uids × 64 validators: fast ${fast.rate.toFixed(2)}, full-block ${full.rate.toFixed(2)} (fast/full ${(fast.rate / full.rate).toFixed(2)}×, ${(fast.cpuRate / full.cpuRate).toFixed(2)}× per CPU-second)`,
  );
}
