/**
 * The prompt before funds move, at a terminal: "n" (or nothing) declines with a typed error and
 * exit code 1; "y" goes ahead. (Without a terminal, see cli-edges.test.ts.)
 */
import type { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { action, Cli } from '../src/context.js';

const wasTty = process.stdin.isTTY;
beforeEach(() => {
  Object.defineProperty(process.stdin, 'isTTY', { value: true, configurable: true });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  Object.defineProperty(process.stdin, 'isTTY', { value: wasTty, configurable: true });
  vi.restoreAllMocks();
  process.exitCode = 0;
});

const command = (opts: object) => ({ optsWithGlobals: () => opts }) as unknown as Command;

describe('confirm at a terminal', () => {
  it.each(['n', '', 'no'])('answer %j: Declined, and the command exits 1', async (answer) => {
    vi.spyOn(Cli.prototype, 'ask').mockResolvedValue(answer);
    let sent = false;
    await action(async (cli: Cli) => {
      await cli.confirm('Transfer τ1 to 5F…');
      sent = true;
      return 0;
    })(command({}));
    expect(sent).toBe(false);
    expect(process.exitCode).toBe(1);
    const printed = vi
      .mocked(process.stderr.write)
      .mock.calls.map((c) => String(c[0]))
      .join('');
    expect(printed).toMatch(/✗ Declined: you declined: nothing was sent/);
  });

  it('answer y goes ahead; -y never asks', async () => {
    const ask = vi.spyOn(Cli.prototype, 'ask').mockResolvedValue('y');
    await expect(new Cli({}).confirm('x')).resolves.toBeUndefined();
    expect(ask).toHaveBeenCalledTimes(1);
    await expect(new Cli({ prompt: false }).confirm('x')).resolves.toBeUndefined();
    expect(ask).toHaveBeenCalledTimes(1);
  });
});
