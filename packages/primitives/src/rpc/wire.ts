/**
 * How a runtime value looks once the node has sent it as JSON: bigints become decimal strings
 * (amounts exceed 2^53) and byte strings 0x hex. The runtime states its views in native types; the
 * reply types here are the same shapes on the wire, and `Wire<View>` must be assignable to them.
 */
export type Wire<T> = T extends bigint
  ? string
  : T extends string
    ? string
    : T extends Uint8Array
      ? string
      : T extends readonly unknown[]
        ? { readonly [K in keyof T]: Wire<T[K]> }
        : T extends object
          ? { readonly [K in keyof T]: Wire<T[K]> }
          : T;

/**
 * Compiles only when `Actual` can stand where `Expected` is promised; the runtime uses it to tie
 * each view to the reply type its clients read (`ConformsTo<Wire<DynamicInfo>, DynamicInfoReply>`).
 */
export type ConformsTo<Actual extends Expected, Expected> = Actual extends Expected ? true : never;
