import * as dns from 'node:dns';
import * as http from 'node:http';
import * as https from 'node:https';
import { isIP, LookupFunction } from 'node:net';
import type { Duplex } from 'node:stream';

/*
 * Where the gateway may connect on its own (webhook channel URLs, workflow URLs, the AI endpoint,
 * providers' api_base_url): in a multi-tenant deployment a tenant's URL must not reach the
 * gateway's own network (loopback, private ranges, link-local and the cloud metadata address).
 * The rule lives here, and is applied where a connection is made: the agents below check every
 * address a name resolves to (a custom `lookup`), and an IP literal (for which Node makes no
 * lookup) before connecting. ALLOW_PRIVATE_NETWORK_URLS=true (the gateway's config) lifts it.
 */

/** The error code of a destination this policy refuses: a definite failure (nothing was sent). */
export const DESTINATION_NOT_ALLOWED = 'destination_not_allowed';

let allowPrivate = false;

/** The guarded agents of this thread, whose idle connections a change of policy closes. */
const agents = new Set<WeakRef<http.Agent>>();

/**
 * Lifts (true) or restores (false, the default) the refusal of non-public destinations in this
 * thread. A change closes the agents' idle keep-alive connections: none made under the old policy
 * is reused under the new one.
 */
export function allowPrivateNetworks(allow: boolean): void {
  if (allow === allowPrivate) return;
  allowPrivate = allow;
  for (const ref of agents) {
    const agent = ref.deref();
    if (!agent) agents.delete(ref);
    else for (const sockets of Object.values(agent.freeSockets)) for (const socket of sockets ?? []) socket.destroy();
  }
}

export function privateNetworksAllowed(): boolean {
  return allowPrivate;
}

type Range = readonly [base: number, bits: number, kind: string];

const LOOPBACK = 'a loopback address';
const PRIVATE = 'a private address';
const LINK_LOCAL = 'a link-local address';
const UNSPECIFIED = 'the unspecified address';

const V4_RANGES: readonly Range[] = [
  [0x00000000, 8, UNSPECIFIED], // 0.0.0.0/8: "this network"; 0.0.0.0 reaches the local host
  [0x0a000000, 8, PRIVATE], // 10/8
  [0x64400000, 10, 'a shared (CGNAT) address'], // 100.64/10
  [0x7f000000, 8, LOOPBACK], // 127/8
  [0xa9fe0000, 16, LINK_LOCAL], // 169.254/16 (the cloud metadata address 169.254.169.254)
  [0xac100000, 12, PRIVATE], // 172.16/12
  [0xc0a80000, 16, PRIVATE], // 192.168/16
  [0xe0000000, 4, 'a multicast address'], // 224/4
  [0xf0000000, 4, 'a reserved address'], // 240/4 and 255.255.255.255
];

