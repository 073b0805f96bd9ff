/**
 * What `localnet up` says about its own life: the paid-epoch line on a cold start and a resume,
 * stopping, and what each demo subnet runs (printed by `up` and `status`).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoLines, paidLine, stopper } from '../src/commands/localnet.js';
import { makePlan } from '../src/localnet/plan.js';

describe('localnet messages', () => {
  it('a cold start reports time to the first paid epoch; a resume says it measured the restart', () => {
    expect(paidLine(false, 41.23, 160n)).toBe('first epoch paid miners after 41.2 s from a cold start (block #160)');
    const resumed = paidLine(true, 2.4, 9000n);
    expect(resumed).toMatch(/^resumed: .*paid again 2\.4 s after this start \(block #9000\)$/);
    expect(resumed).not.toMatch(/first epoch/);
  });

  it('stopping ends with "stopped", once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'taonet-stop-'));
    const said: string[] = [];
    const s = stopper(dir, [], (l) => said.push(l));
    expect(s.stopping()).toBe(false);
    await Promise.all([s.stop(), s.stop()]);
    expect(said).toEqual(['stopping…', 'stopped']);
    expect(s.stopping()).toBe(true);
    expect(readFileSync(join(dir, 'pids.json'), 'utf8')).toMatch(/\[\]/);
  });

  it('says what each demo subnet runs: its mechanisms and split, its child hotkey, its own settings', () => {
    const plan = makePlan({ validators: 1, miners: 1, cheaters: false, basePort: 9000 });
    plan.subnets.forEach((s, i) => {
      s.netuid = i + 1;
    });
    expect(demoLines(plan)).toEqual([
      'netuid 1 forecasting (forecasting): 2 mechanisms (60% / 40%)',
      'netuid 2 reasoning (reasoning): a child hotkey of forecasting-validator-1',
      'netuid 3 timelocked (forecasting): tempo 13, commitRevealEnabled true, revealPeriodEpochs 1',
    ]);
    const custom = makePlan({
      validators: 1,
      miners: 1,
      cheaters: false,
      basePort: 9000,
      subnets: [{ kind: 'forecasting', name: 'sealed', hyperparameters: { commitRevealEnabled: true } }],
    });
    expect(demoLines(custom)).toEqual(['netuid ? sealed (forecasting): commitRevealEnabled true']);
    expect(custom.neurons.map((n) => n.name)).toEqual(['sealed-validator-1', 'sealed-miner-1']);
  });
});
