/** A figure read from each sweep run: `<subnet>/<entity>:<field>`, e.g. `alpha/copier:dividends`. */
import { ScenarioError } from '../errors.js';
import type { SweepRun } from './sweep-types.js';

export const MEASURE_FIELDS = ['dividends', 'incentive', 'emission', 'finalStake'] as const;
export type MeasureField = (typeof MEASURE_FIELDS)[number];

export interface Measure {
  readonly subnet: string;
  readonly entity: string;
  readonly field: MeasureField;
  readonly label: string;
}

export function parseMeasure(text: string): Measure {
  const m = /^([^/]+)\/([^:]+):(\w+)$/.exec(text);
  if (m === null || !MEASURE_FIELDS.includes(m[3] as MeasureField))
    throw new ScenarioError(
      'measure',
      `'${text}' is not a measure`,
      `write <subnet>/<entity>:<field>, field one of ${MEASURE_FIELDS.join(', ')}`,
    );
  return { subnet: m[1] as string, entity: m[2] as string, field: m[3] as MeasureField, label: text };
}

/** The figure of one run (emission and stake in alpha, as numbers). */
export function measureOf(run: SweepRun, m: Measure): number {
  const t = run.totals.find((x) => x.subnet === m.subnet && x.entity === m.entity);
  if (t === undefined) throw new ScenarioError('measure', `no entity '${m.subnet}/${m.entity}' in the results`);
  const v = t[m.field];
  return typeof v === 'bigint' ? Number(v) / 1e9 : v;
}
