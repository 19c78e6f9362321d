/** A mistake in the command line: one line naming it (and where the usage is), exit code 2. */
export class UsageError extends Error {}
