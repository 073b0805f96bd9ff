/** What `localnet up` says about its own life: the paid-epoch line on a cold start and a resume, and stopping. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paidLine, stopper } from '../src/commands/localnet.js';

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
});
