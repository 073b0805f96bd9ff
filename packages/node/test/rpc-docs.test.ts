/** docs/rpc.md documents every JSON-RPC method the node serves (and every unsubscribe method). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { METHODS } from '../src/rpc/methods.js';

const doc = readFileSync(new URL('../../../docs/rpc.md', import.meta.url), 'utf8');
const headings = new Set([...doc.matchAll(/^### (\S+)\s*$/gm)].map((m) => m[1]));

describe('docs/rpc.md', () => {
  it('has a section for every method in METHODS', () => {
    expect(Object.keys(METHODS).filter((m) => !headings.has(m))).toEqual([]);
  });

  it('names every unsubscribe method', () => {
    const unsub = Object.values(METHODS).flatMap((d) => (d.subscribe ? [d.subscribe.unsubscribeMethod] : []));
    expect(unsub.length).toBeGreaterThan(0);
    expect(unsub.filter((m) => !doc.includes(`\`${m}`))).toEqual([]);
  });

  it('documents no method the node does not serve', () => {
    expect([...headings].filter((h) => h !== undefined && !Object.hasOwn(METHODS, h))).toEqual([]);
  });
});
