/**
 * Operator state on a fresh dev chain, through the SDK: a subnet (owner //Bob) running two
 * mechanisms split 60/40; a parent hotkey (//Alice's) lending half its stake to a child hotkey
 * (//Charlie's, 9% take) since before the subnet started; a second parent whose child waits in the
 * cooldown; named coldkeys; and weights on both mechanisms that differ (mechanism 0 favours miner
 * A, mechanism 1 pays miner B only), left until an epoch has paid both.
 */
import { keypairFromUri, keypairSigner, type Subtensor, Tao, type TxResult } from '@taonet/sdk';

const alice = keypairSigner(keypairFromUri('//Alice'));
const bob = keypairSigner(keypairFromUri('//Bob'));
const charlie = keypairSigner(keypairFromUri('//Charlie'));
export const parentHot = keypairFromUri('//op-parent');
export const parent2Hot = keypairFromUri('//op-parent-2');
export const childHot = keypairFromUri('//op-child');
export const minerA = keypairFromUri('//op-miner-a');
export const minerB = keypairFromUri('//op-miner-b');
export const NAMES = { alice: 'Alice Validators', bob: 'Bob Subnets', charlie: 'Charlie Child Ops' } as const;
export const SPLIT = [39321, 26214] as const;
export const CHILD_TAKE = 5898;
const HALF = ((1n << 64n) - 1n) / 2n;
const QUARTER = ((1n << 64n) - 1n) / 4n;

function must(r: TxResult, what: string): TxResult {
  if (!r.ok) throw new Error(`${what} failed: ${r.code} ${r.explanation} ${r.hint ?? ''}`);
  return r;
}

export interface OperatorSeed {
  readonly netuid: number;
  readonly uids: { readonly minerA: number; readonly minerB: number; readonly parent: number };
  /** The block after which the second parent's pending child applies. */
  readonly pendingAfter: bigint;
}

async function waitFor(what: string, ok: () => Promise<boolean>, tries = 400): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function uid(st: Subtensor, netuid: number, hotkey: string): Promise<number> {
  const u = await st.uidOf(netuid, hotkey);
  if (u === null) throw new Error(`${hotkey} is not registered on ${netuid}`);
  return u;
}

export async function seedOperators(st: Subtensor): Promise<OperatorSeed> {
  const reg = must(
    await st.registerNetwork(bob, keypairFromUri('//Bob/op-owner-hot').ss58Address, { name: 'Mech Forecasts' }),
    'register_network',
  );
  const netuid = reg.events.find((e) => e.name === 'NetworkAdded')?.data.netuid as number;
  const settings = [
    { name: 'commitRevealEnabled', value: false },
    { name: 'weightsSetRateLimit', value: 0n },
    { name: 'maxAllowedUids', value: 128 },
  ].map((p) => ({ method: 'set_hyperparameter', args: { netuid, ...p } }));
  must(
    await st.batch(alice, {
      calls: [
        ...settings,
        { method: 'sudo_set_mechanism_count', args: { netuid, mechanismCount: 2 } },
        { method: 'sudo_set_mechanism_emission_split', args: { netuid, maybeSplit: [...SPLIT] } },
      ],
    }),
    'subnet settings',
  );
  for (const h of [parentHot, parent2Hot]) must(await st.register(alice, netuid, h.ss58Address), 'register parent');
  must(await st.register(charlie, netuid, childHot.ss58Address), 'register child');
  for (const m of [minerA, minerB]) must(await st.register(bob, netuid, m.ss58Address), 'register miner');
  for (const [who, name] of [
    [alice, NAMES.alice],
    [bob, NAMES.bob],
    [charlie, NAMES.charlie],
  ] as const)
    must(await st.setIdentity(who, { name }), `identity ${name}`);
  must(await st.setChildkeyTake(charlie, { hotkey: childHot.ss58Address, netuid, take: CHILD_TAKE }), 'take');
  // Before the subnet starts, a child list applies at once.
  must(
    await st.setChildren(alice, {
      hotkey: parentHot.ss58Address,
      netuid,
      children: [{ child: childHot.ss58Address, proportion: HALF }],
    }),
    'set_children',
  );
  must(await st.startCall(bob, netuid), 'start_call');
  const staked = await st.addStake(alice, {
    hotkey: parentHot.ss58Address,
    netuid,
    amount: Tao.of('2'),
    tolerance: 0.5,
  });
  must(staked.result, 'add_stake');
  // After the start, a list waits for the cooldown.
  must(
    await st.setChildren(alice, {
      hotkey: parent2Hot.ss58Address,
      netuid,
      children: [{ child: childHot.ss58Address, proportion: QUARTER }],
    }),
    'set_children (pending)',
  );
  const pending = (await st.childKeys(netuid, parent2Hot.ss58Address)).pending;
  if (pending === null) throw new Error('the second parent has no pending children');
  const uids = {
    minerA: await uid(st, netuid, minerA.ss58Address),
    minerB: await uid(st, netuid, minerB.ss58Address),
    parent: await uid(st, netuid, parentHot.ss58Address),
  };
  await setWeightsOnBothMechanisms(st, { netuid, uids });
  return { netuid, uids, pendingAfter: pending.cooldownBlock };
}

/**
 * Mechanism 0: 70/30 for miners A and B; mechanism 1: all to B. Then waits for an epoch to pay both.
 * Weights older than the activity cutoff stop counting, so a test sets them again before it looks.
 */
export async function setWeightsOnBothMechanisms(
  st: Subtensor,
  { netuid, uids }: Pick<OperatorSeed, 'netuid' | 'uids'>,
): Promise<void> {
  const signer = keypairSigner(parentHot);
  const mg = async (mecid: number, field: 'validatorPermit' | 'incentive') =>
    (await st.call('taonet_mechagraph', [netuid, mecid, [field]])) as Record<string, unknown[]>;
  await waitFor(
    'a validator permit',
    async () => (await mg(0, 'validatorPermit')).validatorPermit?.[uids.parent] === true,
  );
  const w0 = await st.submitWeights(signer, { netuid, uids: [uids.minerA, uids.minerB], weights: [0.7, 0.3] });
  must(w0.result, 'weights on mechanism 0');
  const w1 = await st.submitWeights(signer, { netuid, mecid: 1, uids: [uids.minerB], weights: [1] });
  must(w1.result, 'weights on mechanism 1');
  await waitFor('both mechanisms to pay', async () => {
    const [m0, m1] = [await mg(0, 'incentive'), await mg(1, 'incentive')];
    return Number(m0.incentive?.[uids.minerA] ?? 0) > 0 && Number(m1.incentive?.[uids.minerB] ?? 0) > 0;
  });
}
