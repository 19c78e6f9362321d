import { IANAZone } from 'luxon';

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
