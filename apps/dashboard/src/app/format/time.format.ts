/** Times as the dashboard shows them: in a zone (the contact's or the business's) and in UTC. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** "Mon 15 Jun 2026, 09:00" in `zone` (UTC when the zone is unknown to the browser). */
export function formatInZone(iso: string, zone: string | null | undefined): string {
  try {
    return formatter(zone || 'UTC').format(new Date(iso));
  } catch {
    return formatter('UTC').format(new Date(iso));
  }
}

/** "15 Jun 2026, 13:00 UTC". */
export function formatUtc(iso: string): string {
  return `${formatInZone(iso, 'UTC')} UTC`;
}

/** "in 2 h", "3 d ago": how far an instant is from now. */
export function relative(iso: string, now: Date = new Date()): string {
  const diff = new Date(iso).getTime() - now.getTime();
  const abs = Math.abs(diff);
  const units: [number, string][] = [
    [86_400_000, 'd'],
    [3_600_000, 'h'],
    [60_000, 'min'],
  ];
  const [size, name] = units.find(([ms]) => abs >= ms) ?? [60_000, 'min'];
  const n = Math.max(1, Math.round(abs / size));
  return diff >= 0 ? `in ${n} ${name}` : `${n} ${name} ago`;
}

/** The parts of an instant's wall-clock time in `zone`. */
function wallClock(at: Date, zone: string): { y: number; mo: number; d: number; h: number; mi: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { y: get('year'), mo: get('month'), d: get('day'), h: get('hour') % 24, mi: get('minute') };
}

/** `YYYY-MM-DDTHH:mm` (a datetime-local input's value) of an instant, as the clock reads in `zone`. */
export function toLocalInput(iso: string, zone: string): string {
  const w = wallClock(new Date(iso), zone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${w.y}-${p(w.mo)}-${p(w.d)}T${p(w.h)}:${p(w.mi)}`;
}

/**
 * The instant at which the clock in `zone` reads `local` (`YYYY-MM-DDTHH:mm`); a time skipped by a
 * DST change becomes the moment after the jump, a repeated one its first occurrence (as the API reads
 * working hours). Null when the text is not such a time.
 */
export function fromLocalInput(local: string, zone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const offsetAt = (t: number) => {
    const w = wallClock(new Date(t), zone);
    return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi) - t;
  };
  // Two candidates (the offsets an hour around); the earliest that reads as asked wins.
  const candidates = [asUtc - offsetAt(asUtc - 86_400_000), asUtc - offsetAt(asUtc + 86_400_000)].sort((a, b) => a - b);
  for (const t of candidates) if (t + offsetAt(t) === asUtc) return new Date(t);
  // Skipped by a DST jump: the moment the clocks jump.
  return new Date(Math.max(...candidates));
}
