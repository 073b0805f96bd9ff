/**
 * Reasoning miners. The honest one solves every prompt with real algorithms (an interpreter,
 * exact elimination, DPLL, Dijkstra) within a work budget; miners differ in their strengths, as
 * real models do. The cheating ones ship with the subnet: a sybil (another hotkey giving exactly a
 * given miner's answers, a moment later), a copier (the same with some answers dropped) and a
 * random guesser.
 */
import { type Axon, keypairFromUri } from '@taonet/sdk';
import { BaseMiner, type NeuronConfig, RecentAnswers } from '@taonet/subnet-core';
import {
  copier,
  EMPTY_VIEW,
  type EnvName,
  honestMiner,
  type MinerPolicy,
  randomGuesser,
  type ReasoningPrompt,
  type SolverBudget,
} from './mechanism/index.js';
import { ReasoningChallenge } from './protocol.js';

export type ReasoningRole = 'miner' | 'sybil' | 'copier' | 'random';

const ENVS: readonly EnvName[] = ['program-output', 'linear-system', 'sat', 'shortest-path'];
const STRONG = 1_000_000;
const WEAK = 400;

/** A miner's strengths: strong on two environments, weak on the others, by its index. */
export function budgetFor(index: number): SolverBudget {
  const strong = new Set([ENVS[(2 * index) % 4], ENVS[(2 * index + 1) % 4]]);
  return Object.fromEntries(ENVS.map((e) => [e, strong.has(e) ? STRONG : WEAK])) as unknown as SolverBudget;
}

function indexOf(uri: string | undefined): number {
  const m = /(\d+)$/.exec(uri ?? '');
  return m === null ? 0 : Number(m[1]) - 1;
}

export class ReasoningMiner extends BaseMiner {
  private readonly policy: MinerPolicy | null;
  private readonly victim: string | null;
  private readonly recent = new RecentAnswers<string[]>();

  constructor(
    config: NeuronConfig,
    readonly role: ReasoningRole,
  ) {
    super(config, `reasoning-${role}`);
    const victim = config.extra['copy-of'];
    if ((role === 'sybil' || role === 'copier') && victim === undefined)
      throw new Error(`${role} needs --copy-of <hotkey uri>`);
    this.victim = victim === undefined ? null : keypairFromUri(victim).ss58Address;
    switch (role) {
      case 'miner':
        this.policy = honestMiner(budgetFor(indexOf(config.hotkeyUri)));
        break;
      case 'random':
        this.policy = randomGuesser(new TextEncoder().encode(config.hotkeyUri ?? 'random'));
        break;
      default:
        // Sybil and copier do no work: they relay the victim's answers.
        this.policy = null;
    }
  }

  private async answer(prompts: ReasoningPrompt[], timeoutS: number): Promise<string[]> {
    const policy = this.policy;
    if (policy !== null) return this.recent.get(JSON.stringify(prompts), () => policy.answer(prompts, EMPTY_VIEW));
    const theirs = await this.relay(
      this.victim as string,
      new ReasoningChallenge({ prompts: prompts as never }),
      Math.max(1, timeoutS - 0.5),
    );
    const seen = (theirs?.answers as string[] | null | undefined) ?? [];
    if (this.role === 'sybil') return prompts.map((_, i) => seen[i] ?? '');
    // The copier alters the copy (blanks some answers) so it is not byte-identical.
    return copier('victim', { blankEvery: 7 }).answer(prompts, { answersOf: () => seen });
  }

  protected attach(axon: Axon): void {
    axon.attach(ReasoningChallenge, async (s) => {
      s.answers = await this.answer(s.prompts as unknown as ReasoningPrompt[], s.timeout ?? 5);
      return s;
    });
  }
}
