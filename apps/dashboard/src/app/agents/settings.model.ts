import { intervalProblems } from '@followup/contracts/browser';

/** A working-hours interval as the form edits it: "HH:MM" texts. */
export interface IntervalForm {
  start: string;
  end: string;
}

/** The follow-up settings of an advancedFollowup action, as the form holds them. */
export interface SettingsForm {
  dynamicChannelSwitching: boolean;
  followUpHours: boolean;
  timezoneToUse: 'contact' | 'business';
  /** Index 0 = Sunday … 6 = Saturday (the API's dayOfTheWeek); an empty list is a closed day. */
  days: IntervalForm[][];
}

interface ApiInterval {
  startHour: number;
  startMinute: number;
  endHour: number;
  endMinute: number;
}
export interface ApiSettings {
  dynamicChannelSwitching: boolean;
  followUpHours?: boolean;
  timezoneToUse?: string;
  workingHours?: { dayOfTheWeek: number; intervals?: ApiInterval[] }[];
}

export const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** The week as people read it here: Monday first. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

const hhmm = (h: number, m: number) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;

function parse(text: string): { hour: number; minute: number } | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  return hour <= 23 && minute <= 59 ? { hour, minute } : null;
}

export function fromApi(settings: ApiSettings | undefined): SettingsForm {
  const days: IntervalForm[][] = DAY_NAMES.map(() => []);
  for (const day of settings?.workingHours ?? []) {
    days[day.dayOfTheWeek] = (day.intervals ?? []).map((i) => ({
      start: hhmm(i.startHour, i.startMinute),
      end: hhmm(i.endHour, i.endMinute),
    }));
  }
  return {
    dynamicChannelSwitching: settings?.dynamicChannelSwitching ?? false,
    followUpHours: settings?.followUpHours ?? false,
    timezoneToUse: settings?.timezoneToUse === 'business' || settings?.timezoneToUse === 'location' ? 'business' : 'contact',
    days,
  };
}

/** The body the API takes (`followupSettings`); an interval ending at 24:00 is written 23:59, as the API reads it. */
export function toApi(form: SettingsForm): ApiSettings {
  const workingHours = form.days
    .map((intervals, dayOfTheWeek) => ({
      dayOfTheWeek,
      intervals: intervals.map((i) => {
        const start = parse(i.start) ?? { hour: -1, minute: -1 };
        const end = i.end === '24:00' ? { hour: 23, minute: 59 } : (parse(i.end) ?? { hour: -1, minute: -1 });
        return { startHour: start.hour, startMinute: start.minute, endHour: end.hour, endMinute: end.minute };
      }),
    }))
    .filter((d) => d.intervals.length > 0);
  return {
    dynamicChannelSwitching: form.dynamicChannelSwitching,
    followUpHours: form.followUpHours,
    timezoneToUse: form.timezoneToUse,
    workingHours,
  };
}

/** Problems keyed as the API names them (`workingHours.<day>` or `followUpHours`), with the API's own interval rules. */
export function validate(form: SettingsForm): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const add = (key: string, line: string) => (problems[key] = [...(problems[key] ?? []), line]);
  form.days.forEach((intervals, day) => {
    intervals.forEach((i, k) => {
      if (!parse(i.start)) add(`workingHours.${day}`, `interval ${k + 1}: the start is not a time`);
      if (i.end !== '24:00' && !parse(i.end)) add(`workingHours.${day}`, `interval ${k + 1}: the end is not a time`);
    });
    const api = toApi({ ...form, days: form.days.map((d, n) => (n === day ? intervals : [])) }).workingHours?.[0];
    for (const line of intervalProblems(api?.intervals ?? [])) {
      add(
        `workingHours.${day}`,
        line.replace(/intervals\.(\d+)/g, (_m, n: string) => `interval ${Number(n) + 1}`),
      );
    }
  });
  if (form.followUpHours && form.days.every((d) => d.length === 0)) {
    add('followUpHours', 'Open at least one interval, or follow-ups could never be sent.');
  }
  return problems;
}

/**
 * Sorts the API's 422 lines beside the fields they name: `followupSettings.workingHours.3.…`
 * (the 4th entry of the list the form sent) goes to that entry's day; the rest to the form.
 */
export function placeApiErrors(lines: string[], sent: ApiSettings): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const line of lines) {
    const m = /workingHours\.(\d+)/.exec(line);
    const day = m ? sent.workingHours?.[Number(m[1])]?.dayOfTheWeek : undefined;
    const key = day !== undefined ? `workingHours.${day}` : /followUpHours/.test(line) ? 'followUpHours' : 'form';
    out[key] = [...(out[key] ?? []), line];
  }
  return out;
}
