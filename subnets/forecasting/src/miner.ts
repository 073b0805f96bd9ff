/**
 * Forecasting miners. The honest one fits a GARCH-with-jumps model to the history it is sent and
 * samples paths from it. The cheating ones ship with the subnet to show that cheating does not pay:
 * a sybil (another hotkey answering exactly what a given honest miner answers, a moment later), a
 * copier (the same with the paths shuffled and jittered) and a random forecaster.
 */
import { type Axon, keypairFromUri } from '@taonet/sdk';
import { BaseMiner, type NeuronConfig, RecentAnswers } from '@taonet/subnet-core';
import { copierForecast, type Forecast, honestForecast, mixSeed, randomForecast } from './mechanism/index.js';
import { ForecastRequest } from './protocol.js';
import { secretSeed } from './secret.js';

export type ForecastRole = 'miner' | 'sybil' | 'copier' | 'random';

export class ForecastMiner extends BaseMiner {
  private readonly seed: number;
  private readonly victim: string | null;
  private readonly recent = new RecentAnswers<Forecast>();

  constructor(
    config: NeuronConfig,
    readonly role: ForecastRole,
  ) {
    super(config, `forecasting-${role}`);
    const copies = role === 'sybil' || role === 'copier';
    const victim = config.extra['copy-of'];
    if (copies && victim === undefined) throw new Error(`${role} needs --copy-of <hotkey uri>`);
    this.victim = copies ? keypairFromUri(victim as string).ss58Address : null;
    this.seed = secretSeed(config.hotkeyUri ?? config.hotkey ?? role);
  }

  private async forecast(s: InstanceType<typeof ForecastRequest>): Promise<Forecast | null> {
    const shape = { horizon: s.horizon, pathCount: s.path_count };
    const seed = mixSeed(this.seed, s.origin_step);
    switch (this.role) {
      case 'miner':
        return this.recent.get(`${s.origin_step}|${s.horizon}|${s.path_count}|${JSON.stringify(s.history)}`, () =>
          honestForecast(s.history, shape, seed),
        );
      case 'random':
        return randomForecast(s.history, shape, seed);
      default: {
        // Sybil and copier do no work: they relay the victim's forecast, the copier shuffled and jittered.
        const request = new ForecastRequest({
          history: s.history,
          horizon: s.horizon,
          path_count: s.path_count,
          origin_step: s.origin_step,
        });
        const theirs = await this.relay(this.victim as string, request, Math.max(1, (s.timeout ?? 4) - 0.5));
        if (theirs?.paths === null || theirs?.paths === undefined) return null;
        const seen = { paths: theirs.paths };
        return this.role === 'sybil' ? seen : copierForecast(seen, { seed: seed ^ 0x5bd1e995, jitter: 1e-4 });
      }
    }
  }

  protected attach(axon: Axon): void {
    axon.attach(ForecastRequest, async (s) => {
      const f = await this.forecast(s);
      if (f !== null) s.paths = f.paths.map((p) => [...p]);
      return s;
    });
  }
}
