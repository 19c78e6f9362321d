import { Initial1763900000000 } from './1763900000000-initial';

/** Every migration, oldest first. Both engines run the same list. */
export const MIGRATIONS = [Initial1763900000000];
