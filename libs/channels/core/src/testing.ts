export * from './testing/conformance';
