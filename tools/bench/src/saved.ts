import { existsSync, readFileSync } from 'node:fs';

export type Row = Record<string, string | number>;

/** One suite's figures, with when and by which command they were measured. */
export interface SuiteRun<T> {
  date: string;
  command: string;
  seconds: number;
  /** The machine it ran on (cores, CPU, memory, Node, PostgreSQL). */
  machine?: string;
  figures: T;
}

/**
 * docs/benchmarks.json: the last run of each suite. A run of some suites (`--suites=ingest`) replaces
 * only theirs, so the report always shows every suite, each with its own date and command.
 */
export interface Saved {
  dispatch?: SuiteRun<{ results: Record<string, Row>; bull: Row }>;
  ingest?: SuiteRun<Record<string, Row>>;
  api?: SuiteRun<Record<string, Row>>;
}

export function readSaved(file: string): Saved {
  if (!existsSync(file)) return {};
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Saved & { results?: Record<string, Row>; bull?: Row; seconds?: number };
  // The first format held only the dispatch suite.
  if (raw.results && raw.bull)
    return {
      dispatch: {
        date: '2026-11-25',
        command: 'npm run bench',
        seconds: raw.seconds ?? 0,
        figures: { results: raw.results, bull: raw.bull },
      },
    };
  return raw;
}
