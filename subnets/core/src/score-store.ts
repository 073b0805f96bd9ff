/**
 * A validator's scores: a moving average per miner, keyed by HOTKEY (not uid), so a uid that is
 * re-registered by someone else starts from nothing instead of inheriting its predecessor's score.
 * Saved atomically to disk after each update and loaded at start, so a restart loses nothing.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface ScoreEntry {
  readonly score: number;
  readonly updatedAt: number;
  readonly samples: number;
}

export class ScoreStore {
  private scores = new Map<string, ScoreEntry>();

  constructor(
    readonly path: string | null,
    /** Weight of a new observation in the moving average (0 < alpha ≤ 1). */
    readonly alpha = 0.1,
  ) {
    if (alpha <= 0 || alpha > 1) throw new RangeError('alpha must be in (0, 1]');
    if (path !== null && existsSync(path)) {
      const data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, ScoreEntry>;
      for (const [k, v] of Object.entries(data)) this.scores.set(k, v);
    }
  }

  get(hotkey: string): number {
    return this.scores.get(hotkey)?.score ?? 0;
  }

  entry(hotkey: string): ScoreEntry | undefined {
    return this.scores.get(hotkey);
  }

  /** Folds `observations` (hotkey → score in [0, 1]) into the averages at time `at` (a block). */
  update(observations: ReadonlyMap<string, number>, at: number): void {
    for (const [hotkey, obs] of observations) {
      const x = Number.isFinite(obs) ? Math.min(1, Math.max(0, obs)) : 0;
      const prev = this.scores.get(hotkey);
      const score = prev === undefined ? x : (1 - this.alpha) * prev.score + this.alpha * x;
      this.scores.set(hotkey, { score, updatedAt: at, samples: (prev?.samples ?? 0) + 1 });
    }
    this.save();
  }

  /** Drops hotkeys no longer on the subnet. */
  retain(hotkeys: ReadonlySet<string>): void {
    let changed = false;
    for (const k of [...this.scores.keys()]) {
      if (!hotkeys.has(k)) {
        this.scores.delete(k);
        changed = true;
      }
    }
    if (changed) this.save();
  }

  hotkeys(): string[] {
    return [...this.scores.keys()];
  }

  private save(): void {
    if (this.path === null) return;
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(Object.fromEntries(this.scores), null, 1));
    renameSync(tmp, this.path);
  }
}
