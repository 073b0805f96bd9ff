/** docs/rpc.md documents every JSON-RPC method the node serves (and every unsubscribe method). */
import { readFileSync } from 'node:fs';
import { signerKeyFault } from '@taonet/primitives';
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

  it('lists every transaction refusal the node raises, with a row of its own, under a pool code (1010, 1013, 1014)', () => {
    const src = ['../src/chain/transaction-checks.ts', '../src/txpool/tx-pool.ts']
      .map((f) => readFileSync(new URL(f, import.meta.url), 'utf8'))
      .join('\n');
    const raised = new Set([...src.matchAll(/(?:new TransactionError|this\.fail)\(\s*'(\w+)'/g)].map((m) => m[1]));
    // The signer-key rule's codes come from primitives.
    for (const key of [new Uint8Array(32), new Uint8Array([1, ...new Uint8Array(31)])])
      raised.add(signerKeyFault(key)?.code);
    expect(raised.has('ZeroSigner') && raised.has('NonCanonicalSigner') && raised.has('BadSignature')).toBe(true);
    const rows = new Set([...doc.matchAll(/^\| `(\w+)`\s+\|/gm)].map((m) => m[1]));
    const lines = doc.split('\n').filter((l) => /^\| 101[034] /.test(l));
    expect(lines).toHaveLength(3);
    const listed = (c: string) => lines.some((l) => l.includes(`\`${c}\``));
    expect([...raised].filter((c) => c === undefined || !rows.has(c) || !listed(c))).toEqual([]);
  });
});
