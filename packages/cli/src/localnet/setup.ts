/**
 * Builds the local network on a fresh chain through ordinary transactions: funds every key from
 * //Alice, lets owners set hyperparameters at any block, creates the demo subnets with the reference chain's minimum lock as their pools' TAO
 * and applies each one's settings (hyperparameters, mechanisms and their emission split),
 * registers every neuron, links child hotkeys to their parents, starts the subnets, stakes the
 * validators and names the validators and owners with on-chain identities. Each step is
 * idempotent enough to resume after an interruption.
 */
import { keypairFromUri, keypairSigner, type Signer, Tao, toAccountHex, type TxResult } from '@taonet/sdk';
import { childLinks, LOCALNET_HYPERPARAMETERS, type NetworkPlan, type SubnetPlan, subnetOf } from './plan.js';

export type Say = (line: string) => void;

/**
 * The part of the chain client the setup uses. `Subtensor` is one; a test can run the same setup
 * against an in-process runtime with another.
 */
export interface SetupClient {
  balance(address: string): Promise<Tao>;
  registerNetwork(signer: Signer, hotkey: string, identity?: Record<string, string>): Promise<TxResult>;
  startCall(signer: Signer, netuid: number): Promise<TxResult>;
  uidOf(netuid: number, hotkey: string): Promise<number | null>;
  register(signer: Signer, netuid: number, hotkey: string): Promise<TxResult>;
  addStake(
    signer: Signer,
    a: { hotkey: string; netuid: number; amount: Tao; tolerance: number },
  ): Promise<{ readonly result: TxResult }>;
  registrationPrices(): Promise<{ network: Tao }>;
  submit(signer: Signer, call: { method: string; args: Record<string, unknown> }): Promise<TxResult>;
}

const RAO = 1_000_000_000n;

function must(r: TxResult, what: string): TxResult {
  if (!r.ok) throw new Error(`${what}: ${r.code}: ${r.explanation}${r.hint === undefined ? '' : ` (${r.hint})`}`);
  return r;
}

export async function setupNetwork(st: SetupClient, plan: NetworkPlan, say: Say): Promise<void> {
  const alice = keypairSigner(keypairFromUri('//Alice'));
  const created = plan.subnets.filter((s) => s.netuid === null);
  const owners = new Set(created.map((s) => s.ownerUri));
  await fundAccounts(st, alice, plan, owners, say);
  if (owners.size > 0) {
    await openOwnerSettings(st, alice, say);
    await withMinLock(st, alice, plan.subnetLockTao * RAO, () => createSubnets(st, plan, say));
  }
  // Each coldkey signs its own transactions: they go to the chain together, not one by one.
  await Promise.all(
    plan.neurons.map(async (n) => {
      const netuid = subnetOf(plan, n).netuid as number;
      const hot = keypairFromUri(n.hotkeyUri).ss58Address;
      if ((await st.uidOf(netuid, hot)) === null)
        must(await st.register(keypairSigner(keypairFromUri(n.coldkeyUri)), netuid, hot), `register ${n.name}`);
    }),
  );
  say(`registered ${plan.neurons.length} neurons`);
  // Children named before a subnet starts apply at once; after, they wait for the cooldown.
  await linkChildHotkeys(st, plan, created, say);
  await Promise.all(
    created.map(async (sub) =>
      must(await st.startCall(keypairSigner(keypairFromUri(sub.ownerUri)), sub.netuid as number), `start ${sub.name}`),
    ),
  );
  await stakeAll(st, plan);
  say('validators staked');
  await nameAccounts(st, plan);
  plan.setupDone = true;
}

/** Funds every coldkey from //Alice in one batch (owners also pay their subnet's lock). */
async function fundAccounts(
  st: SetupClient,
  alice: Signer,
  plan: NetworkPlan,
  owners: ReadonlySet<string>,
  say: Say,
): Promise<void> {
  const coldkeys = [...new Set([...owners, ...plan.neurons.map((n) => n.coldkeyUri)])];
  say(`funding ${coldkeys.length} accounts`);
  const calls: { method: string; args: Record<string, unknown> }[] = [];
  for (const uri of coldkeys) {
    const addr = keypairFromUri(uri).ss58Address;
    const want = ((owners.has(uri) ? plan.subnetLockTao : 0n) + 1_000n) * RAO;
    const have = (await st.balance(addr)).rao;
    if (have < want)
      calls.push({ method: 'transfer', args: { dest: toAccountHex(addr), amount: want - have + 1_000n * RAO } });
  }
  if (calls.length > 0) must(await st.submit(alice, { method: 'batch_all', args: { calls } }), 'fund the accounts');
}

