import { IANAZone, Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from 'luxon';

/**
 * Region names (`Area/Location`, or `UTC`) known to this runtime's ICU data. Abbreviations and POSIX
 * rules (`BST`, `PST`, `EST5EDT`, `GMT`, `Zulu`) are refused: `BST` is read as Bangladesh time by
 * ICU, and none of them follows a region's DST. Answers are cached: luxon builds an
 * `Intl.DateTimeFormat` for each check, and the inbound path asks on every message.
 */
const known = new Map<string, boolean>();

export function isIanaZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > 64) return false;
  let answer = known.get(zone);
  if (answer === undefined) {
    answer = (zone === 'UTC' || /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)+$/.test(zone)) && IANAZone.isValidZone(zone);
    if (known.size < 1_000) known.set(zone, answer);
  }
  return answer;
}

/** Common abbreviations and POSIX rules, and the region name people using them usually mean. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  UTC: 'UTC',
  GMT: 'UTC',
  UT: 'UTC',
  Z: 'UTC',
  ZULU: 'UTC',
  BST: 'Europe/London',
  WET: 'Europe/Lisbon',
  WEST: 'Europe/Lisbon',
  CET: 'Europe/Paris',
  CEST: 'Europe/Paris',
  MET: 'Europe/Paris',
  EET: 'Europe/Athens',
  EEST: 'Europe/Athens',
  MSK: 'Europe/Moscow',
  IST: 'Asia/Kolkata',
  PKT: 'Asia/Karachi',
  SGT: 'Asia/Singapore',
  HKT: 'Asia/Hong_Kong',
  JST: 'Asia/Tokyo',
  KST: 'Asia/Seoul',
  AEST: 'Australia/Sydney',
  AEDT: 'Australia/Sydney',
  ACST: 'Australia/Adelaide',
  AWST: 'Australia/Perth',
  NZST: 'Pacific/Auckland',
  NZDT: 'Pacific/Auckland',
  EST: 'America/New_York',
  EDT: 'America/New_York',
  EST5EDT: 'America/New_York',
  CST: 'America/Chicago',
  CDT: 'America/Chicago',
  CST6CDT: 'America/Chicago',
  MST: 'America/Denver',
  MDT: 'America/Denver',
  MST7MDT: 'America/Denver',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  PST8PDT: 'America/Los_Angeles',
  AKST: 'America/Anchorage',
  HST: 'Pacific/Honolulu',
  BRT: 'America/Sao_Paulo',
  ART: 'America/Argentina/Buenos_Aires',
};

/** The region name a common abbreviation or POSIX rule most likely means (`BST` -> `Europe/London`). */
export function suggestIanaZone(name: string): string | undefined {
  return typeof name === 'string' ? ABBREVIATIONS[name.trim().toUpperCase()] : undefined;
}

const QUARTER_HOUR = 15 * 60_000;
/** 2000-01-01: from then on every zone's offsets, and the instants they change at, are whole quarter hours. */
const MODERN = 946_684_800_000;

/**
 * An IANA zone for luxon whose offsets are kept per quarter hour. Luxon's own zone formats the
 * instant with Intl each time it needs an offset (every DateTime built, moved or placed in the zone:
 * the costliest step of reading a requested time and of placing a follow-up in working hours).
 * Offsets only change on quarter hours since 2000; earlier instants are always asked.
 */
class CachedIanaZone extends Zone {
  private readonly offsets = new Map<number, number>();

  constructor(private readonly iana: IANAZone) {
    super();
  }

  override get type(): string {
    return 'iana';
  }

  override get name(): string {
    return this.iana.name;
  }

  override get isUniversal(): boolean {
    return false;
  }

  override get isValid(): boolean {
    return this.iana.isValid;
  }

  override offsetName(ts: number, options: ZoneOffsetOptions): string | null {
    return this.iana.offsetName(ts, options);
  }

  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    return this.iana.formatOffset(ts, format);
  }

  override offset(ts: number): number {
    if (!(ts >= MODERN)) return this.iana.offset(ts);
    const bucket = Math.floor(ts / QUARTER_HOUR);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      if (this.offsets.size > 50_000) this.offsets.clear();
      this.offsets.set(bucket, (offset = this.iana.offset(bucket * QUARTER_HOUR)));
    }
    return offset;
  }

  override equals(other: Zone): boolean {
    return other.type === 'iana' && other.name === this.name;
  }
}

const cachedZones = new Map<string, CachedIanaZone>();

/**
 * The luxon zone of an IANA name with its offsets cached (see CachedIanaZone): one per name, so
 * every DateTime in it shares the cache. The name must be valid (check with isIanaZone, or luxon's
 * IANAZone.isValidZone where abbreviations are accepted).
 */
export function cachedZone(name: string): Zone {
  let zone = cachedZones.get(name);
  if (!zone) {
    if (cachedZones.size >= 1_000) cachedZones.clear();
    cachedZones.set(name, (zone = new CachedIanaZone(IANAZone.create(name))));
  }
  return zone;
}
