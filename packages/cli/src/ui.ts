/**
 * Terminal output for people: tables, a spinner while waiting for inclusion, colour only on a TTY
 * (and never with NO_COLOR), errors on stderr. With --json none of this is used.
 */
const tty = process.stderr.isTTY === true && process.env.NO_COLOR === undefined;

export const color = {
  bold: (s: string): string => (tty ? `\u001b[1m${s}\u001b[22m` : s),
  dim: (s: string): string => (tty ? `\u001b[2m${s}\u001b[22m` : s),
  green: (s: string): string => (tty ? `\u001b[32m${s}\u001b[39m` : s),
  red: (s: string): string => (tty ? `\u001b[31m${s}\u001b[39m` : s),
  cyan: (s: string): string => (tty ? `\u001b[36m${s}\u001b[39m` : s),
  yellow: (s: string): string => (tty ? `\u001b[33m${s}\u001b[39m` : s),
};

/** A plain table: a header row, aligned columns (numbers right-aligned), an optional total row. */
export function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  footer?: readonly string[],
): string {
  const all = [headers, ...rows, ...(footer === undefined ? [] : [footer])];
  const widths = headers.map((_, c) => Math.max(...all.map((r) => [...(r[c] ?? '')].length)));
  const numeric = headers.map((_, c) => rows.every((r) => /^[-τα\d,. ]*$/.test(r[c] ?? '') || (r[c] ?? '') === ''));
  const line = (r: readonly string[]): string =>
    r
      .map((cell, c) => {
        const w = widths[c] ?? 0;
        const pad = w - [...cell].length;
        return numeric[c] ? ' '.repeat(pad) + cell : cell + ' '.repeat(pad);
      })
      .join('  ')
      .trimEnd();
  const sep = widths.map((w) => '─'.repeat(w)).join('  ');
  const out = [color.bold(line(headers)), color.dim(sep), ...rows.map(line)];
  if (footer !== undefined) out.push(color.dim(sep), color.bold(line(footer)));
  return out.join('\n');
}

/** A spinner on stderr while `work` runs (nothing when not a TTY). */
export async function withSpinner<T>(label: string, work: () => Promise<T>): Promise<T> {
  if (!tty) return work();
  const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
  let i = 0;
  const timer = setInterval(() => process.stderr.write(`\r${frames[i++ % frames.length]} ${label}`), 80);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    process.stderr.write(`\r${' '.repeat(label.length + 2)}\r`);
  }
}
