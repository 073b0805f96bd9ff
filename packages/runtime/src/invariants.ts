/**
 * Invariants that must hold after every block. Tests and the dev node check them; a violation is a
 * bug, reported with what was expected and what was found.
 *
 * Two paths compute the same list of problems, in the same order:
 * - `checkInvariantsFull` recomputes everything from the whole state (O(state));
 * - `checkInvariants` is incremental: it keeps, per State, the sums and per-entry results of the
 *   last check and redoes only what the keys written since then (a `WriteWatcher`) can change.
 *   Its first call on a state, and every `FULL_EVERY`-th call, is a full recomputation; on that
 *   periodic run the incremental result is also compared with the full one, and any difference is
 *   reported as a problem of its own. Equivalence rests on: every check below is a function of
 *   the current values of the keys it reads, and the watcher sees every key the journal writes or
 *   reverts (a `rawLoad`, which bypasses the journal, invalidates it and forces a rebuild).
 */
import { type AccountId, MAX_TAO_SUPPLY } from '@taonet/primitives';
import {
  type AccountData,
  Accounts,
  Reserved,
  GenesisIssuance,
  TotalIssuance,
  TotalMinted,
  TotalRecycled,
} from './balances/storage.js';
import type { State, WriteWatcher } from './state/state.js';
import { shareValue } from './staking/share-pool.js';
import { StakeShares, TotalHotkeyAlpha, TotalHotkeyShares } from './staking/storage.js';
import {
  Netuids,
  PendingOwnerCut,
  PendingRootAlphaDivs,
  PendingServerEmission,
  PendingValidatorEmission,
} from './subnets/storage.js';
import { SubnetAccountTao, SubnetAlphaBurned, SubnetAlphaOut, SubnetProtocolAlpha, SubnetTao } from './swap/storage.js';

/** Items holding signed quantities (flows and their EMAs). */
const SIGNED_ITEMS = new Set(['subnets.taoFlow', 'subnets.protocolFlow', 'subnets.flowEma', 'subnets.protocolFlowEma']);

function negativeIn(v: unknown): boolean {
  if (typeof v === 'bigint') return v < 0n;
  if (typeof v === 'number') return v < 0;
  if (v instanceof BigInt64Array) return v.some((x) => x < 0n);
  if (Array.isArray(v)) return v.some(negativeIn);
  // A SafeFloat's exponent is a scale, not an amount: only its mantissa must be non-negative.
  if (v !== null && typeof v === 'object' && 'mantissa' in v && 'exponent' in v) return negativeIn(v.mantissa);
  if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v)) return Object.values(v).some(negativeIn);
  return false;
}

// --- The checks, each a function of a few values, shared by both paths. ---

function taoProblems(s: State, freeHeld: bigint, problems: string[]): void {
  const issuance = s.value(TotalIssuance);
  let held = freeHeld;
  for (const n of s.value(Netuids)) held += s.get(SubnetTao, n) + s.get(SubnetAccountTao, n);
  if (held !== issuance) problems.push(`TAO: issuance ${issuance} but holdings ${held} (diff ${issuance - held})`);
  if (issuance > MAX_TAO_SUPPLY) problems.push(`TAO: issuance ${issuance} above the cap`);
  const expected = s.value(GenesisIssuance) + s.value(TotalMinted) - s.value(TotalRecycled);
  if (expected !== issuance) problems.push(`TAO: genesis + minted − recycled = ${expected}, issuance ${issuance}`);
}

const negativeProblem = (item: string, key: string): string => `negative amount in ${item}[${key}]`;

/**
 * Stake pool `key` (hotkey/netuid) with value `total` and these holders: what nominators can
 * withdraw never exceeds the pool, and misses at most dust. Null when it holds.
 */
function poolProblem(s: State, key: string, total: bigint, coldkeys: Iterable<AccountId> | undefined): string | null {
  const slash = key.lastIndexOf('/');
  const hotkey = key.slice(0, slash) as AccountId;
  const netuid = Number(key.slice(slash + 1));
  let sum = 0n;
  let count = 0n;
  if (coldkeys !== undefined) {
    // What `stakeOf` computes for each holder, with the pool's totals read once.
    const sharedValue = s.get(TotalHotkeyAlpha, [hotkey, netuid]);
    const denominator = s.get(TotalHotkeyShares, [hotkey, netuid]);
    for (const c of coldkeys) {
      const shares = new Map([[c as string, s.get(StakeShares, [hotkey, c, netuid])]]);
      sum += shareValue({ sharedValue, denominator, shares }, c);
      count++;
    }
  }
  const slack = count + total / 10n ** 15n;
  if (sum > total) return `stake pool ${key}: holders own ${sum} > pool ${total}`;
  if (total - sum > slack + 1n && coldkeys !== undefined)
    return `stake pool ${key}: ${total - sum} alpha owned by nobody`;
  return null;
}

