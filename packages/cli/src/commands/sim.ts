/**
 * `taonet sim`: incentive research on the runtime's own code. Runs a scenario file (JSON or YAML)
 * on an in-process chain and writes CSV, JSON and an offline HTML report; checks a scenario; runs
 * sweeps; regenerates the yuma-simulation cases table. Loads the simulator only when run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { SdkError } from '@taonet/sdk';
import type { CommandGroup } from '../command-spec.js';
import type { Cli } from '../context.js';
import { printJson } from '../output.js';

type Sim = typeof import('@taonet/sim');

/** A simulator error (typed, with its scenario path) becomes the CLI's typed failure. */
async function withSim<T>(body: (s: Sim) => Promise<T> | T): Promise<T> {
  const s = await import('@taonet/sim');
  try {
    return await body(s);
  } catch (e) {
    const err = e as Error & { path?: string; explanation?: string; hint?: string };
    if (err.name === 'ScenarioError' || err.name === 'SimulationError')
      throw new SdkError(err.name, `${err.path}: ${err.explanation}`, err.hint);
    throw e;
  }
}

function readScenarioText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new SdkError('ScenarioFileUnreadable', `cannot read ${file}: ${(e as Error).message}`, 'check the path');
  }
}

function printRun(s: Sim, r: ReturnType<Sim['runScenario']>, files: readonly string[]): void {
  process.stdout.write(`${r.scenario}: ${r.epochs} epochs, ${r.blocks} blocks, digest ${r.digest}\n`);
  for (const t of r.totals)
    process.stdout.write(
      `  ${t.subnet.padEnd(10)} ${t.entity.padEnd(14)} ${t.behaviour.padEnd(10)} dividends ${t.dividends.toFixed(4).padStart(9)}  incentive ${t.incentive.toFixed(4).padStart(9)}  emission ${s.raoToDecimal(t.emission)} α\n`,
    );
  if (r.failures.length > 0) process.stdout.write(`  ${r.failures.length} call(s) failed on chain (result.json)\n`);
  process.stdout.write(`report: ${files.find((f) => f.endsWith('report.html'))}\n`);
}

async function simRun(cli: Cli, file: string, o: { out: string; mode: string }): Promise<number> {
  if (o.mode !== 'fast' && o.mode !== 'full')
    throw new SdkError(
      'InvalidArgument',
      `--mode must be fast or full, not '${o.mode}'`,
      'use --mode fast or --mode full',
    );
  const mode = o.mode;
  const text = readScenarioText(file);
  return withSim((s) => {
    const sc = s.parseScenario(text, file);
    const onProgress = cli.json ? undefined : s.progressBar(process.stderr, sc.name);
    const r = s.runScenario(sc, { mode, ...(onProgress === undefined ? {} : { onProgress }) });
    const files = s.writeRunReport(r, o.out);
    if (cli.json)
      printJson({ ok: true, scenario: r.scenario, digest: r.digest, blocks: r.blocks, files, totals: r.totals });
    else printRun(s, r, files);
    return 0;
  });
}

async function simCheck(cli: Cli, file: string): Promise<number> {
  const text = readScenarioText(file);
  return withSim((s) => {
    const sc = s.parseScenario(text, file);
    if (cli.json) printJson({ ok: true, scenario: sc.name, epochs: sc.epochs, subnets: sc.subnets.length });
    else process.stdout.write(`${file}: ok (${sc.name}, ${sc.subnets.length} subnet(s), ${sc.epochs} epochs)\n`);
    return 0;
  });
}

async function simBehaviours(cli: Cli): Promise<number> {
  return withSim((s) => {
    const list = s.behaviourList();
    if (cli.json) printJson(list);
    else for (const b of list) process.stdout.write(`${b.kind.padEnd(10)} ${b.description}\n`);
    return 0;
  });
}

function checkTable(cli: Cli, out: string, md: string): number {
  let current = '';
  try {
    current = readFileSync(out, 'utf8');
  } catch {
    // a missing table is out of date
  }
  if (current !== md)
    throw new SdkError(
      'TableOutOfDate',
      `${out} differs from what the runtime gives now`,
      'run `taonet sim yuma-cases`',
    );
  if (cli.json) printJson({ ok: true, file: out, current: true });
  else process.stdout.write(`${out}: current\n`);
  return 0;
}

async function simYumaCases(
  cli: Cli,
  o: { out: string; series?: string; html?: string; check?: boolean },
): Promise<number> {
  return withSim((s) => {
    const runs = s.runAllYumaCases();
    const md = s.yumaCasesMarkdown(runs);
    if (o.check === true) return checkTable(cli, o.out, md);
    writeFileSync(o.out, md);
    if (o.series !== undefined) writeFileSync(o.series, s.yumaCasesSeriesCsv(runs));
    if (o.html !== undefined) writeFileSync(o.html, s.yumaCasesHtml(runs));
    if (cli.json) printJson({ ok: true, file: o.out, cases: s.YUMA_CASES.length, variants: s.YUMA_VARIANTS.length });
    else
      process.stdout.write(
        `${o.out}: ${s.YUMA_CASES.length} cases × ${s.YUMA_VARIANTS.length} variants${o.series === undefined ? '' : `; series in ${o.series}`}\n`,
      );
    return 0;
  });
}

