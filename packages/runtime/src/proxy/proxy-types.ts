/**
 * The reference's proxy types and which calls each lets a proxy make, in Taonet's call names.
 * Allow-lists admit only the calls they name (so a batch is refused under them); deny-lists admit
 * everything else, and their filter also reaches the calls inside a batch or a nested proxy.
 */
import { PROXY_TYPES, type ProxyType } from '@taonet/primitives/substrate/proxy-types';
import type { Call } from '../system/call.js';

/** subtensor's proxy types, one list for the runtime, the call tables and the SDK. */
export { PROXY_TYPES, type ProxyType };

/** The reference's SmallTransfer limits: 0.5 TAO and 0.5 alpha. */
export const SMALL_TRANSFER_LIMIT = 500_000_000n;
export const SMALL_ALPHA_TRANSFER_LIMIT = 500_000_000n;

const COLDKEY_SWAP = [
  'announce_coldkey_swap',
  'swap_coldkey_announced',
  'clear_coldkey_swap_announcement',
  'dispute_coldkey_swap',
];
const STAKE_MOVES = [
  'add_stake',
  'remove_stake',
  'remove_stake_full_limit',
  'unstake_all',
  'unstake_all_alpha',
  'swap_stake',
  'move_stake',
  'transfer_stake',
];
/** Owner hyperparameters the reference lets a subnet lease's beneficiary set. */
const LEASE_HYPERPARAMETERS = new Set([
  'servingRateLimit',
  'weightsVersionKey',
  'immunityPeriod',
  'minAllowedWeights',
  'kappa',
  'activityCutoffFactorMilli',
  'registrationAllowed',
  'maxBurn',
  'bondsMovingAverage',
  'bondsPenalty',
  'commitRevealEnabled',
  'liquidAlphaEnabled',
  'alphaLow',
  'alphaHigh',
  'revealPeriodEpochs',
  'transferEnabled',
]);

type Rule = { allow: ReadonlySet<string> } | { deny: ReadonlySet<string> } | ((c: Call) => boolean);

const allow = (...names: string[]): Rule => ({ allow: new Set(names) });
const deny = (...names: string[]): Rule => ({ deny: new Set(names) });
const none: Rule = () => false;
const isAdmin = (m: string): boolean =>
  m.startsWith('sudo_') || m === 'swap_coldkey' || m === 'reset_coldkey_swap' || m === 'set_max_space';
const under = (v: unknown, limit: bigint): boolean => typeof v === 'bigint' && v < limit;

const RULES: Readonly<Record<ProxyType, Rule>> = {
  Any: () => true,
  NonTransfer: deny('transfer', 'transfer_stake', 'swap_coldkey', ...COLDKEY_SWAP),
  NonFungible: deny(
    'transfer',
    ...STAKE_MOVES,
    'burned_register',
    'root_register',
    'swap_coldkey',
    'swap_hotkey',
    ...COLDKEY_SWAP,
  ),
  Transfer: allow('transfer', 'transfer_stake'),
  SmallTransfer: (c) =>
    (c.method === 'transfer' && under(c.args.amount, SMALL_TRANSFER_LIMIT)) ||
    (c.method === 'transfer_stake' && under(c.args.amount, SMALL_ALPHA_TRANSFER_LIMIT)),
  // The reference's AdminUtils::* are Taonet's admin and owner hyperparameter calls.
  Owner: (c) => isAdmin(c.method) || ['set_hyperparameter', 'set_subnet_identity', 'update_symbol'].includes(c.method),
  NonCritical: (c) =>
    !['sudo_dissolve_network', 'root_register', 'burned_register', ...COLDKEY_SWAP].includes(c.method),
  Triumvirate: none,
  Senate: none,
  Governance: none,
  Staking: allow(...STAKE_MOVES.filter((m) => m !== 'transfer_stake'), 'set_root_claim_type'),
  Registration: allow('burned_register'),
  RootWeights: none,
  ChildKeys: allow('set_children', 'set_childkey_take'),
  SudoUncheckedSetCode: none,
  SwapHotkey: allow('swap_hotkey'),
  SubnetLeaseBeneficiary: (c) =>
    c.method === 'start_call' ||
    c.method === 'sudo_set_emission_enabled' ||
    (c.method === 'set_hyperparameter' && LEASE_HYPERPARAMETERS.has(String(c.args.name))),
  RootClaim: allow('claim_root'),
};

/** Whether a proxy of `type` may make `call`. */
export function proxyAllows(type: ProxyType, call: Call): boolean {
  const r = RULES[type];
  if (typeof r === 'function') return r(call);
  return 'allow' in r ? r.allow.has(call.method) : !r.deny.has(call.method);
}

/** The reference's is_superset: whether a proxy of type `a` may grant or revoke type `b`. */
export function isSuperset(a: ProxyType, b: ProxyType): boolean {
  if (a === b || a === 'Any') return true;
  if (b === 'Any') return false;
  if (a === 'NonTransfer') return b !== 'Transfer' && b !== 'SmallTransfer';
  return a === 'Transfer' && b === 'SmallTransfer';
}
