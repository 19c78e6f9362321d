export * from './check.decorator';
export * from './common-validators';
export * from './flatten-errors';
export * from './validate-plain';
