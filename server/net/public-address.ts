import { BlockList, isIP } from 'node:net';

/**
 * IPv4 ranges that are not globally reachable (IANA special-purpose registry): this host, the
 * private networks, CGNAT, loopback, link-local (cloud metadata at 169.254.169.254),
 * documentation, benchmarking, multicast and reserved.
 */
const privateV4: [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];

/**
 * IPv6 ranges that are not globally reachable. Everything outside 2000::/3 is unassigned or
 * local, except the two prefixes that carry an IPv4 address (`::ffff:0:0/96` mapped and
 * `64:ff9b::/96` NAT64), which are judged by the address they carry (see `embeddedRules`).
 */
const privateV6: [string, number][] = [
  ['::', 96], // unspecified, loopback and the deprecated IPv4-compatible form
  ['::ffff:0:0:0', 96], // SIIT translated addresses
  ['64:ff9b:1::', 48], // local-use NAT64 (RFC 8215)
  ['100::', 8],
  ['200::', 7],
  ['400::', 6],
  ['800::', 5],
  ['1000::', 4], // unassigned, discard-only
  ['2001::', 23], // IETF protocol assignments: Teredo, benchmarking, ORCHID
  ['2001:db8::', 32],
  ['3fff::', 20], // documentation
  ['5f00::', 16], // segment routing
  ['4000::', 2],
  ['8000::', 1], // unassigned, unique local fc00::/7, link-local fe80::/10, multicast ff00::/8
];

/** 32-bit IPv4 as two IPv6 hextets, for placing it inside an IPv6 prefix. */
function hextets(v4: string): string {
  const [a = 0, b = 0, c = 0, d = 0] = v4.split('.').map(Number);
  return `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}

/**
 * The private IPv4 ranges as they appear inside NAT64 (`64:ff9b::a.b.c.d`) and 6to4
 * (`2002:aabb:ccdd::`) addresses. IPv4-mapped addresses need no rule: `BlockList` already
 * matches `::ffff:a.b.c.d` (in any spelling) against the IPv4 rules.
 */
function embeddedRules(): [string, number][] {
  return privateV4.flatMap(([v4, bits]): [string, number][] => [
    [`64:ff9b::${hextets(v4)}`, 96 + bits],
    [`2002:${hextets(v4)}::`, 16 + bits],
  ]);
}

const blocked = new BlockList();
for (const [address, bits] of privateV4) blocked.addSubnet(address, bits, 'ipv4');
for (const [address, bits] of [...privateV6, ...embeddedRules()]) blocked.addSubnet(address, bits, 'ipv6');

/**
 * True only for a globally reachable unicast address. Anything else, including a string that is
 * not an address at all, is not public: a guard must fail closed.
 */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
