/// <reference lib="dom" />
/**
 * Tables: sortable by any column (a button in each header, `aria-sort` on the column), an empty
 * state, and "Download as JSON / CSV" of exactly the rows shown, with exact values (amounts as
 * decimal text with all nine decimals, never rounded display text).
 */
import { type Child, empty, h } from './dom.js';
import { toCsv } from './format.js';

export type SortValue = number | bigint | string | boolean | null;
export type ExportValue = string | number | boolean | null;

export interface Column<R> {
  /** Export field name (CSV header, JSON key). */
  readonly key: string;
  readonly label: string;
  readonly cell: (r: R) => Child;
  readonly sort?: (r: R) => SortValue;
  readonly exp?: (r: R) => ExportValue;
  /** Right-aligned numeric column. */
  readonly num?: boolean;
  readonly help?: string;
}

export interface TableSpec<R> {
  /** Stable id: keeps the sort order across live updates. */
  readonly id: string;
  /** Shown above the table and used in the download buttons' names and file names. */
  readonly caption: string;
  readonly columns: readonly Column<R>[];
  readonly rows: readonly R[];
  readonly empty: string;
  readonly defaultSort?: { readonly key: string; readonly dir: 1 | -1 };
  readonly rowClass?: (r: R) => string | undefined;
  readonly note?: Child;
}

interface State {
  key: string | null;
  dir: 1 | -1;
  spec: TableSpec<unknown>;
}

const states = new Map<string, State>();

function cmp(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'string' || typeof b === 'string') return String(a).localeCompare(String(b));
  return a < b ? -1 : 1;
}

function sorted<R>(st: State, spec: TableSpec<R>): R[] {
  const col = spec.columns.find((c) => c.key === st.key);
  if (col?.sort === undefined) return [...spec.rows];
  const f = col.sort;
  return [...spec.rows].sort((x, y) => {
    const c = cmp(f(x), f(y));
    return c === 0 ? 0 : st.dir * c;
  });
}

export function exportRows<R>(spec: TableSpec<R>, rows: readonly R[]): Record<string, ExportValue>[] {
  return rows.map((r) => {
    const o: Record<string, ExportValue> = {};
    for (const c of spec.columns) {
      const v = c.exp === undefined ? null : c.exp(r);
      if (c.exp !== undefined) o[c.key] = v;
    }
    return o;
  });
}

export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, style: 'display:none' });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function downloadAs(id: string, kind: 'json' | 'csv'): void {
  const st = states.get(id);
  if (st === undefined) return;
  const spec = st.spec;
  const rows = exportRows(spec, sorted(st, spec));
  const name = `${slug(spec.caption)}.${kind}`;
  if (kind === 'json') download(name, 'application/json', `${JSON.stringify(rows, null, 2)}\n`);
  else {
    const keys = spec.columns.filter((c) => c.exp !== undefined).map((c) => c.key);
    download(
      name,
      'text/csv',
      toCsv(
        keys,
        rows.map((r) => keys.map((k) => r[k] ?? null)),
      ),
    );
  }
}

function inner(id: string): Child[] {
  const st = states.get(id);
  if (st === undefined) return [];
  const spec = st.spec;
  if (spec.rows.length === 0) return [empty(spec.empty)];
  const rows = sorted(st, spec);
  const head = h(
    'tr',
    null,
    spec.columns.map((c) => {
      const active = st.key === c.key;
      const ariaSort = active ? (st.dir === 1 ? 'ascending' : 'descending') : 'none';
      const label = h('span', null, c.label);
      return h(
        'th',
        {
          scope: 'col',
          class: c.num === true ? 'num' : undefined,
          'aria-sort': c.sort === undefined ? undefined : ariaSort,
          title: c.help,
        },
        c.sort === undefined
          ? label
          : h(
              'button',
              {
                type: 'button',
                class: 'sort',
                'aria-label': `Sort by ${c.label}`,
                onclick: () => {
                  st.dir = st.key === c.key ? (st.dir === 1 ? -1 : 1) : c.num === true ? -1 : 1;
                  st.key = c.key;
                  rerender(id);
                },
              },
              label,
              h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, active ? (st.dir === 1 ? '▲' : '▼') : '↕'),
            ),
      );
    }),
  );
  const body = rows.map((r) =>
    h(
      'tr',
      { class: spec.rowClass?.(r) },
      spec.columns.map((c) => h('td', { class: c.num === true ? 'num' : undefined, 'data-col': c.key }, c.cell(r))),
    ),
  );
  return [
    h(
      'div',
      { class: 'table-wrap' },
      h('table', { 'aria-label': spec.caption }, h('thead', null, head), h('tbody', null, body)),
    ),
  ];
}

function rerender(id: string): void {
  const el = document.querySelector(`[data-table="${CSS.escape(id)}"] .table-body`);
  el?.replaceChildren(...(inner(id) as Node[]));
}

/** A table with its toolbar; keeps the sort order the user chose (by `id`) across updates. */
export function table<R>(spec: TableSpec<R>): HTMLElement {
  let st = states.get(spec.id);
  if (st === undefined) {
    st = { key: spec.defaultSort?.key ?? null, dir: spec.defaultSort?.dir ?? 1, spec: spec as TableSpec<unknown> };
    states.set(spec.id, st);
  }
  st.spec = spec as TableSpec<unknown>;
  const id = spec.id;
  return h(
    'div',
    { class: 'tbl', 'data-table': id },
    h(
      'div',
      { class: 'tbl-bar' },
      h('h3', null, spec.caption, h('span', { class: 'count' }, ` (${spec.rows.length})`)),
      h(
        'div',
        { class: 'dl' },
        h(
          'button',
          { type: 'button', 'aria-label': `Download ${spec.caption} as JSON`, onclick: () => downloadAs(id, 'json') },
          '⤓ JSON',
        ),
        h(
          'button',
          { type: 'button', 'aria-label': `Download ${spec.caption} as CSV`, onclick: () => downloadAs(id, 'csv') },
          '⤓ CSV',
        ),
      ),
    ),
    spec.note === undefined ? null : h('p', { class: 'note' }, spec.note),
    h('div', { class: 'table-body' }, inner(id)),
  );
}
