/**
 * Every call the chain accepts. Calls travel by name, so a name is never reused for a different
 * meaning; a changed call gets a new name.
 */
import { balancesCalls } from '../balances/calls.js';
import { childrenCalls } from '../children/calls.js';
import { mechanismCalls } from '../mechanisms/calls.js';
import { commitmentCalls } from '../commitments/calls.js';
import { proxyCalls } from '../proxy/calls.js';
import { identityCalls } from '../identity/calls.js';
import { keySwapCalls } from '../key-swaps/calls.js';
import { neuronCalls } from '../neurons/calls.js';
import { stakingCalls } from '../staking/calls.js';
import { subnetCalls } from '../subnets/calls.js';
import { rootCalls } from '../root/calls.js';
import { shieldCalls } from '../shield/calls.js';
import { drandCalls } from '../drand/calls.js';
import { weightCalls } from '../weights/calls.js';
import type { CallDef } from '../system/call.js';
import { proxyAnnouncedCall, proxyCall } from './proxy-call.js';
import { sudoCalls } from './sudo-calls.js';
import { utilityCalls } from './utility-calls.js';

export const CALLS: readonly CallDef<unknown>[] = [
  ...balancesCalls,
  ...subnetCalls,
  ...neuronCalls,
  ...weightCalls,
  ...mechanismCalls,
  ...stakingCalls,
  ...childrenCalls,
  ...rootCalls,
  ...shieldCalls,
  ...drandCalls,
  ...keySwapCalls,
  ...identityCalls,
  ...commitmentCalls,
  ...utilityCalls,
  ...proxyCalls,
  proxyCall,
  ...sudoCalls,
  proxyAnnouncedCall,
];

const BY_NAME = new Map(CALLS.map((c) => [c.name, c]));

export function callDef(method: string): CallDef<unknown> | undefined {
  return BY_NAME.get(method);
}
