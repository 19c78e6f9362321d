import { IANAZone } from 'luxon';

/** True when `zone` names a real IANA time zone known to this runtime's ICU data. */
export function isIanaZone(zone: string): boolean {
  return typeof zone === 'string' && zone.length > 0 && IANAZone.isValidZone(zone);
}
