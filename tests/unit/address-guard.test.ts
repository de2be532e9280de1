import { describe, expect, it } from 'vitest';
import { addressRefusal } from '../../src/ingest/address-guard.js';

describe('addressRefusal', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.7', 'private network'],
    ['172.16.4.1', 'private network'],
    ['192.168.1.1', 'private network'],
    ['100.64.0.1', 'private network'],
    ['fd12:3456::1', 'private network'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['2002:7f00:1::', 'reserved'],
  ])('refuses %s as %s', (address, kind) => {
    expect(addressRefusal(address)).toContain(kind);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:93.184.216.34'])(
    'lets public %s through',
    (address) => {
      expect(addressRefusal(address)).toBeUndefined();
    },
  );
});
