import ipaddr from 'ipaddr.js';

/**
 * Why an address may not be fetched, or undefined when it is a public unicast address. Only public
 * unicast passes: loopback, private, link-local (cloud metadata at 169.254.169.254), multicast,
 * unspecified, carrier NAT, documentation and the IPv6 forms that embed an IPv4 address are refused.
 */
export function addressRefusal(address: string): string | undefined {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // process() turns an IPv4-mapped IPv6 address (::ffff:127.0.0.1) back into the IPv4 address it carries.
    parsed = ipaddr.process(address);
  } catch {
    return `${address} is not an IP address`;
  }
  const range = parsed.range();
  switch (range) {
    case 'unicast':
      return undefined;
    case 'loopback':
      return `${address} is a loopback address`;
    case 'private':
    case 'uniqueLocal':
    case 'carrierGradeNat':
      return `${address} is a private network address`;
    case 'linkLocal':
      return `${address} is a link-local address (cloud metadata lives there)`;
    case 'multicast':
    case 'broadcast':
      return `${address} is a multicast or broadcast address`;
    case 'unspecified':
      return `${address} is the unspecified address`;
    default:
      return `${address} is a reserved address (${range})`;
  }
}
