/** An honest validator's measurement: each miner's true quality plus seeded Gaussian noise, floored at 0. */
import type { ValidatorView } from './behaviour.js';

export function measure(view: ValidatorView, noise: number): number[] {
  const w = new Array<number>(view.n).fill(0);
  for (const uid of view.minerUids) w[uid] = Math.max(0, (view.quality[uid] ?? 0) + noise * view.rng.gaussian());
  return w;
}
