/**
 * drand's quicknet: the public beacon subtensor's timelocked commit-reveal encrypts to. Scheme
 * `bls-unchained-g1-rfc9380`: each round's signature is a BLS signature on G1 (48 bytes compressed)
 * over sha256 of the round number alone (unchained), under a group public key on G2 (96 bytes).
 * Values from drand's published chain info (`/52db9b…/info`).
 */
import { fromHex } from '../codec/hex.js';
import type { DrandChainInfo } from './chain-info.js';
import type { BeaconSchedule } from './round-time.js';

/** Domain separation tag of the hash to G1 (RFC 9380 SSWU, random oracle) quicknet signs with. */
export const QUICKNET_DST = 'BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_';

export const QUICKNET_SCHEME_ID = 'bls-unchained-g1-rfc9380';

export const QUICKNET_CHAIN_HASH = '52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971';

/** The group public key, a compressed G2 point. */
export const QUICKNET_PUBLIC_KEY: Uint8Array = fromHex(
  '0x83cf0f2896adee7eb8b5f01fcad3912212c437e0073e911fb90022d3e760183c8c4b450b6a0a6c3ac6a5776a2d1064510d1fec758c921cc22b0e17e63aaf4bcb5ed66304de9cf809bd274ca73bab4af5a6e9c76a4bc09e76eae8991ef5ece45a',
);

/** Round 1 was published at the genesis time (unix seconds); one round every 3 s since. */
export const QUICKNET_SCHEDULE: BeaconSchedule = { genesisTime: 1692803367n, period: 3n };

/** Quicknet's full chain info; `drandChainHash` of it is QUICKNET_CHAIN_HASH. */
export const QUICKNET_CHAIN_INFO: DrandChainInfo = {
  publicKey: QUICKNET_PUBLIC_KEY,
  period: QUICKNET_SCHEDULE.period,
  genesisTime: QUICKNET_SCHEDULE.genesisTime,
  groupHash: fromHex('0xf477d5c89f21a17c863a7f937c6a6d15859414d2be09cd448d4279af331c5d3e'),
  beaconId: 'quicknet',
};
