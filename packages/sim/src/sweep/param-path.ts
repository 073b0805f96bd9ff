/**
 * Sweep parameters address a value in the scenario document by path: `hyperparameters.kappa`,
 * `subnets.alpha.validators.copier.stake` (list entries by name) or `subnets[0].miners[1].quality`
 * (by index). Setting one on a copy of the document leaves the original alone.
 */
import { ScenarioError } from '../errors.js';

type Doc = Record<string, unknown> | unknown[];

function segments(path: string): string[] {
  const out = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((s) => s !== '');
  if (out.length === 0) throw new ScenarioError(path, 'an empty parameter path');
  return out;
}

function child(node: unknown, seg: string, path: string, create: boolean): unknown {
  if (Array.isArray(node)) {
    const byIndex = /^\d+$/.test(seg) ? node[Number(seg)] : undefined;
    const hit =
      byIndex ?? node.find((x) => typeof x === 'object' && x !== null && (x as { name?: unknown }).name === seg);
    if (hit === undefined) throw new ScenarioError(path, `no list entry '${seg}'`, 'use an index or an entry name');
    return hit;
  }
  if (typeof node !== 'object' || node === null)
    throw new ScenarioError(path, `'${seg}' is inside a value, not an object`);
  const o = node as Record<string, unknown>;
  if (o[seg] === undefined && create) o[seg] = {};
  return o[seg];
}

/** A deep copy of `doc` with the value at `path` replaced (objects on the way are created). */
export function withParam<T>(doc: T, path: string, value: unknown): T {
  const copy = structuredClone(doc) as unknown as Doc;
  const segs = segments(path);
  let node: unknown = copy;
  for (const seg of segs.slice(0, -1)) node = child(node, seg, path, true);
  const last = segs[segs.length - 1] as string;
  if (Array.isArray(node)) {
    if (!/^\d+$/.test(last)) throw new ScenarioError(path, `'${last}' must be an index into a list`);
    node[Number(last)] = value;
  } else if (typeof node === 'object' && node !== null) (node as Record<string, unknown>)[last] = value;
  else throw new ScenarioError(path, `cannot set '${last}' inside a value`);
  return copy as unknown as T;
}

/** A command-line value: a number when it reads as one, true/false, else the string. */
export function parseParamValue(text: string): number | boolean | string {
  if (/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
}
