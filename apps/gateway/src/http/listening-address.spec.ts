import type { NetworkInterfaceInfo } from 'node:os';
import { listeningAddress } from './listening-address';

const nic = (address: string, family: 'IPv4' | 'IPv6', internal = false) => ({ address, family, internal }) as NetworkInterfaceInfo;
const interfaces = {
  lo: [nic('127.0.0.1', 'IPv4', true), nic('::1', 'IPv6', true)],
  eth0: [nic('10.0.0.5', 'IPv4'), nic('fe80::1', 'IPv6'), nic('2001:db8::5', 'IPv6')],
  wlan0: [nic('192.168.1.20', 'IPv4')],
};

describe('listeningAddress', () => {
  it('names a specific host as it is, IPv6 in brackets', () => {
    expect(listeningAddress('127.0.0.1', 3000, interfaces)).toEqual({ url: 'http://127.0.0.1:3000', description: 'http://127.0.0.1:3000' });
    expect(listeningAddress('10.0.0.5', 8080, interfaces).description).toBe('http://10.0.0.5:8080');
    expect(listeningAddress('::1', 3000, interfaces).url).toBe('http://[::1]:3000');
  });

  it('bound to every IPv4 interface: the port, loopback and each external IPv4 address', () => {
    expect(listeningAddress('0.0.0.0', 3000, interfaces)).toEqual({
      url: 'http://127.0.0.1:3000',
      description: 'all interfaces (port 3000), reachable at http://127.0.0.1:3000, http://10.0.0.5:3000 and http://192.168.1.20:3000',
    });
  });

  it('bound to :: (IPv4 too): IPv6 addresses as well, link-local ones left out', () => {
    expect(listeningAddress('::', 3000, interfaces).description).toBe(
      'all interfaces (port 3000), reachable at http://127.0.0.1:3000, http://10.0.0.5:3000, http://[2001:db8::5]:3000 and http://192.168.1.20:3000',
    );
  });

  it('with no external interface, loopback alone', () => {
    expect(listeningAddress('0.0.0.0', 3000, { lo: interfaces.lo }).description).toBe(
      'all interfaces (port 3000), reachable at http://127.0.0.1:3000',
    );
  });
});
