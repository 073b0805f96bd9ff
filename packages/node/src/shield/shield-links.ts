/**
 * Which inner extrinsic each carrier carried, for blocks this node authored. Only the author knows:
 * a block holds the carrier and then its inner, but a carrier whose blob did not open is followed
 * by whatever came next, and nobody without the key can tell the two apart. So the link is recorded
 * when the author places the inner (never guessed from positions), kept in memory for the most
 * recent carriers, and shown by the RPC and the explorer only after the block is imported.
 */

/** Links kept (the oldest are forgotten first). */
export const MAX_SHIELD_LINKS = 50_000;

export interface ShieldLink {
  readonly carrier: string;
  readonly inner: string;
}

export class ShieldLinks {
  readonly #byCarrier = new Map<string, string>();
  readonly #byInner = new Map<string, string>();

  /** Records the links of a block this node built, once it is imported. */
  record(links: readonly ShieldLink[]): void {
    for (const l of links) {
      this.#byCarrier.set(l.carrier, l.inner);
      this.#byInner.set(l.inner, l.carrier);
    }
    while (this.#byCarrier.size > MAX_SHIELD_LINKS) {
      const [carrier, inner] = this.#byCarrier.entries().next().value as [string, string];
      this.#byCarrier.delete(carrier);
      this.#byInner.delete(inner);
    }
  }

  /** The inner extrinsic `carrier` carried, if this node placed it. */
  innerOf(carrier: string): string | undefined {
    return this.#byCarrier.get(carrier);
  }

  /** The carrier that carried `inner`, if this node placed it. */
  carrierOf(inner: string): string | undefined {
    return this.#byInner.get(inner);
  }
}
