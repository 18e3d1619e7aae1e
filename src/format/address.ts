// Addresses as people write them, and the wildcard facts every part of socklab judges the
// same way. Pure: no sockets, no words.

/** An address that can sit before ":port": IPv6 in brackets, so the port is not read as part of it. */
export function formatHost(address: string): string {
  return address.includes(':') && !address.startsWith('[') ? `[${address}]` : address;
}

/** "127.0.0.1:9999", "[::1]:9999". */
export function formatAddress(address: string, port: number): string {
  return `${formatHost(address)}:${port}`;
}

/** The host as typed without its brackets: "[::]" → "::". */
export function unbracket(host: string): string {
  return host.replace(/^\[(.*)\]$/, '$1');
}

/**
 * Whether a bound address (server.address().address, so always in canonical form) accepts
 * connections on every interface: the IPv4 and IPv6 wildcards, and the IPv4-mapped IPv4
 * wildcard. Decided from the bind, not from what was typed: "0", "0x0", "0.0.0.00",
 * "[::0]" and "[0:0:0:0:0:0:0:0]" all bind a wildcard.
 */
export function isAllInterfaces(bound: string): boolean {
  return bound === '0.0.0.0' || bound === '::' || bound === '::ffff:0.0.0.0';
}

/**
 * Where socklab's own client reaches a listener: its host, or loopback when it listens on
 * every interface (judged from the bound address when there is one, as isAllInterfaces).
 */
export function loopbackFor(host: string, bound: string | null): string {
  const address = bound ?? unbracket(host);
  if (!isAllInterfaces(address)) return host;
  return address === '::' ? '::1' : '127.0.0.1';
}