interface StakeOrder {
  readonly what: string;
  readonly coldkeyUri: string;
  readonly hotkeyUri: string;
  readonly netuid: number;
  readonly amount: Tao;
}

/**
 * Validators stake on their own hotkeys; a parent stakes on its child's subnet (what the child
 * validates with); copiers stake a little so their hotkeys hold a validator permit, which is how a
 * copier gets to query the miner it copies (miners' axons serve permit holders only). One coldkey's
 * stakes go in order, different coldkeys' together.
 */
async function stakeAll(st: SetupClient, plan: NetworkPlan): Promise<void> {
  const orders: StakeOrder[] = [
    ...plan.neurons
      .filter((n) => n.role === 'validator' && n.childOf === undefined)
      .map((n) => ({
        what: n.name,
        ...n,
        netuid: subnetOf(plan, n).netuid as number,
        amount: new Tao(plan.validatorStakeTao * RAO),
      })),
    ...childLinks(plan).map(({ parent, subnet }) => ({
      what: `${parent.name} on ${subnet.name}`,
      ...parent,
      netuid: subnet.netuid as number,
      amount: new Tao((subnet.childHotkey?.stakeTao ?? plan.validatorStakeTao) * RAO),
    })),
    ...plan.neurons
      .filter((n) => n.copyOf !== undefined)
      .map((n) => ({ what: n.name, ...n, netuid: subnetOf(plan, n).netuid as number, amount: Tao.of('1') })),
  ];
  const byColdkey = new Map<string, StakeOrder[]>();
  for (const o of orders) byColdkey.set(o.coldkeyUri, [...(byColdkey.get(o.coldkeyUri) ?? []), o]);
  await Promise.all(
    [...byColdkey.values()].map(async (list) => {
      for (const o of list) {
        const r = await st.addStake(keypairSigner(keypairFromUri(o.coldkeyUri)), {
          hotkey: keypairFromUri(o.hotkeyUri).ss58Address,
          netuid: o.netuid,
          amount: o.amount,
          tolerance: 9,
        });
        must(r.result, `stake ${o.what}`);
      }
    }),
  );
}

/**
 * For each child hotkey on a subnet created by this setup (not started yet, so the list applies at
 * once): the child's owner sets its take and the parent's owner names the child. From then on the
 * child validates with the stake the parent holds on that subnet and pays the parent its share of
 * the dividends after the take.
 */
async function linkChildHotkeys(
  st: SetupClient,
  plan: NetworkPlan,
  created: readonly SubnetPlan[],
  say: Say,
): Promise<void> {
  for (const { child, parent, subnet } of childLinks(plan).filter((l) => created.includes(l.subnet))) {
    const netuid = subnet.netuid as number;
    const childHot = toAccountHex(keypairFromUri(child.hotkeyUri).ss58Address);
    const [take, named] = await Promise.all([
      st.submit(keypairSigner(keypairFromUri(child.coldkeyUri)), {
        method: 'set_childkey_take',
        args: { hotkey: childHot, netuid, take: subnet.childHotkey?.take ?? 0 },
      }),
      st.submit(keypairSigner(keypairFromUri(parent.coldkeyUri)), {
        method: 'set_children',
        args: {
          hotkey: toAccountHex(keypairFromUri(parent.hotkeyUri).ss58Address),
          netuid,
          children: [{ proportion: U64_MAX, child: childHot }],
        },
      }),
    ]);
    must(take, `take of ${child.name}`);
    must(named, `children of ${parent.name}`);
    say(`${parent.name} lends its stake on ${subnet.name} to its child hotkey ${child.name}`);
  }
}

const U64_MAX = (1n << 64n) - 1n;

/** On-chain identities, so the explorer and `taonet` show names for validators and owners. */
async function nameAccounts(st: SetupClient, plan: NetworkPlan): Promise<void> {
  const named = [
    ...plan.subnets.map((s) => ({ uri: s.ownerUri, name: `${s.name} owner` })),
    ...plan.neurons.filter((n) => n.role === 'validator').map((n) => ({ uri: n.coldkeyUri, name: n.name })),
  ];
  const results = await Promise.all(
    named.map(async ({ uri, name }) => ({
      name,
      r: await st.submit(keypairSigner(keypairFromUri(uri)), {
        method: 'set_identity',
        args: { ...EMPTY_IDENTITY, name, description: 'a localnet demo account' },
      }),
    })),
  );
  for (const { name, r } of results) must(r, `identity of ${name}`);
}

