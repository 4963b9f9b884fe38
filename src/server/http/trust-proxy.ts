import { BlockList, isIP } from 'node:net';

/*
 * Whom Regie believes in X-Forwarded-For, -Proto and -Host (REGIE_TRUST_PROXY, config.ts). The client address it gives
 * is what the login and password-reset throttling count, so believing every sender would let a client choose a new
 * address for every request (issue 11).
 */

/** Where a reverse proxy in front of Regie lives: loopback, private and link-local addresses (IPv4 and IPv6). */
const NEARBY = new BlockList();
for (const [network, prefix] of [['127.0.0.0', 8], ['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16], ['169.254.0.0', 16]] as const) {
  NEARBY.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [['::1', 128], ['fc00::', 7], ['fe80::', 10]] as const) NEARBY.addSubnet(network, prefix, 'ipv6');

/** Whether an address (IPv4, IPv6 or IPv4-mapped IPv6) is a loopback, private or link-local one. */
export function isNearby(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return NEARBY.check(mapped, 'ipv4');
  const version = isIP(address);
  return version !== 0 && NEARBY.check(address, version === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Fastify's `trustProxy` for a setting: addresses and CIDR ranges as they are; a hop count as a function that trusts
 * that many hops, the nearest one only when it comes from a loopback or private address. A client on the internet that
 * reaches Regie directly, past the proxy, then cannot choose its address. (Fastify itself trusts nobody for a bare
 * number, and its types take none.)
 */
export function trustProxyOption(setting: boolean | number | string[] | undefined): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting !== 'number') return setting ?? false;
  return (address, hop) => hop < setting && (hop > 0 || isNearby(address));
}