function v4Number(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function v4Kind(n: number): string | undefined {
  for (const [base, bits, kind] of V4_RANGES) {
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    if ((n & mask) >>> 0 === base) return kind;
  }
  return undefined;
}

/** The 8 groups of an IPv6 address (with an embedded dotted IPv4 tail, as in ::ffff:127.0.0.1). */
function v6Groups(ip: string): number[] {
  let text = ip.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (dotted) {
    const n = v4Number(dotted);
    text = `${text.slice(0, -dotted.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (s: string) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

function v6Kind(ip: string): string | undefined {
  const g = v6Groups(ip);
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const embedded = (g6 * 0x10000 + g7) >>> 0;
  const zeroHead = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (zeroHead && g5 === 0 && g6 === 0 && g7 === 0) return UNSPECIFIED; // ::
  if (zeroHead && g5 === 0 && g6 === 0 && g7 === 1) return LOOPBACK; // ::1
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d): the IPv4 address decides.
  if (zeroHead && (g5 === 0xffff || g5 === 0)) return v4Kind(embedded);
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return v4Kind(embedded);
  if ((g0 & 0xfe00) === 0xfc00) return PRIVATE; // fc00::/7 (unique local)
  if ((g0 & 0xffc0) === 0xfe80) return LINK_LOCAL; // fe80::/10
  if ((g0 & 0xffc0) === 0xfec0) return PRIVATE; // fec0::/10 (site-local, deprecated)
  if ((g0 & 0xff00) === 0xff00) return 'a multicast address'; // ff00::/8
  return undefined;
}

/**
 * What kind of non-public address `ip` is ('a loopback address', 'a private address', ...), or
 * undefined for a public address or for text that is no IP address. IPv4-mapped IPv6 forms count
 * as the IPv4 address they carry.
 */
export function nonPublicAddressKind(ip: string): string | undefined {
  const bare = ip.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return v4Kind(v4Number(bare));
  if (family === 6) return v6Kind(bare);
  return undefined;
}

const HOW_TO_ALLOW = 'set ALLOW_PRIVATE_NETWORK_URLS=true to allow';

function isLocalhostName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

/**
 * Why a host written in a URL is refused before any lookup: an IP literal of a non-public range,
 * or `localhost`. Undefined for a DNS name (checked when connecting) and when the policy is lifted
 * (`allow`: this thread's policy unless given).
 */
export function literalHostProblem(host: string, allow = allowPrivate): string | undefined {
  if (allow) return undefined;
  const bare = host.replace(/^\[|\]$/g, '');
  if (isLocalhostName(bare)) return `${bare} is ${LOOPBACK}; ${HOW_TO_ALLOW}`;
  const kind = nonPublicAddressKind(bare);
  return kind ? `${bare} is ${kind}; ${HOW_TO_ALLOW}` : undefined;
}

/** The same for a whole URL (the validation of a URL set through the API): undefined when it is not a URL. */
export function literalUrlProblem(url: string, allow = allowPrivate): string | undefined {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return undefined;
  }
  return literalHostProblem(host, allow);
}

/** A refused destination: `code` is destination_not_allowed, the message says which address and why. */
export class DestinationNotAllowedError extends Error {
  readonly code = DESTINATION_NOT_ALLOWED;
  constructor(readonly reason: string) {
    super(`${DESTINATION_NOT_ALLOWED}: ${reason}`);
    this.name = 'DestinationNotAllowedError';
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * dns.lookup, refusing a name any of whose addresses is non-public (all of them are checked, so a
 * name that also resolves to 127.0.0.1 cannot be made to connect there).
 */
export const guardedLookup = ((hostname: string, options: dns.LookupOptions | number | undefined, callback: LookupCallback) => {
  const opts: dns.LookupOptions = typeof options === 'number' ? { family: options } : { ...(options ?? {}) };
  dns.lookup(hostname, { ...opts, all: true }, (error, addresses) => {
    if (error) return callback(error, opts.all ? [] : '');
    if (!allowPrivate) {
      for (const { address } of addresses) {
        const kind = nonPublicAddressKind(address);
        if (kind) return callback(new DestinationNotAllowedError(`${hostname} resolves to ${address}, ${kind}; ${HOW_TO_ALLOW}`), '');
      }
    }
    if (opts.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`${hostname}: no address`), { code: 'ENOTFOUND' }), '');
    return callback(null, first.address, first.family);
  });
}) as LookupFunction;

type ConnectionCallback = (error: Error | null, socket: Duplex) => void;

/** Refuses an IP literal (or `localhost`) before the agent connects: Node makes no lookup for those. */
function refuseLiteral(options: { host?: string | null; hostname?: string | null }, callback?: ConnectionCallback): boolean {
  const problem = literalHostProblem(String(options.host ?? options.hostname ?? ''));
  if (!problem) return false;
  const error = new DestinationNotAllowedError(problem);
  // The agent's callback is answered asynchronously, as a failed connect would be.
  if (callback) process.nextTick(() => callback(error, undefined as unknown as Duplex));
  return true;
}

/** An http.Agent that connects only where the policy allows. */
export class GuardedHttpAgent extends http.Agent {
  constructor(options: http.AgentOptions = {}) {
    super({ ...options, lookup: guardedLookup } as http.AgentOptions);
    agents.add(new WeakRef(this));
  }
  override createConnection(options: http.ClientRequestArgs, callback?: ConnectionCallback): Duplex | null | undefined {
    if (refuseLiteral(options, callback)) return undefined;
    return super.createConnection(options, callback);
  }
}

/** An https.Agent that connects only where the policy allows. */
export class GuardedHttpsAgent extends https.Agent {
  constructor(options: https.AgentOptions = {}) {
    super({ ...options, lookup: guardedLookup } as https.AgentOptions);
    agents.add(new WeakRef(this));
  }
  override createConnection(options: http.ClientRequestArgs, callback?: ConnectionCallback): Duplex | null | undefined {
    if (refuseLiteral(options, callback)) return undefined;
    return super.createConnection(options, callback);
  }
}
