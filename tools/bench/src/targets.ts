import type { Row, Saved } from './saved';

/** One target of the performance issue, judged per engine from the saved figures. */
export interface Target {
  label: string;
  /** A short name for the chart. */
  short: string;
  /** The engine's figure (undefined when not measured). */
  value(engine: string): number | undefined;
  /** The figure as a share of the target: 1 or more is met. */
  share(engine: string): number | undefined;
  /** 'met (…)', 'missed (…)' or 'not measured'. */
  verdict(engine: string): string;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function target(
  label: string,
  short: string,
  value: (engine: string) => number | undefined,
  goal: (engine: string) => number,
  kind: 'at least' | 'at most' | 'under',
  shown: (v: number) => string,
): Target {
  const share = (engine: string) => {
    const v = value(engine);
    if (v === undefined) return undefined;
    return kind === 'at least' ? v / goal(engine) : v > 0 ? goal(engine) / v : Number.POSITIVE_INFINITY;
  };
  return {
    label,
    short,
    value,
    share,
    verdict: (engine) => {
      const v = value(engine);
      if (v === undefined) return 'not measured';
      const met = kind === 'at least' ? v >= goal(engine) : kind === 'at most' ? v <= goal(engine) : v < goal(engine);
      return `${met ? 'met' : 'missed'} (${shown(v)})`;
    },
  };
}

/** The targets, in one place: the report's verdicts and the chart both read them. */
export function targets(saved: Saved): Target[] {
  const ingest = saved.ingest?.figures ?? {};
  const api = saved.api?.figures ?? {};
  const dispatch = saved.dispatch?.figures;
  const of = (rows: Record<string, Row>, engine: string, key: string) => num(rows[engine]?.[key]);
  const d = (engine: string, key: string) => num(dispatch?.results[engine]?.[key]);
  const perFloor = (engine: string) => {
    const ours = of(ingest, engine, 'rps');
    const floor = of(ingest, 'floor', 'rps');
    return ours !== undefined && floor ? ours / floor : undefined;
  };
  const perBull = (engine: string) => {
    const ours = d(engine, 'throughput');
    const bull = num(dispatch?.bull['throughput']);
    return ours !== undefined && bull ? ours / bull : undefined;
  };
  const lossless = (engine: string) => {
    const lost = of(ingest, engine, 'lost');
    const twice = of(ingest, engine, 'duplicated');
    return lost === undefined || twice === undefined ? undefined : lost + twice;
  };
  const x = (v: number) => `${v.toFixed(2)}×`;
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  return [
    target('signed ingest at least 0.5× the bare floor', 'ingest ÷ floor', perFloor, () => 0.5, 'at least', x),
    target(
      'signed ingest p99 under 100 ms at 50 connections',
      'ingest p99',
      (e) => of(ingest, e, 'p99_ms'),
      () => 100,
      'under',
      ms,
    ),
    target(
      'ingest: nothing lost, nothing recorded twice',
      'ingest lost+twice',
      lossless,
      () => 1,
      'under',
      (v) => `${v} rows`,
    ),
    target(
      'API writes at least 1,000/s',
      'API writes/s',
      (e) => of(api, e, 'rps'),
      () => 1000,
      'at least',
      (v) => `${v.toFixed(0)}/s`,
    ),
    target(
      'dispatch at least 1.0× BullMQ (SQLite), 0.8× (PostgreSQL)',
      'dispatch ÷ BullMQ',
      perBull,
      (e) => (e === 'sqlite' ? 1 : 0.8),
      'at least',
      x,
    ),
    target(
      'dispatch lateness p99 under 100 ms at 500/s',
      'lateness p99',
      (e) => d(e, 'lateness_p99'),
      () => 100,
      'under',
      ms,
    ),
    target(
      'under 300 MB RSS with 1,000,000 pending',
      'RSS, 1M pending',
      (e) => d(e, 'rss_peak_large_mb'),
      () => 300,
      'under',
      (v) => `${v.toFixed(0)} MB`,
    ),
    target(
      'claim time flat: within 20% with 1,000,000 pending',
      'claim time flat',
      (e) => {
        const large = d(e, 'claim_ms_large');
        const small = d(e, 'claim_ms_small');
        return large !== undefined && small ? large / small : undefined;
      },
      () => 1.2,
      'at most',
      x,
    ),
  ];
}
