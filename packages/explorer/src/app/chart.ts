/// <reference lib="dom" />
/** Line charts over block numbers, drawn by uPlot; resized with their container. */
import uPlot from 'uplot';
import { h } from './dom.js';
import { fmtInt, fmtNumber } from './format.js';

export interface SeriesSpec {
  readonly label: string;
  readonly stroke: string;
  /** Scale id (a second y axis is drawn for the second scale). */
  readonly scale?: string;
  /** Points only (e.g. trades), no line. */
  readonly pointsOnly?: boolean;
  readonly decimals?: number;
}

export class LineChart {
  readonly el: HTMLElement;
  private readonly plotEl: HTMLElement;
  private readonly emptyEl: HTMLElement;
  private plot: uPlot | null = null;
  private readonly resize: ResizeObserver;

  constructor(
    readonly title: string,
    private readonly series: readonly SeriesSpec[],
    private readonly emptyText: string,
  ) {
    this.plotEl = h('div', { class: 'chart-plot', role: 'img', 'aria-label': title });
    this.emptyEl = h('p', { class: 'empty' }, emptyText);
    this.el = h('figure', { class: 'chart' }, h('figcaption', null, title), this.emptyEl, this.plotEl);
    this.resize = new ResizeObserver(() => {
      if (this.plot !== null) this.plot.setSize(this.size());
    });
    this.resize.observe(this.el);
  }

  private size(): { width: number; height: number } {
    const w = Math.max(240, Math.floor(this.el.clientWidth || 600));
    return { width: w, height: w < 500 ? 200 : 260 };
  }

  private create(data: uPlot.AlignedData): void {
    const scales = [...new Set(this.series.map((s) => s.scale ?? 'y'))];
    const axisFor = (scale: string, side: 1 | 3): uPlot.Axis => {
      const dec = this.series.find((s) => (s.scale ?? 'y') === scale)?.decimals ?? 4;
      return {
        scale,
        side,
        size: 70,
        stroke: '#9aa4b2',
        grid: { stroke: side === 3 ? '#2a3140' : 'transparent', width: 1 },
        values: (_u, splits) => splits.map((v) => fmtNumber(v, dec)),
      };
    };
    const opts: uPlot.Options = {
      ...this.size(),
      scales: { x: { time: false } },
      legend: { show: true },
      cursor: { drag: { x: true, y: false } },
      axes: [
        {
          stroke: '#9aa4b2',
          grid: { stroke: '#2a3140', width: 1 },
          values: (_u, splits) => splits.map((v) => `#${fmtInt(Math.round(v))}`),
        },
        ...scales.map((s, i) => axisFor(s, i === 0 ? 3 : 1)),
      ],
      series: [
        { label: 'block', value: (_u, v) => (v === null ? '—' : `#${fmtInt(Math.round(v))}`) },
        ...this.series.map(
          (s): uPlot.Series => ({
            label: s.label,
            stroke: s.stroke,
            scale: s.scale ?? 'y',
            width: 2,
            spanGaps: s.pointsOnly !== true,
            value: (_u, v) => (v === null ? '—' : fmtNumber(v, s.decimals ?? 4)),
            ...(s.pointsOnly === true
              ? { paths: () => null, points: { show: true, size: 7, fill: s.stroke, stroke: s.stroke } }
              : { points: { show: false } }),
          }),
        ),
      ],
    };
    this.plot = new uPlot(opts, data, this.plotEl);
  }

  /** xs: block numbers ascending; ys: one array per series (null = no value at that block). */
  setData(xs: readonly number[], ys: readonly (readonly (number | null)[])[]): void {
    const has = xs.length >= 2;
    this.emptyEl.hidden = has;
    this.plotEl.hidden = !has;
    if (!has) {
      this.emptyEl.textContent = `${this.emptyText}${xs.length === 1 ? ' (1 block so far)' : ''}`;
      return;
    }
    const data = [xs as number[], ...(ys as (number | null)[][])] as uPlot.AlignedData;
    if (this.plot === null) this.create(data);
    else this.plot.setData(data);
  }

  destroy(): void {
    this.resize.disconnect();
    this.plot?.destroy();
    this.plot = null;
  }
}
