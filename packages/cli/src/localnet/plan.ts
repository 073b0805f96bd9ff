/**
 * What the local network consists of: the demo subnets (`DEMO_SUBNETS`, one entry per subnet with
 * its settings), each with an owner, validators with stake, honest miners and cheating miners (a
 * copier, a sybil with several hotkeys, a random one), every neuron with its own dev key and port.
 * A plan is data, saved with the network, so a second start resumes the same neurons.
 */
export type NeuronRole = 'validator' | 'miner' | 'copier' | 'sybil' | 'random';

export interface NeuronPlan {
  readonly name: string;
  /** The demo subnet's name (`SubnetPlan.name`). */
  readonly subnet: string;
  readonly role: NeuronRole;
  readonly hotkeyUri: string;
  readonly coldkeyUri: string;
  readonly axonPort: number | null;
  /** For a sybil or copier: the honest miner whose answers it copies. */
  readonly copyOf?: string;
  /**
   * For a child hotkey: the neuron (of another subnet) whose hotkey is its parent here. It stakes
   * nothing itself; it validates with the stake its parent lends it.
   */
  readonly childOf?: string;
}

/** Which reference subnet's code a demo subnet runs (`subnets/<kind>/bin/neuron.js`). */
export type SubnetKind = 'forecasting' | 'reasoning';

/**
 * One demo subnet and its settings. Adding a subnet to the localnet is one entry in
 * `DEMO_SUBNETS`: the setup applies the settings through ordinary (admin) transactions.
 */
export interface DemoSubnet {
  readonly kind: SubnetKind;
  /** Its on-chain name, and the prefix of its neurons' names and keys. */
  readonly name: string;
  /**
   * Hyperparameters the admin sets after creation, over the localnet's defaults
   * (`LOCALNET_HYPERPARAMETERS`: weights set directly, no rate limit).
   */
  readonly hyperparameters?: Readonly<Record<string, boolean | bigint | number>>;
  /** Mechanisms (sub-subnets) and the emission split between them (u16 parts summing to 65535). */
  readonly mechanisms?: { readonly count: number; readonly split: readonly number[] };
  /**
   * A validator of another demo subnet that also validates here through a child hotkey: the parent
   * stakes `stakeTao` on this subnet and names the child, which keeps `take` (parts of 65535).
   */
  readonly childHotkey?: { readonly parent: string; readonly stakeTao: bigint; readonly take: number };
}

/** Quick feedback on a local network: weights set directly, and allowed every block. */
export const LOCALNET_HYPERPARAMETERS: Readonly<Record<string, boolean | bigint | number>> = {
  commitRevealEnabled: false,
  weightsSetRateLimit: 0n,
};

export const DEMO_SUBNETS: readonly DemoSubnet[] = [
  // Two mechanisms, 60% / 40% of the subnet's emission; a subnet's uids times its mechanisms stay
  // within 256, so it keeps at most 128 neurons.
  {
    kind: 'forecasting',
    name: 'forecasting',
    hyperparameters: { maxAllowedUids: 128 },
    mechanisms: { count: 2, split: [39321, 26214] },
  },
  // forecasting-validator-1 validates here too, through a child hotkey that keeps 9% of what the
  // parent earns through it.
  {
    kind: 'reasoning',
    name: 'reasoning',
    childHotkey: { parent: 'forecasting-validator-1', stakeTao: 5n, take: 5898 },
  },
  // Timelocked commit-reveal: validators' weights go on chain encrypted to a beacon round and the
  // chain reveals them one epoch later (the shortest period: one tempo more before miners are
  // paid). A tempo of 13 blocks (3.25 s at 250 ms) outlasts the beacon's 3 s round, so every reveal
  // epoch sees the round a commit names; at 10 blocks a commit made late in an epoch could name a
  // round that arrives after its reveal epoch ended (PulseNeverArrived).
  {
    kind: 'forecasting',
    name: 'timelocked',
    hyperparameters: { tempo: 13, commitRevealEnabled: true, revealPeriodEpochs: 1 },
  },
];

