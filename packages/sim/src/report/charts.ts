/** The chart series of a run: what the HTML report plots, as plain data (x = epoch). */
import type { EntityEpoch, SimResult } from '../engine/records.js';
import type { RecordField } from '../scenario/types.js';

export interface ChartSeries {
  readonly label: string;
  readonly values: (number | null)[];
}

export interface ChartSpec {
  readonly id: string;
  readonly title: string;
  readonly yLabel: string;
  readonly x: number[];
  readonly series: ChartSeries[];
}

const ALPHA = 1e9;

function entityChart(
  r: SimResult,
  subnet: string,
  id: string,
  title: string,
  yLabel: string,
  keep: (e: EntityEpoch) => boolean,
  value: (e: EntityEpoch) => number,
): ChartSpec {
  const rows = r.entities.filter((e) => e.subnet === subnet && keep(e));
  const x = [...new Set(rows.map((e) => e.epoch))].sort((a, b) => a - b);
  const names = [...new Set(rows.map((e) => e.entity))];
  const series = names.map((name) => {
    const by = new Map(rows.filter((e) => e.entity === name).map((e) => [e.epoch, value(e)]));
    const b = rows.find((e) => e.entity === name)?.behaviour ?? '';
    return { label: `${name} (${b})`, values: x.map((ep) => by.get(ep) ?? null) };
  });
  return { id, title: `${subnet}: ${title}`, yLabel, x, series };
}

export function runCharts(r: SimResult): ChartSpec[] {
  const subnets = [...new Set(r.entities.map((e) => e.subnet))];
  const out: ChartSpec[] = [];
  subnets.forEach((sn, i) => {
    const v = (e: EntityEpoch) => e.role === 'validator';
    const m = (e: EntityEpoch) => e.role === 'miner';
    const want = (f: RecordField) => r.recorded.includes(f);
    if (want('dividends'))
      out.push(
        entityChart(
          r,
          sn,
          `s${i}-dividends`,
          'validator dividends per epoch',
          'share of dividends',
          v,
          (e) => e.dividends,
        ),
      );
    if (want('incentive'))
      out.push(
        entityChart(r, sn, `s${i}-incentive`, 'miner incentive per epoch', 'share of incentive', m, (e) => e.incentive),
      );
    if (want('bonds'))
      out.push(entityChart(r, sn, `s${i}-bonds`, 'validator bonds', 'Σ bonds (u16 / 65535)', v, (e) => e.bonds));
    if (want('stake'))
      out.push(
        entityChart(
          r,
          sn,
          `s${i}-stake`,
          'alpha stake',
          'alpha',
          () => true,
          (e) => Number(e.stake) / ALPHA,
        ),
      );
  });
  if (r.subnets.length === 0) return out;
  const epochs = [...new Set(r.subnets.map((s) => s.epoch))].sort((a, b) => a - b);
  const per = (f: (s: SimResult['subnets'][number]) => number) =>
    subnets.map((sn) => {
      const by = new Map(r.subnets.filter((s) => s.subnet === sn).map((s) => [s.epoch, f(s)]));
      return { label: sn, values: epochs.map((e) => by.get(e) ?? null) };
    });
  out.push({
    id: 'emission-share',
    title: 'subnet emission share',
    yLabel: 'share of TAO emission',
    x: epochs,
    series: per((s) => s.emissionShare),
  });
  out.push({
    id: 'price',
    title: 'subnet alpha price',
    yLabel: 'TAO per alpha',
    x: epochs,
    series: per((s) => s.price),
  });
  return out;
}
