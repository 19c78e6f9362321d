import * as dns from 'node:dns';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { HttpPostError, postJson, useHttpWorkers } from './http-post';
import {
  allowPrivateNetworks,
  DESTINATION_NOT_ALLOWED,
  literalHostProblem,
  literalUrlProblem,
  nonPublicAddressKind,
  privateNetworksAllowed,
} from './network-policy';

// Only loopback is ever connected to here: other non-public addresses are checked without a connection.
describe('network policy: which addresses are non-public', () => {
  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['127.255.255.254', 'a loopback address'],
    ['10.0.0.5', 'a private address'],
    ['172.16.0.1', 'a private address'],
    ['172.31.255.255', 'a private address'],
    ['192.168.1.1', 'a private address'],
    ['169.254.169.254', 'a link-local address'],
    ['100.64.0.1', 'a shared (CGNAT) address'],
    ['100.127.255.255', 'a shared (CGNAT) address'],
    ['0.0.0.0', 'the unspecified address'],
    ['224.0.0.1', 'a multicast address'],
    ['255.255.255.255', 'a reserved address'],
    ['::1', 'a loopback address'],
    ['[::1]', 'a loopback address'],
    ['::', 'the unspecified address'],
    ['fc00::1', 'a private address'],
    ['fd12:3456:789a::1', 'a private address'],
    ['fe80::1', 'a link-local address'],
    ['fe80::1%eth0', 'a link-local address'],
    ['febf:ffff::1', 'a link-local address'],
    ['ff02::1', 'a multicast address'],
    // IPv4-mapped, IPv4-compatible and NAT64 forms count as the IPv4 address they carry.
    ['::ffff:127.0.0.1', 'a loopback address'],
    ['::ffff:7f00:1', 'a loopback address'],
    ['0:0:0:0:0:ffff:7f00:0001', 'a loopback address'],
    ['::ffff:10.0.0.5', 'a private address'],
    ['::ffff:a9fe:a9fe', 'a link-local address'],
    ['::ffff:100.64.0.1', 'a shared (CGNAT) address'],
    ['::ffff:0.0.0.0', 'the unspecified address'],
    ['::127.0.0.1', 'a loopback address'],
    ['64:ff9b::10.0.0.5', 'a private address'],
  ])('%s is %s', (ip, kind) => {
    expect(nonPublicAddressKind(ip)).toBe(kind);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '11.0.0.1',
    '172.15.255.255',
    '172.32.0.1',
    '100.63.255.255',
    '100.128.0.1',
    '169.253.255.255',
    '192.169.0.1',
    '2001:4860:4860::8888',
    '2a00:1450::1',
    'fbff::1',
    'fe00::1',
    '::ffff:8.8.8.8',
    '64:ff9b::8.8.8.8',
    'example.com',
    'not an address',
  ])('%s is public (or no address)', (ip) => {
    expect(nonPublicAddressKind(ip)).toBeUndefined();
  });
});

describe('network policy: literal hosts and URLs', () => {
  afterEach(() => allowPrivateNetworks(true));

  it('refuses a non-public literal and localhost by default, saying how to allow them', () => {
    allowPrivateNetworks(false);
    expect(privateNetworksAllowed()).toBe(false);
    expect(literalHostProblem('10.0.0.5')).toBe('10.0.0.5 is a private address; set ALLOW_PRIVATE_NETWORK_URLS=true to allow');
    expect(literalHostProblem('[::1]')).toBe('::1 is a loopback address; set ALLOW_PRIVATE_NETWORK_URLS=true to allow');
    expect(literalHostProblem('localhost')).toBe('localhost is a loopback address; set ALLOW_PRIVATE_NETWORK_URLS=true to allow');
    expect(literalHostProblem('api.localhost')).toMatch(/^api\.localhost is a loopback address/);
    expect(literalHostProblem('api.example.com')).toBeUndefined();
    expect(literalHostProblem('93.184.215.14')).toBeUndefined();
    // The URL parser's canonical host: shorthand, hex and decimal IPv4 forms, bracketed IPv6.
    expect(literalUrlProblem('http://0x7f.1:8080/hook')).toMatch(/^127\.0\.0\.1 is a loopback address/);
    expect(literalUrlProblem('http://2130706433/')).toMatch(/^127\.0\.0\.1 is a loopback address/);
    expect(literalUrlProblem('http://[::ffff:127.0.0.1]/')).toMatch(/^::ffff:7f00:1 is a loopback address/);
    expect(literalUrlProblem('https://169.254.169.254/latest/meta-data')).toMatch(/^169\.254\.169\.254 is a link-local address/);
    expect(literalUrlProblem('https://hooks.example.com/in')).toBeUndefined();
    expect(literalUrlProblem('not a url')).toBeUndefined();
  });

  it('allows them when ALLOW_PRIVATE_NETWORK_URLS=true (the switch), or when told explicitly', () => {
    allowPrivateNetworks(true);
    expect(privateNetworksAllowed()).toBe(true);
    expect(literalHostProblem('10.0.0.5')).toBeUndefined();
    expect(literalUrlProblem('http://localhost:3000/')).toBeUndefined();
    expect(literalUrlProblem('http://127.0.0.1/', false)).toMatch(/loopback/);
    allowPrivateNetworks(false);
    expect(literalUrlProblem('http://127.0.0.1/', true)).toBeUndefined();
  });
});