function subnetProblems(s: State, stakedPerSubnet: ReadonlyMap<number, bigint>, problems: string[]): void {
  for (const n of s.value(Netuids)) {
    const claimed =
      (stakedPerSubnet.get(n) ?? 0n) +
      s.get(PendingServerEmission, n) +
      s.get(PendingValidatorEmission, n) +
      s.get(PendingRootAlphaDivs, n) +
      s.get(PendingOwnerCut, n) +
      s.get(SubnetProtocolAlpha, n) +
      s.get(SubnetAlphaBurned, n);
    const out = s.get(SubnetAlphaOut, n);
    if (n !== 0 && claimed > out)
      problems.push(`subnet ${n}: stake + pending + protocol ${claimed} > alpha out ${out}`);
  }
}

/** StakeShares key hotkey/coldkey/netuid → [pool key hotkey/netuid, coldkey]. */
function splitShareKey(k: string): [string, AccountId] {
  const a = k.indexOf('/');
  const b = k.lastIndexOf('/');
  return [`${k.slice(0, a)}${k.slice(b)}`, k.slice(a + 1, b) as AccountId];
}

const netuidOfPool = (key: string): number => Number(key.slice(key.lastIndexOf('/') + 1));

/** The whole check from scratch. */
export function checkInvariantsFull(s: State): string[] {
  const problems: string[] = [];
  let free = 0n;
  for (const [, acc] of s.entries(Accounts)) free += acc?.free ?? 0n;
  for (const [, r] of s.entries(Reserved)) free += r;
  taoProblems(s, free, problems);

  for (const [item, key, value] of s.allEntries()) {
    if (!SIGNED_ITEMS.has(item) && negativeIn(value)) problems.push(negativeProblem(item, key));
  }

  const holders = new Map<string, AccountId[]>();
  for (const [k] of s.entries(StakeShares)) {
    const [pool, coldkey] = splitShareKey(k);
    const list = holders.get(pool);
    if (list === undefined) holders.set(pool, [coldkey]);
    else list.push(coldkey);
  }
  const stakedPerSubnet = new Map<number, bigint>();
  for (const [key, total] of s.entries(TotalHotkeyAlpha)) {
    const netuid = netuidOfPool(key);
    stakedPerSubnet.set(netuid, (stakedPerSubnet.get(netuid) ?? 0n) + total);
    const p = poolProblem(s, key, total, holders.get(key));
    if (p !== null) problems.push(p);
  }
  subnetProblems(s, stakedPerSubnet, problems);
  return problems;
}

/** What the incremental path remembers about one state. */
class Tracker {
  calls = 0;
  freeOf = new Map<string, bigint>();
  free = 0n;
  /** Reserved balances (deposits), counted with the free ones. */
  reservedOf = new Map<string, bigint>();
  reserved = 0n;
  /** Negative entries: `${item}\0${key}` → problem (sorted, this is allEntries order). */
  negatives = new Map<string, string>();
  /** Pool key → coldkeys holding shares in it. */
  holders = new Map<string, Set<AccountId>>();
  /** Pool key → TotalHotkeyAlpha (present entries only). */
  poolTotal = new Map<string, bigint>();
  stakedPerSubnet = new Map<number, bigint>();
  poolProblems = new Map<string, string>();

  constructor(readonly watcher: WriteWatcher) {}
}

const TRACKERS = new WeakMap<State, Tracker>();
/** Every this many calls, the incremental result is recomputed in full and compared. */
const FULL_EVERY = 1024;

function setFree(t: Tracker, key: string, acc: AccountData | null | undefined): void {
  const v = acc?.free ?? 0n;
  t.free += v - (t.freeOf.get(key) ?? 0n);
  if (v === 0n) t.freeOf.delete(key);
  else t.freeOf.set(key, v);
}

function setReserved(t: Tracker, key: string, v: bigint | undefined): void {
  const r = v ?? 0n;
  t.reserved += r - (t.reservedOf.get(key) ?? 0n);
  if (r === 0n) t.reservedOf.delete(key);
  else t.reservedOf.set(key, r);
}

