/**
 * The strings dendrites and axons sign: dot-joined fields, UTF-8 encoded. Nonces are nanosecond
 * integers near 1.7·10¹⁸, beyond 2⁵³, so they are bigints written as exact decimals.
 */

/** The fields of the dendrite's request signature. */
export interface DendriteMessageFields {
  /** The dendrite's nonce (ns). */
  readonly nonce: bigint;
  /** The dendrite's SS58 hotkey. */
  readonly dendriteHotkey: string;
  /** The target axon's SS58 hotkey (so a request signed for one axon fails at another). */
  readonly axonHotkey: string;
  /** The dendrite's uuid. */
  readonly uuid: string;
  /** SHA3-256 body hash, hex without `0x`. */
  readonly bodyHash: string;
}

/** The fields of the axon's response signature (no body hash). */
export type AxonMessageFields = Omit<DendriteMessageFields, 'bodyHash'>;

/** `"{nonce}.{dendrite_hotkey}.{axon_hotkey}.{uuid}.{body_hash}"`, what a dendrite signs. */
export function dendriteMessage(f: DendriteMessageFields): string {
  return `${f.nonce}.${f.dendriteHotkey}.${f.axonHotkey}.${f.uuid}.${f.bodyHash}`;
}

/** `"{axon_nonce}.{dendrite_hotkey}.{axon_hotkey}.{axon_uuid}"`, what an axon signs. */
export function axonMessage(f: AxonMessageFields): string {
  return `${f.nonce}.${f.dendriteHotkey}.${f.axonHotkey}.${f.uuid}`;
}
