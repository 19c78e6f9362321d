// Every project's tests talk to provider doubles on loopback (127.0.0.1), which the network policy
// refuses by default (libs/util/src/lib/network-policy.ts): lift it in each test file's module
// registry, as ALLOW_PRIVATE_NETWORK_URLS=true does for a started gateway. A test of the policy
// itself sets it back with allowPrivateNetworks(false).
require('../../libs/util/src/lib/network-policy').allowPrivateNetworks(true);
