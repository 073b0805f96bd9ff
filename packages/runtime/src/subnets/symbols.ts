/**
 * Token symbols for subnets. Netuid n gets the n-th symbol of this list when it is free, otherwise
 * the first free one; the list is built from whole Unicode letter ranges so it is long enough for
 * the subnet limit and the same on every machine.
 */
const ranges: readonly (readonly [number, number])[] = [
  [0x03b1, 0x03c9], // Greek lowercase α..ω
  [0x0391, 0x03a9], // Greek uppercase
  [0x05d0, 0x05ea], // Hebrew
  [0x0410, 0x042f], // Cyrillic uppercase
  [0x0531, 0x0556], // Armenian
  [0x10d0, 0x10f0], // Georgian
  [0x0905, 0x0939], // Devanagari
  [0x0e01, 0x0e2e], // Thai
  [0x16a0, 0x16ea], // Runic
  [0x13a0, 0x13f4], // Cherokee
  [0x1401, 0x1450], // Canadian syllabics
];

const skip = new Set([0x03c2, 0x03a2]); // final sigma, unassigned

function build(): string[] {
  const out = ['τ'];
  for (const [a, b] of ranges) for (let c = a; c <= b; c++) if (!skip.has(c)) out.push(String.fromCodePoint(c));
  return out;
}

export const SUBNET_SYMBOLS: readonly string[] = build();
