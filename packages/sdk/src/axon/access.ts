/**
 * Who may call an axon. Python's axon serves anyone by default and its priority hook has no effect;
 * public miners got DoS'd and each subnet rewrote the same blacklist. Here the default is the safe
 * one: a caller must be registered on the subnet, hold a validator permit, and have at least a
 * minimum stake, and higher stake is served first.
 */

/** A stake amount, in whatever unit the metagraph reports (TAO as a number, or rao as a bigint). */
export type Stake = number | bigint;

/**
 * What the axon needs to know about callers. The SDK's metagraph implements it; so does a test
 * fake. Called on every request, so implementations should be map look-ups.
 */
export interface MetagraphView {
  /** Whether the hotkey holds a UID on the subnet. */
  isRegistered(hotkey: string): boolean;
  /** Whether the hotkey holds a validator permit on the subnet. */
  hasValidatorPermit(hotkey: string): boolean;
  /** The hotkey's stake (0 when unknown). */
  stakeOf(hotkey: string): Stake;
}

/** The default access rules. */
export interface AccessPolicy {
  /** Serve hotkeys that are not registered (default false). */
  readonly allowUnregistered?: boolean;
  /** Require a validator permit (default true). */
  readonly requireValidatorPermit?: boolean;
  /** Minimum stake, in the metagraph's unit (default 0). */
  readonly minStake?: Stake;
}

/** A blacklist decision. */
export interface BlacklistResult {
  /** True to refuse the caller (403). */
  readonly blocked: boolean;
  /** Why, shown to the caller as `Forbidden. Key is blacklisted: {reason}.` */
  readonly reason?: string;
}

/** `a >= b` across number and bigint without losing bigint precision. */
export function stakeAtLeast(a: Stake, b: Stake): boolean {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a >= b;
  return Number(a) >= Number(b);
}

/** The default blacklist: registration, validator permit and minimum stake, in that order. */
export function defaultBlacklist(hotkey: string, metagraph: MetagraphView, policy: AccessPolicy = {}): BlacklistResult {
  if (!(policy.allowUnregistered ?? false) && !metagraph.isRegistered(hotkey))
    return { blocked: true, reason: `hotkey ${hotkey} is not registered on this subnet` };
  if ((policy.requireValidatorPermit ?? true) && !metagraph.hasValidatorPermit(hotkey))
    return { blocked: true, reason: `hotkey ${hotkey} has no validator permit` };
  const min = policy.minStake ?? 0;
  if (!stakeAtLeast(metagraph.stakeOf(hotkey), min))
    return { blocked: true, reason: `hotkey ${hotkey} has less than the minimum stake ${min}` };
  return { blocked: false };
}

/** The default priority: the caller's stake, as a float. */
export function defaultPriority(hotkey: string, metagraph: MetagraphView | undefined): number {
  return metagraph === undefined ? 0 : Number(metagraph.stakeOf(hotkey));
}
