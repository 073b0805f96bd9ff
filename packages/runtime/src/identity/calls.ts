/** Identity calls: set_identity for coldkeys (subnet identities live with the subnets). */
import { type Args, str } from '../system/args.js';
import { defineCall } from '../system/call.js';
import { setIdentity } from './set-identity.js';
import { type ChainIdentity, IDENTITY_FIELDS } from './storage.js';

/** Fields are read up to 64 KiB here, so an over-long one gets InvalidIdentity with its limit. */
function identityArgs(a: Args): ChainIdentity {
  const out: Record<string, string> = {};
  for (const f of IDENTITY_FIELDS) out[f] = a[f] === undefined ? '' : str(a, f, 65_536);
  return out as unknown as ChainIdentity;
}

export const identityCalls = [
  defineCall({
    name: 'set_identity',
    signer: 'coldkey',
    pays: true,
    description: 'Set the coldkey’s on-chain identity: name, url, githubRepo, image, discord, description, additional.',
    parse: identityArgs,
    run: (ctx, who, a) => setIdentity(ctx, who, a),
  }),
];
