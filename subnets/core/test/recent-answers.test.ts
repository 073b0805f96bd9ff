import { describe, expect, it } from 'vitest';
import { RecentAnswers } from '../src/recent-answers.js';

describe('RecentAnswers', () => {
  it('computes identical requests once, even while the first is still running', async () => {
    const recent = new RecentAnswers<number>();
    let runs = 0;
    const slow = () =>
      new Promise<number>((ok) => {
        runs++;
        setTimeout(() => ok(42), 20);
      });
    const [a, b] = await Promise.all([recent.get('k', slow), recent.get('k', slow)]);
    expect([a, b, runs]).toEqual([42, 42, 1]);
    expect(await recent.get('other', () => 7)).toBe(7);
    expect(runs).toBe(1);
  });

  it('forgets failures and the oldest entries', async () => {
    const recent = new RecentAnswers<number>(2);
    await expect(
      recent.get('bad', () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await recent.get('bad', () => 1)).toBe(1);
    await recent.get('x', () => 2);
    await recent.get('y', () => 3);
    // 'bad' was the oldest of three: recomputed now.
    expect(await recent.get('bad', () => 9)).toBe(9);
  });
});
