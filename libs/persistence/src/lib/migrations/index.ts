import { Initial1763900000000 } from './1763900000000-initial';
import { Engine1764000000000 } from './1764000000000-engine';

/** Every migration, oldest first. Both engines run the same list. */
export const MIGRATIONS = [Initial1763900000000, Engine1764000000000];
