/**
 * Forecasting miners. The honest one fits a GARCH-with-jumps model to the history it is sent and
 * samples paths from it. The cheating ones ship with the subnet to show that cheating does not pay:
 * a sybil (another hotkey answering exactly what a given honest miner answers, a moment later), a
 * copier (the same with the paths shuffled and jittered) and a random forecaster.
 */
import type { Axon } from '@taonet/sdk';
import { BaseMiner, type NeuronConfig } from '@taonet/subnet-core';
import { copierForecast, type Forecast, honestForecast, mixSeed, randomForecast } from './mechanism/index.js';
import { ForecastRequest } from './protocol.js';
import { secretSeed } from './secret.js';

export type ForecastRole = 'miner' | 'sybil' | 'copier' | 'random';

export class ForecastMiner extends BaseMiner {
  private readonly seed: number;

  constructor(
    config: NeuronConfig,
    readonly role: ForecastRole,
  ) {
    super(config, `forecasting-${role}`);
    const source = role === 'sybil' || role === 'copier' ? config.extra['copy-of'] : config.hotkeyUri;
    if (source === undefined) throw new Error(`${role} needs ${role === 'miner' || role === 'random' ? '--hotkey-uri' : '--copy-of <hotkey uri>'}`);
    this.seed = secretSeed(source);
  }

  private forecast(history: readonly number[], horizon: number, pathCount: number, origin: number): Forecast {
    const shape = { horizon, pathCount };
    const seed = mixSeed(this.seed, origin);
    switch (this.role) {
      case 'miner':
      case 'sybil':
        return honestForecast(history, shape, seed);
      case 'copier':
        return copierForecast(honestForecast(history, shape, seed), { seed: seed ^ 0x5bd1e995, jitter: 1e-4 });
      case 'random':
        return randomForecast(history, shape, seed);
    }
  }

  protected attach(axon: Axon): void {
    axon.attach(ForecastRequest, async (s) => {
      const f = this.forecast(s.history, s.horizon, s.path_count, s.origin_step);
      // Copies arrive after the original: the copier has to see it first.
      if (this.role === 'sybil' || this.role === 'copier') await new Promise((ok) => setTimeout(ok, 300));
      s.paths = f.paths.map((p) => [...p]);
      return s;
    });
  }
}
