/** Output shared by every command: `--json` prints one JSON document, otherwise text for people. */
import { toHex } from '@taonet/primitives';

export interface OutputOptions {
  readonly json: boolean;
}

const replacer = (_k: string, v: unknown): unknown =>
  typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? toHex(v) : v;

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, replacer, 2)}\n`);
}

export function printError(json: boolean, code: string, explanation: string, hint?: string): void {
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ ok: false, code, explanation, ...(hint === undefined ? {} : { hint }) }, null, 2)}\n`,
    );
  } else {
    process.stderr.write(`error: ${code}: ${explanation}\n${hint === undefined ? '' : `hint: ${hint}\n`}`);
  }
}
