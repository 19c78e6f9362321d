import { Initial1763900000000 } from './1763900000000-initial';
import { Engine1764000000000 } from './1764000000000-engine';
import { Channels1764100000000 } from './1764100000000-channels';

/** Every migration, oldest first. Both engines run the same list. */
export const MIGRATIONS = [Initial1763900000000, Engine1764000000000, Channels1764100000000];