function setPoolTotal(t: Tracker, key: string, total: bigint | undefined): void {
  const netuid = netuidOfPool(key);
  const old = t.poolTotal.get(key) ?? 0n;
  t.stakedPerSubnet.set(netuid, (t.stakedPerSubnet.get(netuid) ?? 0n) + (total ?? 0n) - old);
  if (total === undefined) t.poolTotal.delete(key);
  else t.poolTotal.set(key, total);
}

function setHolder(t: Tracker, shareKey: string, present: boolean): string {
  const [pool, coldkey] = splitShareKey(shareKey);
  let set = t.holders.get(pool);
  if (present) {
    if (set === undefined) {
      set = new Set();
      t.holders.set(pool, set);
    }
    set.add(coldkey);
  } else if (set !== undefined) {
    set.delete(coldkey);
    if (set.size === 0) t.holders.delete(pool);
  }
  return pool;
}

function recheckPool(s: State, t: Tracker, pool: string): void {
  const total = t.poolTotal.get(pool);
  const p = total === undefined ? null : poolProblem(s, pool, total, t.holders.get(pool));
  if (p === null) t.poolProblems.delete(pool);
  else t.poolProblems.set(pool, p);
}

function recheckEntry(s: State, t: Tracker, item: string, key: string): void {
  if (SIGNED_ITEMS.has(item)) return;
  const id = `${item}\u0000${key}`;
  const v = s.rawGet(item, key);
  if (v !== undefined && negativeIn(v)) t.negatives.set(id, negativeProblem(item, key));
  else t.negatives.delete(id);
}

function build(s: State, watcher: WriteWatcher): Tracker {
  const t = new Tracker(watcher);
  for (const [key, acc] of s.entries(Accounts)) setFree(t, key, acc);
  for (const [key, r] of s.entries(Reserved)) setReserved(t, key, r);
  for (const [item, key] of s.allEntries()) recheckEntry(s, t, item, key);
  for (const [k] of s.entries(StakeShares)) setHolder(t, k, true);
  for (const [key, total] of s.entries(TotalHotkeyAlpha)) setPoolTotal(t, key, total);
  for (const pool of t.poolTotal.keys()) recheckPool(s, t, pool);
  return t;
}

function apply(s: State, t: Tracker, changes: ReadonlyMap<string, ReadonlySet<string>>): void {
  const pools = new Set<string>();
  for (const [item, keys] of changes) {
    for (const key of keys) recheckEntry(s, t, item, key);
    if (item === Accounts.name) {
      for (const key of keys) setFree(t, key, s.rawGet(item, key) as AccountData | null | undefined);
    } else if (item === Reserved.name) {
      for (const key of keys) setReserved(t, key, s.rawGet(item, key) as bigint | undefined);
    } else if (item === StakeShares.name) {
      for (const key of keys) pools.add(setHolder(t, key, s.rawGet(item, key) !== undefined));
    } else if (item === TotalHotkeyAlpha.name) {
      for (const key of keys) {
        setPoolTotal(t, key, s.rawGet(item, key) as bigint | undefined);
        pools.add(key);
      }
    } else if (item === TotalHotkeyShares.name) {
      for (const key of keys) pools.add(key);
    }
  }
  for (const pool of pools) recheckPool(s, t, pool);
}

function report(s: State, t: Tracker): string[] {
  const problems: string[] = [];
  taoProblems(s, t.free + t.reserved, problems);
  for (const id of [...t.negatives.keys()].sort()) problems.push(t.negatives.get(id) as string);
  for (const pool of [...t.poolProblems.keys()].sort()) problems.push(t.poolProblems.get(pool) as string);
  subnetProblems(s, t.stakedPerSubnet, problems);
  return problems;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The invariants, checked incrementally (see the top of this file). */
export function checkInvariants(s: State): string[] {
  let t = TRACKERS.get(s);
  if (t === undefined || t.watcher.invalidated) {
    if (t !== undefined) s.unwatch(t.watcher);
    const watcher = s.watchWrites();
    t = build(s, watcher);
    TRACKERS.set(s, t);
  } else {
    apply(s, t, t.watcher.take());
  }
  t.calls++;
  const problems = report(s, t);
  if (t.calls % FULL_EVERY === 0) {
    const full = checkInvariantsFull(s);
    if (!sameList(problems, full)) {
      return [...full, `invariants: the incremental check found [${problems.join('; ')}], the full one differs`];
    }
  }
  return problems;
}
