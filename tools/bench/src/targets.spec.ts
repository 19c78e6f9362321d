import { chart } from './chart';
import { report } from './report';
import type { Saved } from './saved';
import { targets } from './targets';

const run = <T>(figures: T) => ({ date: '2026-12-05T12:00:00.000Z', command: 'npm run bench', seconds: 60, machine: '2 cores', figures });

/** Figures at and around each target's edge. */
const saved: Saved = {
  ingest: run({
    floor: { rps: 1000 },
    sqlite: { rps: 500, p99_ms: 99, lost: 0, duplicated: 0 },
    postgres: { rps: 499, p99_ms: 100, lost: 1, duplicated: 0 },
  }),
  api: run({ sqlite: { rps: 1000 }, postgres: { rps: 999 } }),
  dispatch: run({
    results: {
      sqlite: { throughput: 900, lateness_p99: 50, rss_peak_large_mb: 299, claim_ms_small: 10, claim_ms_large: 12 },
      postgres: { throughput: 800, lateness_p99: 100, rss_peak_large_mb: 300, claim_ms_small: 10, claim_ms_large: 12.5 },
    },
    bull: { throughput: 1000 },
  }),
};

const verdicts = (s: Saved) => Object.fromEntries(targets(s).map((t) => [t.short, [t.verdict('sqlite'), t.verdict('postgres')]]));

describe('the benchmark targets', () => {
  it('judges each engine at the edges: at least is inclusive, under is strict, per-engine goals apply', () => {
    expect(verdicts(saved)).toEqual({
      'ingest ÷ floor': ['met (0.50×)', 'missed (0.50×)'],
      'ingest p99': ['met (99 ms)', 'missed (100 ms)'],
      'ingest lost+twice': ['met (0 rows)', 'missed (1 rows)'],
      'API writes/s': ['met (1000/s)', 'missed (999/s)'],
      // SQLite must match BullMQ; PostgreSQL 0.8 of it.
      'dispatch ÷ BullMQ': ['missed (0.90×)', 'met (0.80×)'],
      'lateness p99': ['met (50 ms)', 'missed (100 ms)'],
      'RSS, 1M pending': ['met (299 MB)', 'missed (300 MB)'],
      'claim time flat': ['met (1.20×)', 'missed (1.25×)'],
    });
  });

  it('says "not measured" for a suite that has not run, and the report says how to run it', () => {
    const none: Saved = {};
    expect(targets(none).every((t) => t.verdict('sqlite') === 'not measured' && t.share('postgres') === undefined)).toBe(true);
    const text = report(none);
    expect(text).toContain('_Not measured yet: `npm run bench -- --suites=ingest`._');
    expect(text).toContain('_Not measured yet: `npm run bench -- --suites=api`._');
    expect(text).toContain('_Not measured yet: `npm run bench -- --suites=dispatch`._');
  });

  it('reports each suite with its date, command and machine, and the floor ratio', () => {
    const text = report(saved);
    expect(text).toContain('Measured on 2026-12-05 by `npm run bench` (60 s) on 2 cores.');
    expect(text).toMatch(/\| ÷ the bare floor \| 1\.00× \| 0\.50× \| 0\.50× \|/);
    expect(text).toMatch(/\| signed ingest at least 0\.5× the bare floor \| met \(0\.50×\) \| missed \(0\.50×\) \|/);
  });

  it('draws a bar per target and engine as a share of the target, capped at twice it', () => {
    const svg = chart(saved);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('ingest ÷ floor');
    expect(svg).toContain('missed (0.90×)');
    // "lost+twice" 0 rows is an infinite share: drawn at the cap (2 × 260 px).
    expect(svg).toContain('width="520.0"');
    expect(chart({})).toContain('SQLite: not measured');
  });
});
