import 'reflect-metadata';
import { StartupError } from './config/startup';
import { startGateway } from './start';

startGateway().catch((error: unknown) => {
  const message = error instanceof StartupError ? error.message : `cannot start: ${error instanceof Error ? error.message : String(error)}`;
  for (const line of message.split('\n')) process.stderr.write(`followup-gateway: ${line}\n`);
  process.exit(1);
});
