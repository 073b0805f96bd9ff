/**
 * The views as clients receive them: each view, once the node has turned it into JSON, must fit
 * the reply type in @taonet/primitives that the SDK and explorer read. A view that drops or retypes
 * a field stops compiling here instead of breaking a client at run time.
 */
import type {
  AccountInfoReply,
  BlockResultReply,
  ChainIdentityReply,
  ChildKeysReply,
  ColdkeySwapReply,
  CommitmentReply,
  ConformsTo,
  DynamicInfoReply,
  ErrorReply,
  HyperparameterReply,
  MechanismsReply,
  IdentityEntryReply,
  ProxyDefinitionReply,
  MetagraphReply,
  NextAllowedReply,
  RegistrationPricesReply,
  BeaconReply,
  TimelockedCommitsReply,
  Wire,
} from '@taonet/primitives';
import type { BlockResult } from '../block/extrinsic.js';
import type { ChildKeyInfo } from '../children/child-views.js';
import type { RuntimeErrorInfo } from '../errors.js';
import type { AccountInfo, NextAllowed } from './account-views.js';
import type { MechanismInfo } from './mechanism-views.js';
import type { BeaconInfo, TimelockedCommits } from './timelocked-views.js';
import type { Metagraph } from './metagraph.js';
import type { ChainIdentity } from '../identity/storage.js';
import type { ProxyDefinition } from '../proxy/storage.js';
import type { ColdkeySwapStatus, CommitmentDetailView, CommitmentView, allIdentities } from './operator-views.js';
import type { DynamicInfo, HyperparameterView, RegistrationPrices } from './subnet-views.js';

export type ViewsConformToReplies = [
  ConformsTo<Wire<DynamicInfo>, DynamicInfoReply>,
  ConformsTo<Wire<HyperparameterView>, HyperparameterReply>,
  ConformsTo<Wire<RegistrationPrices>, RegistrationPricesReply>,
  ConformsTo<Wire<AccountInfo>, AccountInfoReply>,
  ConformsTo<Wire<NextAllowed>, NextAllowedReply>,
  ConformsTo<Wire<ChildKeyInfo>, ChildKeysReply>,
  ConformsTo<Wire<Metagraph>, MetagraphReply>,
  ConformsTo<Wire<MechanismInfo>, MechanismsReply>,
  ConformsTo<Wire<BeaconInfo>, BeaconReply>,
  ConformsTo<Wire<TimelockedCommits>, TimelockedCommitsReply>,
  ConformsTo<Wire<BlockResult>, BlockResultReply>,
  ConformsTo<Wire<RuntimeErrorInfo>, ErrorReply>,
  ConformsTo<Wire<ColdkeySwapStatus>, ColdkeySwapReply>,
  ConformsTo<Wire<CommitmentView>, CommitmentReply>,
  ConformsTo<Wire<CommitmentDetailView>, CommitmentReply>,
  ConformsTo<Wire<ProxyDefinition>, ProxyDefinitionReply>,
  ConformsTo<Wire<ChainIdentity>, ChainIdentityReply>,
  ConformsTo<Wire<ReturnType<typeof allIdentities>>, readonly IdentityEntryReply[]>,
];
