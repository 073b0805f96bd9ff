/**
 * `taonet sim`: incentive research on the runtime's own code. Runs a scenario file (JSON or YAML)
 * on an in-process chain and writes CSV, JSON and an offline HTML report; checks a scenario; runs
 * sweeps; regenerates the yuma-simulation cases table. Loads the simulator only when run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { printError, printJson } from '../output.js';

interface Globals {
  json?: boolean;
}

/** Prints a simulator error (typed, with its scenario path) and returns the exit code. */
function simError(json: boolean, e: unknown): number {
  const err = e as Error & { path?: string; explanation?: string; hint?: string };
  if (err.name === 'ScenarioError' || err.name === 'SimulationError') {
    printError(json, err.name, `${err.path}: ${err.explanation}`, err.hint);
    return 1;
  }
  throw e;
}

function readScenarioText(json: boolean, file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    printError(json, 'ScenarioFileUnreadable', `cannot read ${file}: ${(e as Error).message}`, 'check the path');
    return null;
  }
}

export function registerSimCommands(program: Command): void {
  const sim = program.command('sim').description('simulate incentive mechanisms on the runtime’s own code');

  sim
    .command('run <scenario>')
    .description('run a scenario (JSON or YAML) and write result.json, CSVs and report.html')
    .option('-o, --out <dir>', 'directory for the reports', 'sim-out')
    .option('--mode <mode>', "'fast' (jump between epochs) or 'full' (check invariants, sample every block)", 'fast')
    .action(async (file: string, o: { out: string; mode: string }, cmd: Command) => {
      const json = (cmd.optsWithGlobals() as Globals).json === true;
      if (o.mode !== 'fast' && o.mode !== 'full') {
        printError(json, 'InvalidArgument', `--mode must be fast or full, not '${o.mode}'`);
        process.exitCode = 2;
        return;
      }
      const text = readScenarioText(json, file);
      if (text === null) {
        process.exitCode = 1;
        return;
      }
      const s = await import('@taonet/sim');
      try {
        const sc = s.parseScenario(text, file);
        const onProgress = json ? undefined : s.progressBar(process.stderr, sc.name);
        const r = s.runScenario(sc, { mode: o.mode, ...(onProgress === undefined ? {} : { onProgress }) });
        const files = s.writeRunReport(r, o.out);
        if (json)
          printJson({ ok: true, scenario: r.scenario, digest: r.digest, blocks: r.blocks, files, totals: r.totals });
        else {
          process.stdout.write(`${r.scenario}: ${r.epochs} epochs, ${r.blocks} blocks, digest ${r.digest}\n`);
          for (const t of r.totals)
            process.stdout.write(
              `  ${t.subnet.padEnd(10)} ${t.entity.padEnd(14)} ${t.behaviour.padEnd(10)} dividends ${t.dividends.toFixed(4).padStart(9)}  incentive ${t.incentive.toFixed(4).padStart(9)}  emission ${s.raoToDecimal(t.emission)} α\n`,
            );
          if (r.failures.length > 0)
            process.stdout.write(`  ${r.failures.length} call(s) failed on chain (result.json)\n`);
          process.stdout.write(`report: ${files.find((f) => f.endsWith('report.html'))}\n`);
        }
      } catch (e) {
        process.exitCode = simError(json, e);
      }
    });

  sim
    .command('check <scenario>')
    .description('check a scenario file without running it')
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const json = (cmd.optsWithGlobals() as Globals).json === true;
      const text = readScenarioText(json, file);
      if (text === null) {
        process.exitCode = 1;
        return;
      }
      const s = await import('@taonet/sim');
      try {
        const sc = s.parseScenario(text, file);
        if (json) printJson({ ok: true, scenario: sc.name, epochs: sc.epochs, subnets: sc.subnets.length });
        else process.stdout.write(`${file}: ok (${sc.name}, ${sc.subnets.length} subnet(s), ${sc.epochs} epochs)\n`);
      } catch (e) {
        process.exitCode = simError(json, e);
      }
    });

  sim
    .command('behaviours')
    .description('list the validator behaviours a scenario may name')
    .action(async (_o: unknown, cmd: Command) => {
      const json = (cmd.optsWithGlobals() as Globals).json === true;
      const s = await import('@taonet/sim');
      const list = s.behaviourList();
      if (json) printJson(list);
      else for (const b of list) process.stdout.write(`${b.kind.padEnd(10)} ${b.description}\n`);
    });

  sim
    .command('yuma-cases')
    .description("run yuma-simulation's synthetic cases for each Yuma variant and write the docs table")
    .option('-o, --out <file>', 'markdown table to write', 'docs/sim-yuma-cases.md')
    .option('--series <file>', 'also write the per-epoch dividends of every case as CSV')
    .option('--html <file>', 'also write an offline HTML page charting every case over the epochs')
    .option('--check', 'write nothing; fail if the table in --out is not current')
    .action(async (o: { out: string; series?: string; html?: string; check?: boolean }, cmd: Command) => {
      const json = (cmd.optsWithGlobals() as Globals).json === true;
      const s = await import('@taonet/sim');
      const runs = s.runAllYumaCases();
      const md = s.yumaCasesMarkdown(runs);
      if (o.check === true) {
        let current = '';
        try {
          current = readFileSync(o.out, 'utf8');
        } catch {
          // a missing table is out of date
        }
        if (current !== md) {
          printError(
            json,
            'TableOutOfDate',
            `${o.out} differs from what the runtime gives now`,
            'run `taonet sim yuma-cases`',
          );
          process.exitCode = 1;
          return;
        }
        if (json) printJson({ ok: true, file: o.out, current: true });
        else process.stdout.write(`${o.out}: current\n`);
        return;
      }
      writeFileSync(o.out, md);
      if (o.series !== undefined) writeFileSync(o.series, s.yumaCasesSeriesCsv(runs));
      if (o.html !== undefined) writeFileSync(o.html, s.yumaCasesHtml(runs));
      if (json) printJson({ ok: true, file: o.out, cases: s.YUMA_CASES.length, variants: s.YUMA_VARIANTS.length });
      else
        process.stdout.write(
          `${o.out}: ${s.YUMA_CASES.length} cases × ${s.YUMA_VARIANTS.length} variants${o.series === undefined ? '' : `; series in ${o.series}`}\n`,
        );
    });

  sim
    .command('sweep <scenario>')
    .description('run a scenario over a grid of parameters on worker threads; results keyed by parameters')
    .requiredOption(
      '-p, --param <path=v1,v2,…>',
      'a parameter and its values, e.g. hyperparameters.kappa=16384,32767 (repeat for a grid)',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option('-m, --measure <subnet/entity:field>', 'the figure for the heatmap, e.g. alpha/copier:dividends')
    .option('-w, --workers <n>', 'worker threads (default: one per core)')
    .option('-o, --out <dir>', 'directory for sweep.json, sweep.csv and sweep.html', 'sim-sweep')
    .action(
      async (file: string, o: { param: string[]; measure?: string; workers?: string; out: string }, cmd: Command) => {
        const json = (cmd.optsWithGlobals() as Globals).json === true;
        const text = readScenarioText(json, file);
        if (text === null) {
          process.exitCode = 1;
          return;
        }
        const workers = o.workers === undefined ? undefined : Number(o.workers);
        if (workers !== undefined && (!Number.isInteger(workers) || workers < 1)) {
          printError(json, 'InvalidArgument', `--workers must be a positive whole number, not '${o.workers}'`);
          process.exitCode = 2;
          return;
        }
        const s = await import('@taonet/sim');
        try {
          const params = o.param.map((p) => {
            const eq = p.indexOf('=');
            if (eq <= 0 || eq === p.length - 1)
              throw new s.ScenarioError(
                '--param',
                `'${p}' is not path=v1,v2,…`,
                'e.g. hyperparameters.kappa=16384,32767',
              );
            return {
              path: p.slice(0, eq),
              values: p
                .slice(eq + 1)
                .split(',')
                .map(s.parseParamValue),
            };
          });
          const measure = o.measure === undefined ? null : s.parseMeasure(o.measure);
          const doc = s.readScenarioDocument(text, file);
          const name = s.scenarioFromObject(doc).name;
          const onProgress = json ? undefined : s.progressBar(process.stderr, `sweep ${name}`, 'runs');
          const r = await s.runSweep(name, doc, params, {
            ...(workers === undefined ? {} : { workers }),
            ...(onProgress === undefined ? {} : { onProgress }),
          });
          const files = s.writeSweepReport(r, measure, o.out);
          const values = measure === null ? null : r.runs.map((x) => s.measureOf(x, measure));
          if (json) printJson({ ok: true, runs: r.runs.length, workers: r.workers, seconds: r.seconds, files, values });
          else {
            process.stdout.write(`${r.runs.length} runs on ${r.workers} worker(s) in ${r.seconds.toFixed(1)} s\n`);
            r.runs.forEach((run, i) => {
              const key = Object.entries(run.params)
                .map(([k, v]) => `${k}=${String(v)}`)
                .join(' ');
              process.stdout.write(
                `  ${key}${values === null ? '' : `  ${measure?.label} ${values[i]?.toFixed(6)}`}\n`,
              );
            });
            process.stdout.write(`report: ${files.find((f) => f.endsWith('sweep.html'))}\n`);
          }
        } catch (e) {
          process.exitCode = simError(json, e);
        }
      },
    );
}