function parseParams(s: Sim, raw: readonly string[]) {
  return raw.map((p) => {
    const eq = p.indexOf('=');
    if (eq <= 0 || eq === p.length - 1)
      throw new s.ScenarioError('--param', `'${p}' is not path=v1,v2,…`, 'e.g. hyperparameters.kappa=16384,32767');
    return {
      path: p.slice(0, eq),
      values: p
        .slice(eq + 1)
        .split(',')
        .map(s.parseParamValue),
    };
  });
}

function parseWorkers(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const workers = Number(raw);
  if (!Number.isInteger(workers) || workers < 1)
    throw new SdkError(
      'InvalidArgument',
      `--workers must be a positive whole number, not '${raw}'`,
      'e.g. --workers 2',
    );
  return workers;
}

async function simSweep(
  cli: Cli,
  file: string,
  o: { param: string[]; measure?: string; workers?: string; out: string },
): Promise<number> {
  const text = readScenarioText(file);
  const workers = parseWorkers(o.workers);
  return withSim(async (s) => {
    const params = parseParams(s, o.param);
    const measure = o.measure === undefined ? null : s.parseMeasure(o.measure);
    const doc = s.readScenarioDocument(text, file);
    const name = s.scenarioFromObject(doc).name;
    const onProgress = cli.json ? undefined : s.progressBar(process.stderr, `sweep ${name}`, 'runs');
    const r = await s.runSweep(name, doc, params, {
      ...(workers === undefined ? {} : { workers }),
      ...(onProgress === undefined ? {} : { onProgress }),
    });
    const files = s.writeSweepReport(r, measure, o.out);
    const values = measure === null ? null : r.runs.map((x) => s.measureOf(x, measure));
    if (cli.json) {
      printJson({ ok: true, runs: r.runs.length, workers: r.workers, seconds: r.seconds, files, values });
      return 0;
    }
    process.stdout.write(`${r.runs.length} runs on ${r.workers} worker(s) in ${r.seconds.toFixed(1)} s\n`);
    r.runs.forEach((run, i) => {
      const key = Object.entries(run.params)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(' ');
      process.stdout.write(`  ${key}${values === null ? '' : `  ${measure?.label} ${values[i]?.toFixed(6)}`}\n`);
    });
    process.stdout.write(`report: ${files.find((f) => f.endsWith('sweep.html'))}\n`);
    return 0;
  });
}

const SCENARIO = { name: '<scenario>', description: 'a scenario file (JSON or YAML)' };

export const simCommands: CommandGroup = {
  name: 'sim',
  description: 'simulate incentive mechanisms on the runtime’s own code',
  commands: [
    {
      name: 'run',
      description: 'run a scenario (JSON or YAML) and write result.json, CSVs and report.html',
      arguments: [SCENARIO],
      options: [
        { flags: '-o, --out <dir>', description: 'directory for the reports', default: 'sim-out' },
        {
          flags: '--mode <mode>',
          description: "'fast' (jump between epochs) or 'full' (check invariants, sample every block)",
          default: 'fast',
        },
      ],
      run: simRun,
    },
    { name: 'check', description: 'check a scenario file without running it', arguments: [SCENARIO], run: simCheck },
    { name: 'behaviours', description: 'list the validator behaviours a scenario may name', run: simBehaviours },
    {
      name: 'yuma-cases',
      description: "run yuma-simulation's synthetic cases for each Yuma variant and write the docs table",
      options: [
        { flags: '-o, --out <file>', description: 'markdown table to write', default: 'docs/sim-yuma-cases.md' },
        { flags: '--series <file>', description: 'also write the per-epoch dividends of every case as CSV' },
        { flags: '--html <file>', description: 'also write an offline HTML page charting every case over the epochs' },
        { flags: '--check', description: 'write nothing; fail if the table in --out is not current' },
      ],
      run: simYumaCases,
    },
    {
      name: 'sweep',
      description: 'run a scenario over a grid of parameters on worker threads; results keyed by parameters',
      arguments: [SCENARIO],
      options: [
        {
          flags: '-p, --param <path=v1,v2,…>',
          description: 'a parameter and its values, e.g. hyperparameters.kappa=16384,32767 (repeat for a grid)',
          required: true,
          repeatable: true,
        },
        {
          flags: '-m, --measure <subnet/entity:field>',
          description: 'the figure for the heatmap, e.g. alpha/copier:dividends',
        },
        { flags: '-w, --workers <n>', description: 'worker threads (default: one per core)' },
        {
          flags: '-o, --out <dir>',
          description: 'directory for sweep.json, sweep.csv and sweep.html',
          default: 'sim-sweep',
        },
      ],
      run: simSweep,
    },
  ],
};
