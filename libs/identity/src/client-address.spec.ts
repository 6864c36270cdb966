import { clientAddress } from './client-address';

describe('clientAddress', () => {
  it('keeps IPv4 addresses, also IPv4-mapped ones', () => {
    expect(clientAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
  });

  it('counts IPv6 clients by their /64 network', () => {
    expect(clientAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientAddress('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientAddress('::1')).toBe('0:0:0:0::/64');
  });

  it('has one bucket for requests without an address', () => {
    expect(clientAddress(undefined)).toBe('unknown');
  });
});
