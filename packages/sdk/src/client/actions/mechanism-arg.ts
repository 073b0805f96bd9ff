import { InvalidInput } from '../../errors.js';

/**
 * The `mecid` call argument: left out for mechanism 0, so calls on single-mechanism subnets are
 * exactly what they were before mechanisms; refused locally unless it is a u8.
 */
export function mecidArg(mecid: number | undefined): { mecid?: number } {
  if (mecid === undefined || mecid === 0) return {};
  if (!Number.isInteger(mecid) || mecid < 0 || mecid > 255)
    throw new InvalidInput(`mecid ${mecid} is not a mechanism id (0..255).`);
  return { mecid };
}
