// IP addresses as Postgres `inet` reads them: dotted IPv4, IPv6 (with an embedded IPv4 tail), an
// optional prefix length, and no zone id (`fe80::1%eth0`), which node's isIP accepts and inet refuses.

const IPV4_PART = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4_RE = new RegExp(`^${IPV4_PART}(?:\\.${IPV4_PART}){3}$`);
const HEX_GROUP_RE = /^[0-9a-fA-F]{1,4}$/;

function isIpv4(text: string): boolean {
  return IPV4_RE.test(text);
}

function isIpv6(text: string): boolean {
  let rest = text;
  let tail = 0;
  const lastColon = rest.lastIndexOf(':');
  if (lastColon >= 0 && rest.slice(lastColon + 1).includes('.')) {
    // An embedded IPv4 address (::ffff:192.0.2.1) stands for the last two groups.
    if (!isIpv4(rest.slice(lastColon + 1))) return false;
    rest = rest.slice(0, lastColon + 1) + '0';
    tail = 1;
  }
  const halves = rest.split('::');
  if (halves.length > 2) return false;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const parts = halves.flatMap(groups);
  if (!parts.every((g) => HEX_GROUP_RE.test(g))) return false;
  const count = parts.length + tail;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** The address family of `text` (4 or 6) when Postgres inet takes it, else 0; `prefix` allows `/n`. */
export function inetFamily(text: string, options: { prefix?: boolean } = {}): 0 | 4 | 6 {
  let address = text;
  let bits: string | undefined;
  const slash = text.indexOf('/');
  if (slash >= 0) {
    if (!options.prefix) return 0;
    address = text.slice(0, slash);
    bits = text.slice(slash + 1);
    if (!/^(?:0|[1-9]\d{0,2})$/.test(bits)) return 0;
  }
  const family = isIpv4(address) ? 4 : isIpv6(address) ? 6 : 0;
  if (family && bits !== undefined && Number(bits) > (family === 4 ? 32 : 128)) return 0;
  return family;
}

/**
 * Removes the zone id of an IPv6 address (`fe80::1%eth0` -> `fe80::1`): inet cannot hold one, and
 * a zone names an interface of the machine that saw the address, which means nothing elsewhere.
 */
export function withoutZoneId(text: string): string {
  const percent = text.indexOf('%');
  // An empty zone (`fe80::1%`) is not a zone: left in place, the address is refused.
  return percent >= 0 && percent < text.length - 1 && text.includes(':') ? text.slice(0, percent) : text;
}
