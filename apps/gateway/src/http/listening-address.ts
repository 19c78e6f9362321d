import { NetworkInterfaceInfo, networkInterfaces } from 'node:os';

export interface ListeningAddress {
  /** The URL this machine reaches the gateway at (loopback when bound to every interface). */
  url: string;
  /** What the banner says after "listening on". */
  description: string;
}

const ALL_INTERFACES = ['0.0.0.0', '::'];

function hostInUrl(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}

/**
 * Where the gateway listens, said truthfully: bound to one host, that host; bound to every interface
 * (0.0.0.0, or :: which takes IPv4 too), the port, loopback and each external address of this
 * machine (IPv6 link-local addresses left out: they need a zone to be reached).
 */
export function listeningAddress(
  host: string,
  port: number,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): ListeningAddress {
  if (!ALL_INTERFACES.includes(host)) {
    const url = `http://${hostInUrl(host)}:${port}`;
    return { url, description: url };
  }
  const url = `http://127.0.0.1:${port}`;
  const external = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((i) => !i.internal && (i.family === 'IPv4' || (host === '::' && !i.address.toLowerCase().startsWith('fe80'))))
    .map((i) => `http://${hostInUrl(i.address)}:${port}`);
  const urls = [url, ...new Set(external)];
  const reachable = urls.length === 1 ? url : `${urls.slice(0, -1).join(', ')} and ${urls[urls.length - 1]}`;
  return { url, description: `all interfaces (port ${port}), reachable at ${reachable}` };
}