describe('network policy: checked when connecting', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer((_req, res) => res.writeHead(200).end('{"ok":true}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    allowPrivateNetworks(true);
    await useHttpWorkers(0);
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  /** DNS as if `internal.example` resolved to 127.0.0.1 (no DNS server is reachable here). */
  function internalResolvesToLoopback(): jest.SpyInstance {
    // node:dns itself (an `import *` of it is a copy whose properties cannot be replaced).
    const module = jest.requireActual<typeof dns>('node:dns');
    const real = module.lookup;
    return jest.spyOn(module, 'lookup').mockImplementation(((hostname: string, options: dns.LookupAllOptions, callback: unknown) => {
      if (hostname !== 'internal.example') return (real as (...a: unknown[]) => void)(hostname, options, callback);
      const cb = callback as (error: null, addresses: dns.LookupAddress[]) => void;
      process.nextTick(() => cb(null, [{ address: '127.0.0.1', family: 4 }]));
    }) as unknown as typeof dns.lookup);
  }

  it('refuses a host name that resolves to loopback, after the lookup, with the reason', async () => {
    const lookup = internalResolvesToLoopback();
    allowPrivateNetworks(false);
    const refused = await postJson(`http://internal.example:${port}/hook`, {}, '{}', 5_000).catch((e: unknown) => e);
    expect(lookup).toHaveBeenCalledWith('internal.example', expect.anything(), expect.any(Function));
    expect(refused).toBeInstanceOf(HttpPostError);
    expect(refused).toMatchObject({
      code: DESTINATION_NOT_ALLOWED,
      message:
        'destination_not_allowed: internal.example resolves to 127.0.0.1, a loopback address; set ALLOW_PRIVATE_NETWORK_URLS=true to allow',
    });
    // The same name connects once the policy is lifted: the guarded lookup is the one the socket uses.
    allowPrivateNetworks(true);
    const answer = await postJson(`http://internal.example:${port}/hook`, {}, '{}', 5_000);
    expect(answer).toEqual({ status: 200, body: '{"ok":true}' });
  });

  it.each([0, 2])('refuses IP literals before connecting, and localhost too (%i worker threads)', async (workers) => {
    await useHttpWorkers(workers);
    let reached = 0;
    server.once('request', () => reached++);
    allowPrivateNetworks(false);
    for (const url of [`http://127.0.0.1:${port}/`, `https://127.0.0.1:${port}/`, `http://[::1]:${port}/`, `http://localhost:${port}/`]) {
      const refused = await postJson(url, {}, '{}', 5_000).catch((e: unknown) => e);
      expect(refused).toMatchObject({
        code: DESTINATION_NOT_ALLOWED,
        message: expect.stringMatching(/is a loopback address; set ALLOW_PRIVATE/),
      });
    }
    expect(reached).toBe(0);
    allowPrivateNetworks(true);
    expect((await postJson(`http://127.0.0.1:${port}/`, {}, '{}', 5_000)).status).toBe(200);
    expect(reached).toBe(1);
  });
});
