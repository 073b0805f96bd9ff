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
    const add = (role: NeuronRole, i: number): void => {
      const name = `${kind}-${role}-${i}`;
      neurons.push({
        name,
        subnet: kind,
        role,
        hotkeyUri: `//taonet-local//${name}`,
        coldkeyUri: `//taonet-local//${name}//cold`,
        axonPort: role === 'validator' ? null : port++,
      });
    };
    for (let i = 1; i <= o.validators; i++) add('validator', i);
    for (let i = 1; i <= o.miners; i++) add('miner', i);
    if (o.cheaters) {
      add('copier', 1);
      add('sybil', 1);
      add('sybil', 2);
      add('random', 1);
    }
  }
  return {
    subnets: kinds.map((kind) => ({ kind, name: kind, ownerUri: `//taonet-local//${kind}-owner`, netuid: null })),
    neurons,
    validatorStakeTao: 5n,
    genesisHash: null,
    setupDone: false,
  };
}
