/** JSON of a run or a sweep: bigints (rao) become exact decimal strings of TAO or alpha. */
import { raoToDecimal } from './csv.js';

export function toJson(value: unknown): string {
  return `${JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? raoToDecimal(v) : v), 2)}\n`;
}
