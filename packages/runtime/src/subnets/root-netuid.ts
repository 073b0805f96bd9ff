/** The root subnet: netuid 0, a stable (1:1) pool of TAO staked on root validators. */
export const ROOT_NETUID = 0;
