/**
 * The node as one object: chain, transaction pool, block producer and RPC server, wired together.
 * Everything with I/O or time is created here and passed in, so tests can run a node in-process
 * with a fake clock, and `taonet node` runs the same thing as a process.
 */
import {
  type AccountId,
  accountFromBytes,
  DEV_BEACON_PUBLIC_KEY,
  devBeaconPulse,
  isValidPulse,
} from '@taonet/primitives';
import { storage } from '@taonet/runtime';
import { DevBeaconSource } from './drand/dev-beacon-source.js';
import type { PulseSource } from './drand/pulse-source.js';
import { DrandRelaySource } from './drand/relay-source.js';
import { Chain } from './chain/chain.js';
import type { ChainSpec } from './chain-spec.js';
import { AuthorityRound } from './consensus/authority-round.js';
import { initCrypto, type NodeKeypair } from './crypto.js';
import { BlockProducer } from './producer.js';
import { acceptanceWindow } from './shield/acceptance-window.js';
import { AuthorKeyring } from './shield/author-keyring.js';
import { fastShieldDecrypter } from './shield/fast-shield-decrypter.js';
import { initShieldKem } from './shield/ml-kem-wasm.js';
import { RpcServer, type RpcServerOptions } from './rpc/server.js';
import type { StatePruning } from './storage/state-history.js';
import { TxPool } from './txpool/tx-pool.js';

export const NODE_VERSION = '0.1.0';

export interface NodeOptions {
  readonly spec: ChainSpec;
  /** Directory for persistent state; null keeps state in a temporary store deleted on close. */
  readonly basePath: string | null;
  /** The key this node authors blocks with; null for a node that only follows. */
  readonly authorityKey: NodeKeypair | null;
  /** Seal blocks only on dev_advanceBlocks instead of on a timer. */
  readonly manualSeal: boolean;
  readonly rpc: Partial<RpcServerOptions>;
  readonly now?: () => number;
  readonly maxTxPerBlock?: number;
  /** How many past blocks' state stays readable (default 256), or 'archive' for all. */
  readonly statePruning?: StatePruning;
  /** Author MEV-shield keys and open carriers (default true). */
  readonly mevShield?: boolean;
  /** The shield's acceptance window in blocks (default from the block time; `acceptanceWindow`). */
  readonly shieldWindow?: number;
  /**
   * A drand HTTP API to relay the chain's beacon from (e.g. https://api.drand.sh for quicknet);
   * unset, a chain whose beacon is the dev beacon computes its pulses, any other writes none.
   */
  readonly drandRelay?: string | null;
}

/** The author's pulse source for this chain's beacon (null: the chain has none, or none is reachable). */
export function beaconSourceFor(chain: Chain, relay: string | null | undefined): PulseSource | null {
  const config = chain.state.value(storage.BeaconConfig);
  if (config === null) return null;
  if (relay != null && relay !== '') {
    return new DrandRelaySource({
      url: relay,
      chainHash: config.chainHash,
      publicKey: config.publicKey,
      onError: (round, reason) => process.stderr.write(`drand relay: round ${round}: ${reason}\n`),
    });
  }
  const dev =
    config.publicKey.length === DEV_BEACON_PUBLIC_KEY.length &&
    config.publicKey.every((b, i) => b === DEV_BEACON_PUBLIC_KEY[i]);
  return dev ? new DevBeaconSource() : null;
}

export interface RunningNode {
  readonly chain: Chain;
  readonly pool: TxPool;
  readonly producer: BlockProducer | null;
  readonly rpc: RpcServer;
  readonly rpcUrl: string;
  readonly author: AccountId | null;
  close(): Promise<void>;
}

export async function createNode(o: NodeOptions): Promise<RunningNode> {
  await initCrypto();
  if (o.mevShield !== false) await initShieldKem();
  // Checked before the chain opens: a bad window is a typed start failure that leaves nothing open.
  const shieldWindow = acceptanceWindow(o.spec.blockTimeMs, o.shieldWindow);
  const consensus = new AuthorityRound(o.spec.authorities, o.spec.blockTimeMs);
  const chain = await Chain.open(
    o.spec,
    o.basePath,
    consensus,
    o.statePruning === undefined ? {} : { statePruning: o.statePruning },
  );
  // The first pairing check builds noble's tables (hundreds of ms): pay it before serving, not in
  // the first block, so a fresh node seals its first block as fast as any other.
  if (chain.state.value(storage.BeaconConfig) !== null) isValidPulse(DEV_BEACON_PUBLIC_KEY, devBeaconPulse(1n));
  const pool = new TxPool(chain);
  const now = o.now ?? (() => Date.now());
  const author = o.authorityKey === null ? null : accountFromBytes(o.authorityKey.publicKey);
  const producer =
    o.authorityKey === null || author === null
      ? null
      : new BlockProducer(chain, pool, {
          key: o.authorityKey,
          author,
          now,
          maxTxPerBlock: o.maxTxPerBlock ?? 10_000,
          shield:
            o.mevShield === false ? null : new AuthorKeyring({ window: shieldWindow, decrypter: fastShieldDecrypter }),
          beacon: beaconSourceFor(chain, o.drandRelay),
        });
  const rpc = new RpcServer(
    { chain, pool, manualSeal: o.manualSeal ? producer : null, version: NODE_VERSION, name: 'taonet-node' },
    o.rpc,
  );
  const addr = await rpc.listen();
  if (producer !== null && !o.manualSeal) producer.start();
  let closed = false;
  return {
    chain,
    pool,
    producer,
    rpc,
    author,
    rpcUrl: `http://${addr.host}:${addr.port}`,
    async close() {
      if (closed) return;
      closed = true;
      producer?.stop();
      await rpc.close();
      await chain.close();
    },
  };
}
