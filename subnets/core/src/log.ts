/** Line-oriented logs a person can read and a machine can grep: time, level, neuron, message, fields. */
export type Level = 'debug' | 'info' | 'warn';
const RANK: Record<Level, number> = { debug: 0, info: 1, warn: 2 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
}

const fmt = (v: unknown): string =>
  typeof v === 'bigint'
    ? v.toString()
    : typeof v === 'string'
      ? v
      : JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));

export function createLogger(
  name: string,
  level: Level,
  write: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Logger {
  const log = (l: Level, msg: string, fields?: Record<string, unknown>): void => {
    if (RANK[l] < RANK[level]) return;
    const extra =
      fields === undefined
        ? ''
        : ` ${Object.entries(fields)
            .map(([k, v]) => `${k}=${fmt(v)}`)
            .join(' ')}`;
    write(`${new Date().toISOString()} ${l.toUpperCase().padEnd(5)} ${name}: ${msg}${extra}`);
  };
  return {
    debug: (m, f) => log('debug', m, f),
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
  };
}
