export * from './lib/workflows.service';
export * from './lib/workflow-dispatcher';
