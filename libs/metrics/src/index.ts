export * from './lib/gateway-metrics';
