/** The function-length check (scripts/check-function-length.mjs, part of `npm run lint`). */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without type declarations
import { longFunctions, MAX_LINES } from '../../../scripts/check-function-length.mjs';

const body = (n: number): string => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join('\n');

describe('check-function-length', () => {
  it('flags a function, method or arrow over the limit, and counts nested functions towards it', () => {
    const text = [
      `export function short(): void {\n${body(5)}\n}`,
      `export function long(): void {\n${body(MAX_LINES)}\n}`,
      `class C {\n  m(): void {\n${body(MAX_LINES)}\n  }\n}`,
      `export const outer = (): void => {\n  const inner = (): void => {\n${body(MAX_LINES - 10)}\n  };\n${body(20)}\n};`,
    ].join('\n');
    const found = (longFunctions('x.ts', text) as { name: string; lines: number }[]).map((f) => f.name);
    expect(found).toEqual(['long', 'm', 'outer']);
  });
});
