import { describe, expect, it } from 'vitest';
import { checkedAddresses, forbiddenRange, guardedLookup, PrivateAddressError, type Resolve } from './webhooks.address.ts';

const resolver =
  (table: Record<string, string[]>): Resolve =>
  async (host) => {
    const addresses = table[host];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

describe('the addresses a webhook may not reach', () => {
  it('names the range of loopback, private, link-local, carrier NAT, multicast, reserved and embedded IPv4 addresses', () => {
    expect(
      Object.fromEntries(
        [
          '127.0.0.1',
          '127.255.0.9',
          '10.1.2.3',
          '172.16.0.1',
          '172.31.255.255',
          '192.168.1.10',
          '169.254.169.254',
          '100.64.0.1',
          '0.0.0.0',
          '224.0.0.1',
          '255.255.255.255',
          '::1',
          '::',
          'fe80::1',
          'fd00::5',
          '::ffff:7f00:1',
          '::ffff:10.0.0.1',
          '64:ff9b::a00:1',
        ].map((a) => [a, forbiddenRange(a)]),
      ),
    ).toEqual({
      '127.0.0.1': 'loopback',
      '127.255.0.9': 'loopback',
      '10.1.2.3': 'private',
      '172.16.0.1': 'private',
      '172.31.255.255': 'private',
      '192.168.1.10': 'private',
      '169.254.169.254': 'link_local',
      '100.64.0.1': 'carrier_nat',
      '0.0.0.0': 'unspecified',
      '224.0.0.1': 'multicast',
      '255.255.255.255': 'reserved',
      '::1': 'loopback',
      '::': 'unspecified',
      'fe80::1': 'link_local',
      'fd00::5': 'private',
      '::ffff:7f00:1': 'ipv4_mapped',
      '::ffff:10.0.0.1': 'ipv4_mapped',
      '64:ff9b::a00:1': 'nat64',
    });
  });

  it('lets public addresses through, including those next to the private ranges', () => {
    for (const a of ['203.0.113.10', '8.8.8.8', '172.32.0.1', '172.15.255.255', '11.0.0.1', '100.128.0.1', '2001:4860:4860::8888'])
      expect(forbiddenRange(a), a).toBeNull();
  });
});

describe('a host checked by what it resolves to', () => {
  const resolve = resolver({
    'hooks.example.test': ['127.0.0.1'],
    'mixed.example.test': ['203.0.113.10', '10.0.0.7'],
    'yingji.example.test': ['203.0.113.10', '2001:db8:1::10'],
  });

  it('refuses a name resolving to 127.0.0.1, and a name with one private address among public ones', async () => {
    await expect(checkedAddresses('hooks.example.test', resolve)).rejects.toMatchObject({
      name: 'PrivateAddressError',
      address: '127.0.0.1',
      range: 'loopback',
    });
    await expect(checkedAddresses('mixed.example.test', resolve)).rejects.toBeInstanceOf(PrivateAddressError);
  });

  it('answers every address of a public name, and checks a literal without resolving it', async () => {
    expect((await checkedAddresses('yingji.example.test', resolve)).map((a) => a.address)).toEqual(['203.0.113.10', '2001:db8:1::10']);
    expect(await checkedAddresses('203.0.113.10', resolver({}))).toEqual([{ address: '203.0.113.10', family: 4 }]);
    await expect(checkedAddresses('nowhere.example.test', resolve)).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });

  it('gives node:http only checked addresses, of the family it asks for, one or all', async () => {
    const lookup = guardedLookup(resolve);
    const call = (host: string, options: { family?: number; all?: boolean }) =>
      new Promise<unknown[]>((done) => lookup(host, options, (...args) => done(args)));
    expect(await call('yingji.example.test', { family: 6 })).toEqual([null, '2001:db8:1::10', 6]);
    expect(await call('yingji.example.test', { all: true })).toEqual([
      null,
      [
        { address: '203.0.113.10', family: 4 },
        { address: '2001:db8:1::10', family: 6 },
      ],
    ]);
    const [err] = await call('hooks.example.test', {});
    expect(err).toBeInstanceOf(PrivateAddressError);
  });
});