export interface SubnetPlan extends DemoSubnet {
  readonly ownerUri: string;
  netuid: number | null;
}

export interface NetworkPlan {
  readonly subnets: SubnetPlan[];
  readonly neurons: NeuronPlan[];
  /** TAO staked by each validator on its own hotkey. */
  readonly validatorStakeTao: bigint;
  /**
   * TAO each subnet's pool starts with: the lock its owner pays, set to the reference chain's
   * minimum lock (1,000 TAO) while the localnet creates its subnets. A dev chain's 10 TAO lock
   * makes pools so shallow that a 10 TAO stake moves the price by 20% or more.
   */
  readonly subnetLockTao: bigint;
  genesisHash: string | null;
  setupDone: boolean;
}

export interface PlanOptions {
  readonly validators: number;
  readonly miners: number;
  readonly cheaters: boolean;
  readonly basePort: number;
  /** The demo subnets; `DEMO_SUBNETS` unless a test asks for others. */
  readonly subnets?: readonly DemoSubnet[];
}

const uri = (name: string): string => `//taonet-local//${name}`;

export function makePlan(o: PlanOptions): NetworkPlan {
  const demo = o.subnets ?? DEMO_SUBNETS;
  const neurons: NeuronPlan[] = [];
  let port = o.basePort;
  for (const sub of demo) {
    const add = (role: NeuronRole, i: number | string, extra: Partial<NeuronPlan> = {}): void => {
      const name = `${sub.name}-${role}-${i}`;
      neurons.push({
        name,
        subnet: sub.name,
        role,
        hotkeyUri: uri(name),
        coldkeyUri: `${uri(name)}//cold`,
        axonPort: role === 'validator' ? null : port++,
        ...extra,
      });
    };
    for (let i = 1; i <= o.validators; i++) add('validator', i);
    if (sub.childHotkey !== undefined) add('validator', 'child', { childOf: sub.childHotkey.parent });
    for (let i = 1; i <= o.miners; i++) add('miner', i);
    if (o.cheaters && o.miners > 0) {
      // The sybil's two hotkeys both answer as miner 1; the copier copies the last honest miner.
      add('copier', 1, { copyOf: uri(`${sub.name}-miner-${o.miners}`) });
      add('sybil', 1, { copyOf: uri(`${sub.name}-miner-1`) });
      add('sybil', 2, { copyOf: uri(`${sub.name}-miner-1`) });
      add('random', 1);
    }
  }
  // A child needs its parent: with no validators on the parent's subnet, the child is left out.
  const named = new Set(neurons.map((n) => n.name));
  const kept = neurons.filter((n) => n.childOf === undefined || named.has(n.childOf));
  return {
    subnets: demo.map((s) => ({ ...s, ownerUri: `//taonet-local//${s.name}-owner`, netuid: null })),
    neurons: kept,
    validatorStakeTao: 5n,
    subnetLockTao: 1000n,
    genesisHash: null,
    setupDone: false,
  };
}

/** The plan's subnet a neuron belongs to. */
export function subnetOf(plan: NetworkPlan, n: NeuronPlan): SubnetPlan {
  const s = plan.subnets.find((x) => x.name === n.subnet);
  if (s === undefined) throw new Error(`neuron ${n.name}: no subnet ${n.subnet} in the plan`);
  return s;
}

/** The child hotkeys of the plan: each with its parent neuron and its subnet. */
export function childLinks(plan: NetworkPlan): { child: NeuronPlan; parent: NeuronPlan; subnet: SubnetPlan }[] {
  return plan.neurons.flatMap((child) => {
    const parent = plan.neurons.find((p) => p.name === child.childOf);
    return parent === undefined ? [] : [{ child, parent, subnet: subnetOf(plan, child) }];
  });
}
