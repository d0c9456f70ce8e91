/**
 * Where a webhook may be delivered: never to the server's own network (SSRF). A subscription's host, and every
 * address its name resolves to, must be a public unicast address; loopback, private (RFC 1918, unique local),
 * link-local (cloud metadata at 169.254.169.254), carrier NAT, multicast, reserved and IPv4-in-IPv6 forms are
 * refused. Checked when a subscription is made and again at each delivery, on the addresses the connection then uses
 * (a name that resolved to a public address at creation may not point inside later). GEZHI_WEBHOOK_ALLOW_PRIVATE=1
 * lifts it for local receivers (simulators, the tests).
 */
import dns from 'node:dns';
import net from 'node:net';

/** Resolves a host name to all its addresses (the system resolver by default; the tests hand in their own). */
export type Resolve = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const systemResolve: Resolve = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

const RANGES: readonly [name: string, family: 'ipv4' | 'ipv6', network: string, prefix: number][] = [
  ['unspecified', 'ipv4', '0.0.0.0', 8],
  ['private', 'ipv4', '10.0.0.0', 8],
  ['carrier_nat', 'ipv4', '100.64.0.0', 10],
  ['loopback', 'ipv4', '127.0.0.0', 8],
  ['link_local', 'ipv4', '169.254.0.0', 16],
  ['private', 'ipv4', '172.16.0.0', 12],
  ['reserved', 'ipv4', '192.0.0.0', 24],
  ['private', 'ipv4', '192.168.0.0', 16],
  ['benchmarking', 'ipv4', '198.18.0.0', 15],
  ['multicast', 'ipv4', '224.0.0.0', 4],
  ['reserved', 'ipv4', '240.0.0.0', 4],
  ['unspecified', 'ipv6', '::', 128],
  ['loopback', 'ipv6', '::1', 128],
  ['ipv4_mapped', 'ipv6', '::ffff:0:0', 96],
  ['nat64', 'ipv6', '64:ff9b::', 96],
  ['private', 'ipv6', 'fc00::', 7],
  ['link_local', 'ipv6', 'fe80::', 10],
  ['private', 'ipv6', 'fec0::', 10],
  ['multicast', 'ipv6', 'ff00::', 8],
];

const LISTS = RANGES.map(([name, family, network, prefix]) => {
  const list = new net.BlockList();
  list.addSubnet(network, prefix, family);
  return { name, family, list };
});

/** The kind of range an address lies in when a receiver may not be there (`loopback`, `private`, …), else null. */
export function forbiddenRange(address: string): string | null {
  const family = net.isIPv4(address) ? 'ipv4' : net.isIPv6(address) ? 'ipv6' : null;
  if (!family) return 'not_an_address';
  return LISTS.find((l) => l.family === family && l.list.check(address, family))?.name ?? null;
}

export class PrivateAddressError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(`${host} is at ${address}, a ${range} address, which webhooks may not reach`);
    this.name = 'PrivateAddressError';
  }
}

/** A URL's host without the brackets of an IPv6 literal. */
export const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * The addresses a host may be reached at, all of them checked: an address literal as it is, a name as it resolves.
 * Throws PrivateAddressError for the first forbidden one, and the resolver's error for a name that does not resolve.
 */
export async function checkedAddresses(host: string, resolve: Resolve): Promise<{ address: string; family: number }[]> {
  const literal = net.isIP(host);
  const addresses = literal ? [{ address: host, family: literal }] : await resolve(host);
  if (addresses.length === 0) throw Object.assign(new Error(`${host} has no address`), { code: 'ENOTFOUND' });
  for (const a of addresses) {
    const range = forbiddenRange(a.address);
    if (range) throw new PrivateAddressError(host, a.address, range);
  }
  return addresses;
}

type LookupCallback = (err: Error | null, address: string | { address: string; family: number }[], family?: number) => void;

/**
 * A `lookup` for node:http that connects only to checked addresses, so the address checked is the one connected to
 * (no second resolution a rebinding name could answer differently).
 */
export function guardedLookup(resolve: Resolve) {
  return (hostname: string, options: { family?: number | string; all?: boolean }, callback: LookupCallback) => {
    checkedAddresses(hostname, resolve).then(
      (all) => {
        const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : Number(options.family ?? 0);
        const usable = family ? all.filter((a) => a.family === family) : all;
        if (usable.length === 0)
          return callback(Object.assign(new Error(`${hostname} has no IPv${family} address`), { code: 'ENOTFOUND' }), '');
        if (options.all) return callback(null, usable);
        callback(null, usable[0].address, usable[0].family);
      },
      (err: Error) => callback(err, ''),
    );
  };
}
