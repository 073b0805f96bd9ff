/**
 * The Prometheus text exposition format (0.0.4), shared by the node's and the neurons' `/metrics`
 * endpoints. Pure text building: serving it is the caller's business.
 */

const escapeLabel = (v: string): string => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

/** One sample; samples sharing a name form one metric. */
export interface Sample {
  readonly name: string;
  readonly help: string;
  readonly kind: 'gauge' | 'counter';
  readonly value: number | bigint;
  readonly labels?: Readonly<Record<string, string>>;
}

/** The exposition text of `samples` (HELP and TYPE once per name, in first-seen order). */
export function renderPrometheus(samples: readonly Sample[]): string {
  const byName = new Map<string, Sample[]>();
  for (const s of samples) {
    const list = byName.get(s.name);
    if (list === undefined) byName.set(s.name, [s]);
    else list.push(s);
  }
  const out: string[] = [];
  for (const [name, list] of byName) {
    const first = list[0] as Sample;
    out.push(`# HELP ${name} ${first.help}`, `# TYPE ${name} ${first.kind}`);
    for (const s of list) {
      const labels = Object.entries(s.labels ?? {});
      const l = labels.length === 0 ? '' : `{${labels.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;
      out.push(`${name}${l} ${s.value.toString()}`);
    }
  }
  return `${out.join('\n')}\n`;
}