const EMPTY_IDENTITY = { name: '', url: '', githubRepo: '', image: '', discord: '', description: '', additional: '' };

async function createSubnets(st: SetupClient, plan: NetworkPlan, say: Say): Promise<void> {
  const alice = keypairSigner(keypairFromUri('//Alice'));
  for (const sub of plan.subnets) {
    if (sub.netuid !== null) continue;
    const owner = keypairSigner(keypairFromUri(sub.ownerUri));
    const r = must(
      await st.registerNetwork(owner, keypairFromUri(`${sub.ownerUri}//hot`).ss58Address, { name: sub.name }),
      `create ${sub.name}`,
    );
    sub.netuid = r.events.find((e) => e.name === 'NetworkAdded')?.data.netuid as number;
    await applySettings(st, alice, sub);
    say(`subnet ${sub.name} is netuid ${sub.netuid}${describeSettings(sub)}`);
  }
}

/**
 * On the localnet's short tempos the owners' freeze window (10 blocks before each epoch) would
 * cover every block, so no owner could tune a subnet; the admin turns it off, as subtensor's own
 * local-network scripts do. The chain's default (10) stays for every other chain.
 */
async function openOwnerSettings(st: SetupClient, admin: Signer, say: Say): Promise<void> {
  must(
    await st.submit(admin, { method: 'sudo_set_admin_freeze_window', args: { window: 0 } }),
    'open the owners’ freeze window',
  );
  say('subnet owners may set hyperparameters at any block (admin freeze window 0)');
}

/** A demo subnet's settings, applied by the admin in one batch (no owner rate limits or freeze window). */
async function applySettings(st: SetupClient, admin: Signer, sub: SubnetPlan): Promise<void> {
  const netuid = sub.netuid as number;
  const calls: { method: string; args: Record<string, unknown> }[] = Object.entries({
    ...LOCALNET_HYPERPARAMETERS,
    ...sub.hyperparameters,
  }).map(([name, value]) => ({ method: 'set_hyperparameter', args: { netuid, name, value } }));
  if (sub.mechanisms !== undefined)
    calls.push(
      { method: 'sudo_set_mechanism_count', args: { netuid, mechanismCount: sub.mechanisms.count } },
      { method: 'sudo_set_mechanism_emission_split', args: { netuid, maybeSplit: [...sub.mechanisms.split] } },
    );
  must(await st.submit(admin, { method: 'batch_all', args: { calls } }), `${sub.name}: settings`);
}

/** ", 2 mechanisms (60% / 40%)" and the like: what a demo subnet runs beyond the defaults. */
export function describeSettings(sub: SubnetPlan): string {
  const parts: string[] = [];
  if (sub.mechanisms !== undefined)
    parts.push(
      `${sub.mechanisms.count} mechanisms (${sub.mechanisms.split.map((p) => `${Math.round((p / 65535) * 100)}%`).join(' / ')})`,
    );
  if (sub.childHotkey !== undefined) parts.push(`a child hotkey of ${sub.childHotkey.parent}`);
  for (const [k, v] of Object.entries(sub.hyperparameters ?? {}))
    if (k !== 'maxAllowedUids') parts.push(`${k} ${String(v)}`);
  return parts.length === 0 ? '' : `: ${parts.join(', ')}`;
}

/**
 * Runs `create` with the network's minimum subnet lock raised to `lock` (when the chain asks less),
 * then puts back what the chain asked before, so subnets users create later cost what they did.
 */
async function withMinLock(st: SetupClient, admin: Signer, lock: bigint, create: () => Promise<void>): Promise<void> {
  const before = (await st.registrationPrices()).network.rao;
  if (before >= lock) return create();
  const set = async (value: bigint): Promise<void> => {
    must(
      await st.submit(admin, { method: 'sudo_set_network_param', args: { name: 'networkMinLockCost', value } }),
      'set the subnet lock',
    );
  };
  await set(lock);
  try {
    await create();
  } finally {
    await set(before);
  }
}
