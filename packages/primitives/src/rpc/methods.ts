/**
 * Which reply each read method returns: the one table clients type their calls by, so no caller
 * casts a node reply inline.
 */
import type { AccountInfoReply, NextAllowedReply } from './account-replies.js';
import type {
  BlockResultReply,
  DryRunReply,
  ExtrinsicStatusReply,
  HeaderReply,
  RuntimeVersionReply,
} from './block-replies.js';
import type { ChildKeysReply } from './child-keys-reply.js';
import type { MechanismsReply } from './mechanisms-reply.js';
import type { MetagraphReply } from './metagraph-reply.js';
import type {
  ChainIdentityReply,
  ColdkeySwapReply,
  CommitmentReply,
  IdentityEntryReply,
  ProxyDefinitionReply,
} from './operator-replies.js';
import type { DynamicInfoReply, HyperparameterReply, RegistrationPricesReply } from './subnet-replies.js';
import type { SwapQuoteReply } from './swap-quote-reply.js';
import type { BeaconStatusReply, TimelockedCommitsReply } from './timelocked-replies.js';

export interface RpcReplies {
  chain_getGenesisHash: string;
  chain_getBlockHash: string | null;
  taonet_getHeader: HeaderReply;
  taonet_extrinsicStatus: ExtrinsicStatusReply;
  state_getRuntimeVersion: RuntimeVersionReply;
  system_chain: string;
  /** The next nonce of an account, counting its transactions in the pool. */
  system_accountNextIndex: string;
  taonet_accountInfo: AccountInfoReply;
  taonet_allDynamicInfo: DynamicInfoReply[];
  taonet_dynamicInfo: DynamicInfoReply | null;
  taonet_hyperparameters: HyperparameterReply[] | null;
  taonet_registrationPrices: RegistrationPricesReply;
  taonet_nextAllowed: NextAllowedReply;
  taonet_childKeys: ChildKeysReply;
  taonet_coldkeySwap: ColdkeySwapReply;
  taonet_identity: ChainIdentityReply | null;
  taonet_identities: readonly IdentityEntryReply[];
  taonet_commitment: CommitmentReply | null;
  taonet_commitments: readonly CommitmentReply[];
  taonet_proxies: readonly ProxyDefinitionReply[];
  taonet_metagraph: MetagraphReply | null;
  taonet_mechagraph: MetagraphReply | null;
  taonet_mechanisms: MechanismsReply | null;
  taonet_beacon: BeaconStatusReply | null;
  taonet_timelockedCommits: TimelockedCommitsReply | null;
  taonet_simSwap: SwapQuoteReply;
  taonet_dryRun: DryRunReply;
  taonet_getEvents: BlockResultReply | null;
}

export type RpcMethod = keyof RpcReplies;
