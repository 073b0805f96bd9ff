/**
 * Cheating miners, each a strategy that earns without doing the work (or does it once and
 * tries to be paid several times). The tests run them against honest miners to show that none
 * of them pays; the comments say which part of the mechanism defeats each one.
 */
import type { EnvName } from './environment.js';
import type { MinerPolicy, ReasoningPrompt, RoundView } from './miner.js';
import { Prng, type Seed } from './prng.js';

/** Options of {@link copier}. */
export interface CopierOptions {
  /**
   * Blank out every n-th copied answer (0 = copy verbatim), so the copy is no longer
   * byte-identical and slips past the duplicate check. It then scores slightly below its
   * target and is shadowed or dominated instead.
   */
  readonly blankEvery?: number;
}

/**
 * Replays the answers of `target`, observed because the target committed first. Defeated by
 * the duplicate collapse (a verbatim copy scores no successes) and, for an altered copy, by
 * the first-to-reach-the-point rule and dominance: it can at best tie the target, and ties go
 * to the earlier commit.
 */
export function copier(target: string, options: CopierOptions = {}): MinerPolicy {
  const blankEvery = options.blankEvery ?? 0;
  return {
    kind: blankEvery > 0 ? 'copier (altered)' : 'copier',
    answer(prompts: readonly ReasoningPrompt[], view: RoundView) {
      const seen = view.answersOf(target);
      return prompts.map((_, i) => {
        if (blankEvery > 0 && i % blankEvery === blankEvery - 1) return '';
        return seen?.[i] ?? '';
      });
    },
  };
}

/**
 * `count` hotkeys run by one operator, all answering with the same honest policy. The work is
 * real but done once; defeated because identical submissions collapse to the earliest committer
 * and identical score vectors are shadowed, so extra hotkeys add nothing.
 */
export function sybils(base: MinerPolicy, count: number): MinerPolicy[] {
  return Array.from({ length: count }, () => ({
    kind: 'sybil',
    answer: (prompts: readonly ReasoningPrompt[], view: RoundView) => base.answer(prompts, view),
  }));
}

/**
 * Well-formed random answers: random integers, random bits, a random walk through the graph.
 * Defeated by exact checkers on fresh, generated instances: luck succeeds only on the tiniest
 * instances, and the Wilson bound discounts rare lucky hits.
 */
export function randomGuesser(seed: Seed): MinerPolicy {
  const rng = Prng.from('taonet/reasoning/cheater/random', seed);
  const guess = (p: ReasoningPrompt): string => {
    const d = p.data;
    switch (d.kind) {
      case 'program-output':
        return Array.from({ length: rng.int(2, 4) }, () => rng.int(0, 200)).join(' ');
      case 'linear-system':
        return d.b.map(() => rng.int(-20, 20)).join(' ');
      case 'sat':
        return Array.from({ length: d.variables }, () => (rng.chance(1, 2) ? '1' : '0')).join('');
      case 'shortest-path': {
        const path = [d.source];
        for (let step = 0; step < d.nodes && path[path.length - 1] !== d.target; step++) {
          const here = path[path.length - 1];
          const out = d.edges.filter((e) => e[0] === here);
          if (out.length === 0) break;
          path.push(rng.pick(out)[1]);
        }
        return path.join(' ');
      }
    }
  };
  return { kind: 'random', answer: (prompts) => prompts.map(guess) };
}

/**
 * Learns from the revealed answers of a `teacher` instead of learning to solve: replays the
 * memorised answer when a prompt repeats exactly, and otherwise outputs the most common answer
 * it has seen in that environment. Defeated by fresh seeds: prompts never repeat across
 * rounds, and no single answer is right for many instances.
 */
export function overfitter(teacher: string): MinerPolicy {
  const memory = new Map<string, string>();
  const frequency = new Map<EnvName, Map<string, number>>();
  const mostCommon = (env: EnvName): string => {
    let best = '';
    let bestCount = 0;
    for (const [answer, count] of frequency.get(env) ?? []) {
      if (count > bestCount) {
        best = answer;
        bestCount = count;
      }
    }
    return best;
  };
  return {
    kind: 'overfit',
    answer: (prompts) => prompts.map((p) => memory.get(p.text) ?? mostCommon(p.env)),
    learn(prompts, revealed) {
      const answers = revealed.answersOf(teacher) ?? [];
      prompts.forEach((p, i) => {
        const a = answers[i] ?? '';
        if (a === '') return;
        memory.set(p.text, a);
        const f = frequency.get(p.env) ?? new Map<string, number>();
        f.set(a, (f.get(a) ?? 0) + 1);
        frequency.set(p.env, f);
      });
    },
  };
}
