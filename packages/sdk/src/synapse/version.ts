/** `version_as_int`: the integer version a dendrite sends (`major·10⁶ + minor·10³ + patch`). */
import { InvalidInput } from '../errors.js';

/**
 * `"10.2.0"` → 10002000.
 * @throws InvalidInput unless the text is `major.minor.patch` with minor and patch below 1000.
 */
export function versionAsInt(version: string): number {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version.trim());
  if (m === null) throw new InvalidInput(`"${version}" is not a major.minor.patch version.`);
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (minor > 999 || patch > 999) throw new InvalidInput(`"${version}": minor and patch must be below 1000.`);
  return major * 1_000_000 + minor * 1_000 + patch;
}
