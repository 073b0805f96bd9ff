/**
 * What the local network consists of: two reference subnets, each with an owner, validators with
 * stake, honest miners and cheating miners (a copier, a sybil with several hotkeys, a random one),
 * every neuron with its own dev key and port. A plan is data, saved with the network, so a second
 * start resumes the same neurons.
 */
export type NeuronRole = 'validator' | 'miner' | 'copier' | 'sybil' | 'random';

export interface NeuronPlan {
  readonly name: string;
  readonly subnet: SubnetKind;
  readonly role: NeuronRole;
  readonly hotkeyUri: string;
  readonly coldkeyUri: string;
  readonly axonPort: number | null;
  /** For a sybil or copier: the honest miner whose answers it copies. */
  readonly copyOf?: string;
}

export type SubnetKind = 'forecasting' | 'reasoning';

export interface SubnetPlan {
  readonly kind: SubnetKind;
  readonly name: string;
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
}

export function makePlan(o: PlanOptions): NetworkPlan {
  const kinds: SubnetKind[] = ['forecasting', 'reasoning'];
  const neurons: NeuronPlan[] = [];
  let port = o.basePort;
  for (const kind of kinds) {
    const uri = (name: string): string => `//taonet-local//${name}`;
    const add = (role: NeuronRole, i: number, copyOf?: string): void => {
      const name = `${kind}-${role}-${i}`;
      neurons.push({
        name,
        subnet: kind,
        role,
        hotkeyUri: uri(name),
        coldkeyUri: `${uri(name)}//cold`,
        axonPort: role === 'validator' ? null : port++,
        ...(copyOf === undefined ? {} : { copyOf }),
      });
    };
    for (let i = 1; i <= o.validators; i++) add('validator', i);
    for (let i = 1; i <= o.miners; i++) add('miner', i);
    if (o.cheaters && o.miners > 0) {
      // The sybil's two hotkeys both answer as miner 1; the copier copies the last honest miner.
      add('copier', 1, uri(`${kind}-miner-${o.miners}`));
      add('sybil', 1, uri(`${kind}-miner-1`));
      add('sybil', 2, uri(`${kind}-miner-1`));
      add('random', 1);
    }
  }
  return {
    subnets: kinds.map((kind) => ({ kind, name: kind, ownerUri: `//taonet-local//${kind}-owner`, netuid: null })),
    neurons,
    validatorStakeTao: 5n,
    subnetLockTao: 1000n,
    genesisHash: null,
    setupDone: false,
  };
}
