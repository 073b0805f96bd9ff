/**
 * Which miners a validator queries each round: the best-known ones, plus some it has scored zero
 * or never seen — exploration, so a new or recovering miner gets a chance to show what it can do.
 */
export function selectMiners<T>(
  candidates: readonly T[],
  scoreOf: (c: T) => number,
  count: number,
  exploreFraction: number,
  random: () => number,
): T[] {
  if (candidates.length <= count) return [...candidates];
  const explore = Math.max(1, Math.round(count * exploreFraction));
  const cold = candidates.filter((c) => scoreOf(c) === 0);
  const warm = candidates.filter((c) => scoreOf(c) > 0).sort((a, b) => scoreOf(b) - scoreOf(a));
  const picked: T[] = [];
  const pool = [...cold];
  while (picked.length < explore && pool.length > 0)
    picked.push(pool.splice(Math.floor(random() * pool.length), 1)[0] as T);
  for (const c of warm) {
    if (picked.length >= count) break;
    picked.push(c);
  }
  const rest = candidates.filter((c) => !picked.includes(c));
  while (picked.length < count && rest.length > 0)
    picked.push(rest.splice(Math.floor(random() * rest.length), 1)[0] as T);
  return picked;
}
