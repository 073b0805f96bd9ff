/**
 * Environment (c): a shortest path in a random weighted directed graph. The miner must give the
 * path itself, not just its length, so a guess has to be a real walk. The checker accepts any
 * walk from source to target along existing edges whose total weight equals the optimum
 * (several shortest paths may exist).
 */
import {
  answerTokens,
  clampDifficulty,
  type Environment,
  type Instance,
  instanceId,
  MAX_ANSWER_LENGTH,
} from '../environment.js';
import { Prng, type Seed } from '../prng.js';

/** A directed graph on nodes 0 … nodes−1 with edges [from, to, weight], and the query. */
export interface PathPromptData {
  readonly kind: 'shortest-path';
  readonly nodes: number;
  readonly edges: readonly (readonly [number, number, number])[];
  readonly source: number;
  readonly target: number;
}

/** The optimal distance from source to target. */
export interface PathCheckerData {
  readonly distance: number;
}

/** Number of nodes for a difficulty: 10 at 1, up to 46 at 10. */
export function pathNodes(difficulty: number): number {
  return 6 + 4 * clampDifficulty(difficulty);
}

/** Distances from `source` by Dijkstra with a linear scan (graphs here are small). */
export function distancesFrom(nodes: number, edges: PathPromptData['edges'], source: number): number[] {
  const adj: [number, number][][] = Array.from({ length: nodes }, () => []);
  for (const [u, v, w] of edges) adj[u]?.push([v, w]);
  const dist = new Array<number>(nodes).fill(Number.POSITIVE_INFINITY);
  const done = new Array<boolean>(nodes).fill(false);
  dist[source] = 0;
  for (;;) {
    let u = -1;
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < nodes; i++) {
      const di = dist[i] ?? Number.POSITIVE_INFINITY;
      if (!done[i] && di < best) {
        best = di;
        u = i;
      }
    }
    if (u < 0) return dist;
    done[u] = true;
    for (const [v, w] of adj[u] ?? []) if (best + w < (dist[v] ?? Number.POSITIVE_INFINITY)) dist[v] = best + w;
  }
}

/** Environment (c): give a shortest path between two nodes of a weighted digraph. */
export const shortestPath: Environment<PathPromptData, PathCheckerData> = {
  name: 'shortest-path',
  description: 'Give a minimum-weight path between two nodes of a random weighted directed graph.',
  generate(seed: Seed, difficulty: number): Instance<PathPromptData, PathCheckerData> {
    const d = clampDifficulty(difficulty);
    const rng = Prng.from('taonet/reasoning/shortest-path', seed, d);
    const n = pathNodes(d);
    const maxW = 9 + 2 * d;
    const seen = new Set<number>();
    const edges: [number, number, number][] = [];
    const addEdge = (u: number, v: number, w: number) => {
      if (u === v || seen.has(u * n + v)) return;
      seen.add(u * n + v);
      edges.push([u, v, w]);
    };
    const [source, target] = rng.shuffle(Array.from({ length: n }, (_, i) => i)) as [number, number];
    // A heavy backbone through every node guarantees reachability without being the answer.
    const order = [
      source,
      ...rng.shuffle(Array.from({ length: n }, (_, i) => i).filter((i) => i !== source && i !== target)),
      target,
    ];
    for (let i = 0; i + 1 < order.length; i++) addEdge(order[i] ?? 0, order[i + 1] ?? 0, rng.int(maxW, 2 * maxW));
    for (let u = 0; u < n; u++) for (let k = rng.int(1, 3); k > 0; k--) addEdge(u, rng.int(0, n - 1), rng.int(1, maxW));
    // Sort so the edge list leaks nothing about the backbone's order.
    edges.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const distance = distancesFrom(n, edges, source)[target] ?? 0;
    const id = instanceId('shortest-path', seed, d);
    const text = [
      `A directed graph has nodes 0 to ${n - 1} and these edges (from to weight):`,
      ...edges.map(([u, v, w]) => `  ${u} ${v} ${w}`),
      `Give a path of minimum total weight from node ${source} to node ${target},`,
      'as the list of nodes visited (both ends included), separated by spaces.',
    ].join('\n');
    return {
      id,
      env: 'shortest-path',
      difficulty: d,
      prompt: {
        id,
        env: 'shortest-path',
        difficulty: d,
        text,
        data: { kind: 'shortest-path', nodes: n, edges, source, target },
      },
      checkerData: { distance },
    };
  },
  check(instance, answer) {
    if (answer.length > MAX_ANSWER_LENGTH) return false;
    const { nodes, edges, source, target } = instance.prompt.data;
    const tokens = answerTokens(answer);
    // A shortest path with positive weights never repeats a node, so it has at most `nodes` entries.
    if (tokens.length < 1 || tokens.length > nodes || !tokens.every((t) => /^(0|[1-9][0-9]{0,5})$/.test(t)))
      return false;
    const path = tokens.map(Number);
    if (path.some((x) => x >= nodes)) return false;
    if (path[0] !== source || path[path.length - 1] !== target) return false;
    const weight = new Map<number, number>();
    for (const [u, v, w] of edges) weight.set(u * nodes + v, w);
    let total = 0;
    for (let i = 0; i + 1 < path.length; i++) {
      const w = weight.get((path[i] ?? 0) * nodes + (path[i + 1] ?? 0));
      if (w === undefined) return false;
      total += w;
    }
    return total === instance.checkerData.distance;
  },
  normalize(answer) {
    return answerTokens(answer).join(' ');
  },
};
