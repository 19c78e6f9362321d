/*
 * The working-hours interval rules as plain functions (no class-validator): the API's DTOs check
 * with them, and the dashboard (through @followup/contracts/browser) checks its form with the same.
 */

function minuteOf(hour: unknown, minute: unknown): number | null {
  return Number.isInteger(hour) && Number.isInteger(minute) ? (hour as number) * 60 + (minute as number) : null;
}

/** Problems with a day's intervals: an end not after its start, or two intervals overlapping. */
export function intervalProblems(intervals: unknown): string[] {
  if (!Array.isArray(intervals)) return [];
  const spans: { i: number; start: number; end: number }[] = [];
  const problems: string[] = [];
  intervals.forEach((raw, i) => {
    if (raw === null || typeof raw !== 'object') return;
    const iv = raw as Record<string, unknown>;
    const start = minuteOf(iv['startHour'], iv['startMinute']);
    const end = minuteOf(iv['endHour'], iv['endMinute']);
    if (start === null || end === null) return;
    if (end <= start) problems.push(`intervals.${i} must start before it ends`);
    else spans.push({ i, start, end });
  });
  spans.sort((a, b) => a.start - b.start);
  for (let k = 1; k < spans.length; k++) {
    const prev = spans[k - 1];
    const cur = spans[k];
    if (prev && cur && cur.start < prev.end) {
      problems.push(`intervals.${Math.max(cur.i, prev.i)} overlaps intervals.${Math.min(cur.i, prev.i)}`);
    }
  }
  return problems;
}
