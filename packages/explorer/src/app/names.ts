/**
 * Names for accounts from on-chain identities: a coldkey's own identity, and for a hotkey the
 * identity of the coldkey that owns it (learned from the subnets' metagraphs). Read again every
 * few blocks; `accountLink` asks it for every address it draws.
 */
import type { IdentityEntryReply, MetagraphReply } from '@taonet/primitives';
import { toSs58 } from '@taonet/sdk/client';
import type { NodeConnection } from './node.js';
import type { RawNetworkInfo } from './page.js';

/** Blocks between two reads of identities and hotkey owners. */
const REFRESH_BLOCKS = 10;

const ss58 = (a: string): string => {
  try {
    return a.startsWith('0x') ? toSs58(a) : a;
  } catch {
    return a;
  }
};

export class Names {
  private readonly byColdkey = new Map<string, string>();
  private readonly ownerOf = new Map<string, string>();
  private readAt = Number.NEGATIVE_INFINITY;

  /** Identities and hotkey owners, read at most every REFRESH_BLOCKS blocks. */
  async refresh(node: NodeConnection): Promise<void> {
    const head = node.head?.number ?? 0;
    if (head - this.readAt < REFRESH_BLOCKS && head >= this.readAt) return;
    this.readAt = head;
    const [ids, info] = await Promise.all([
      node.call<IdentityEntryReply[]>('taonet_identities'),
      node.call<RawNetworkInfo>('taonet_networkInfo'),
    ]);
    this.byColdkey.clear();
    for (const e of ids) if (e.identity.name !== '') this.byColdkey.set(ss58(e.coldkey), e.identity.name);
    const graphs = await Promise.all(
      info.subnets.map((n) => node.call<MetagraphReply | null>('taonet_metagraph', [n, ['hotkeys', 'coldkeys']])),
    );
    for (const mg of graphs) if (mg !== null) this.learnOwners(mg);
  }

  /** Records who owns each hotkey of a metagraph (with its `hotkeys` and `coldkeys` columns). */
  learnOwners(mg: Pick<MetagraphReply, 'hotkeys' | 'coldkeys'>): void {
    mg.hotkeys?.forEach((h, uid) => {
      const c = mg.coldkeys?.[uid];
      if (c !== null && c !== undefined) this.ownerOf.set(ss58(h), ss58(c));
    });
  }

  /** The identity name shown for an account (SS58 or 0x), or null when it has none. */
  nameOf(account: string): string | null {
    const a = ss58(account);
    const own = this.byColdkey.get(a);
    if (own !== undefined) return own;
    const owner = this.ownerOf.get(a);
    return owner === undefined ? null : (this.byColdkey.get(owner) ?? null);
  }

  /** Whether the name comes from the account's own identity (a coldkey) rather than its owner's. */
  isOwnIdentity(account: string): boolean {
    return this.byColdkey.has(ss58(account));
  }
}

/** The page's one store of names. */
export const names = new Names();
