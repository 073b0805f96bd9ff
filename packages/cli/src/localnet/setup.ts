/**
 * Builds the local network on a fresh chain through ordinary transactions: funds every key from
 * //Alice, creates and starts the subnets (commit-reveal off, fast tempo) with the reference
 * chain's minimum lock as their pools' TAO, registers every neuron, and stakes the validators.
 * Each step is idempotent enough to resume after an interruption.
 */
import { keypairFromUri, keypairSigner, type Signer, Tao, type TxResult } from '@taonet/sdk';
import type { NetworkPlan } from './plan.js';

export type Say = (line: string) => void;

/**
 * The part of the chain client the setup uses. `Subtensor` is one; a test can run the same setup
 * against an in-process runtime with another.
 */
export interface SetupClient {
  balance(address: string): Promise<Tao>;
  transfer(signer: Signer, dest: string, amount: Tao): Promise<TxResult>;
  registerNetwork(signer: Signer, hotkey: string, identity?: Record<string, string>): Promise<TxResult>;
  startCall(signer: Signer, netuid: number): Promise<TxResult>;
  setHyperparameter(signer: Signer, netuid: number, name: string, value: boolean | bigint): Promise<TxResult>;
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
  const owners = new Set(plan.subnets.filter((s) => s.netuid === null).map((s) => s.ownerUri));
  const coldkeys = [...new Set([...owners, ...plan.neurons.map((n) => n.coldkeyUri)])];
  say(`funding ${coldkeys.length} accounts`);
  for (const uri of coldkeys) {
    const addr = keypairFromUri(uri).ss58Address;
    // Owners also pay their subnet's lock.
    const want = ((owners.has(uri) ? plan.subnetLockTao : 0n) + 1_000n) * RAO;
    const have = (await st.balance(addr)).rao;
    if (have < want) must(await st.transfer(alice, addr, new Tao(want - have + 1_000n * RAO)), `fund ${uri}`);
  }
  if (owners.size > 0) await withMinLock(st, alice, plan.subnetLockTao * RAO, () => createSubnets(st, plan, say));
  for (const n of plan.neurons) {
    const netuid = plan.subnets.find((s) => s.kind === n.subnet)?.netuid as number;
    const hot = keypairFromUri(n.hotkeyUri).ss58Address;
    if ((await st.uidOf(netuid, hot)) === null) {
      must(await st.register(keypairSigner(keypairFromUri(n.coldkeyUri)), netuid, hot), `register ${n.name}`);
    }
  }
  say(`registered ${plan.neurons.length} neurons`);
  for (const n of plan.neurons.filter((x) => x.role === 'validator')) {
    const netuid = plan.subnets.find((s) => s.kind === n.subnet)?.netuid as number;
    const cold = keypairSigner(keypairFromUri(n.coldkeyUri));
    const r = await st.addStake(cold, {
      hotkey: keypairFromUri(n.hotkeyUri).ss58Address,
      netuid,
      amount: new Tao(plan.validatorStakeTao * RAO),
      tolerance: 9,
    });
    must(r.result, `stake ${n.name}`);
  }
  // Copiers stake a little so their hotkeys hold a validator permit: that is how a copier gets to
  // query the miner it copies (miners' axons serve permit holders only).
  for (const n of plan.neurons.filter((x) => x.copyOf !== undefined)) {
    const netuid = plan.subnets.find((s) => s.kind === n.subnet)?.netuid as number;
    const r = await st.addStake(keypairSigner(keypairFromUri(n.coldkeyUri)), {
      hotkey: keypairFromUri(n.hotkeyUri).ss58Address,
      netuid,
      amount: Tao.of('1'),
      tolerance: 9,
    });
    must(r.result, `stake ${n.name}`);
  }
  say('validators staked');
  plan.setupDone = true;
}

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
    must(await st.startCall(owner, sub.netuid), `start ${sub.name}`);
    // A local network wants quick feedback: weights set directly, and weights allowed every block.
    must(await st.setHyperparameter(alice, sub.netuid, 'commitRevealEnabled', false), 'commit-reveal off');
    must(await st.setHyperparameter(alice, sub.netuid, 'weightsSetRateLimit', 0n), 'weights rate limit off');
    say(`subnet ${sub.name} is netuid ${sub.netuid}`);
  }
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
