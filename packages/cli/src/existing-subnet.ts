/** The one refusal for a subnet that is not there, whichever command asks (`SubnetNotExists`). */
import { SdkError, type SubnetInfo, type Subtensor } from '@taonet/sdk';

export async function existingSubnet(st: Subtensor, netuid: number): Promise<SubnetInfo> {
  const x = await st.subnet(netuid);
  if (x === null)
    throw new SdkError('SubnetNotExists', `subnet ${netuid} does not exist`, 'list subnets with `taonet subnets list`');
  return x;
}
