/**
 * Accepted values of the `Version` header on the seed-derived (HighLevel) routes: the seeds'
 * `2021-04-15`, and `2021-07-28` / `2023-02-21` which HighLevel's official client sends.
 */
export const API_VERSIONS = ['2021-04-15', '2021-07-28', '2023-02-21'] as const;
