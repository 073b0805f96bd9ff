/** Reading the README's code blocks, so tests run its commands as printed. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const README = readFileSync(resolve(import.meta.dirname, '../../../../README.md'), 'utf8');

/** The first fenced block of `lang` after `marker` in the README. */
export function blockAfter(marker: string, lang: string): string {
  const at = README.indexOf(marker);
  if (at < 0) throw new Error(`README has no "${marker}"`);
  const open = README.indexOf(`\`\`\`${lang}\n`, at);
  const close = README.indexOf('\n```', open + 4);
  return README.slice(open + lang.length + 4, close);
}

/** `npx taonet …` lines without `npx taonet` and their comments. */
export function commandsOf(block: string): string[] {
  return block
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter((l) => l.length > 0)
    .map((l) => {
      if (!l.startsWith('npx taonet ')) throw new Error(`not a taonet command: ${l}`);
      return l.slice('npx taonet '.length);
    });
}
