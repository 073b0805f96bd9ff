/** Option readers shared by behaviour factories: each failure names the option's JSON path. */
import { ScenarioError } from '../errors.js';

export function checkKeys(options: Readonly<Record<string, unknown>>, allowed: readonly string[], path: string): void {
  for (const k of Object.keys(options)) {
    if (!allowed.includes(k))
      throw new ScenarioError(
        `${path}.${k}`,
        `unknown option '${k}'`,
        allowed.length === 0 ? 'this behaviour takes no options' : `options: ${allowed.join(', ')}`,
      );
  }
}

export function numberOption(
  options: Readonly<Record<string, unknown>>,
  key: string,
  path: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const v = options[key];
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
    throw new ScenarioError(`${path}.${key}`, `must be a number in [${min}, ${max}]`, `got ${JSON.stringify(v)}`);
  return v;
}

export function stringListOption(options: Readonly<Record<string, unknown>>, key: string, path: string): string[] {
  const v = options[key];
  if (!Array.isArray(v) || v.length === 0 || v.some((x) => typeof x !== 'string'))
    throw new ScenarioError(`${path}.${key}`, 'must be a non-empty list of names', `got ${JSON.stringify(v)}`);
  return v as string[];
}

export function optionalString(options: Readonly<Record<string, unknown>>, key: string, path: string): string | null {
  const v = options[key];
  if (v === undefined) return null;
  if (typeof v !== 'string' || v === '') throw new ScenarioError(`${path}.${key}`, 'must be a name');
  return v;
}
