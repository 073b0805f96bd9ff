/** CSV files of a run: one row per entity and epoch, per subnet and epoch, per block (full mode), and totals. */
import type { SimResult } from '../engine/records.js';

const RAO = 1_000_000_000n;

/** Rao as an exact decimal TAO/alpha string. */
export function raoToDecimal(v: bigint): string {
  const neg = v < 0n;
  const a = neg ? -v : v;
  const frac = (a % RAO).toString().padStart(9, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${a / RAO}${frac === '' ? '' : `.${frac}`}`;
}

function cell(v: unknown): string {
  const s = typeof v === 'bigint' ? raoToDecimal(v) : typeof v === 'number' ? String(v) : String(v ?? '');
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return `${[header, ...rows].map((r) => r.map(cell).join(',')).join('\n')}\n`;
}

const ENTITY_FIGURES = ['dividends', 'incentive', 'consensus', 'emission', 'stake', 'bonds'] as const;

/** The run's CSV files, with only the figures the scenario asked to record. */
export function resultCsvFiles(r: SimResult): Record<string, string> {
  const figures = ENTITY_FIGURES.filter((f) => r.recorded.includes(f));
  const files: Record<string, string> = {
    'entities.csv': toCsv(
      ['subnet', 'epoch', 'block', 'entity', 'role', 'behaviour', 'uids', ...figures],
      r.entities.map((e) => [
        e.subnet,
        e.epoch,
        e.block,
        e.entity,
        e.role,
        e.behaviour,
        e.uids,
        ...figures.map((f) => e[f]),
      ]),
    ),
  };
  if (r.recorded.includes('subnet'))
    files['subnets.csv'] = toCsv(
      ['subnet', 'netuid', 'epoch', 'block', 'price', 'tao_in', 'alpha_in', 'emission_share', 'epoch_emission'],
      r.subnets.map((s) => [
        s.subnet,
        s.netuid,
        s.epoch,
        s.block,
        s.price,
        s.taoIn,
        s.alphaIn,
        s.emissionShare,
        s.epochEmission,
      ]),
    );
  files['totals.csv'] = toCsv(
    ['subnet', 'entity', 'role', 'behaviour', 'dividends', 'incentive', 'emission', 'final_stake'],
    r.totals.map((t) => [t.subnet, t.entity, t.role, t.behaviour, t.dividends, t.incentive, t.emission, t.finalStake]),
  );
  if (r.stakers.length > 0)
    files['stakers.csv'] = toCsv(
      ['staker', 'free_tao', 'subnet', 'netuid', 'alpha', 'tao_value'],
      r.stakers.flatMap((st) =>
        st.positions.length === 0
          ? [[st.staker, st.free, '', '', '', '']]
          : st.positions.map((p) => [st.staker, st.free, p.subnet, p.netuid, p.alpha, p.taoValue]),
      ),
    );
  if (r.perBlock.length > 0)
    files['blocks.csv'] = toCsv(
      ['block', 'subnet', 'price', 'tao_in'],
      r.perBlock.map((b) => [b.block, b.subnet, b.price, b.taoIn]),
    );
  return files;
}
