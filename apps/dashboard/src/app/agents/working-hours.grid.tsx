import { DAY_NAMES, IntervalForm, WEEK_ORDER } from './settings.model';
import { FieldErrors } from '../ui/states.component';

/** The week: each day closed or open with its intervals (start, end), with the problems beside the day. */
export function WorkingHoursGrid(props: {
  days: IntervalForm[][];
  problems: Record<string, string[]>;
  onChange: (days: IntervalForm[][]) => void;
}) {
  const setDay = (day: number, intervals: IntervalForm[]) => props.onChange(props.days.map((d, n) => (n === day ? intervals : d)));
  return (
    <fieldset className="week">
      <legend>Working hours</legend>
      {WEEK_ORDER.map((day) => {
        const name = DAY_NAMES[day] as string;
        const intervals = props.days[day] ?? [];
        const problems = props.problems[`workingHours.${day}`] ?? [];
        const errorId = `day-${day}-errors`;
        return (
          <div className={`day${problems.length ? ' invalid' : ''}`} key={day} role="group" aria-label={name}>
            <label className="day-open">
              <input
                type="checkbox"
                checked={intervals.length > 0}
                onChange={(e) => setDay(day, e.target.checked ? [{ start: '09:00', end: '17:00' }] : [])}
              />
              <span className="day-name">{name}</span>
            </label>
            <div className="intervals">
              {intervals.length === 0 ? <span className="muted small">Closed</span> : null}
              {intervals.map((interval, k) => (
                <span className="interval" key={k}>
                  <label className="visually-hidden" htmlFor={`d${day}-i${k}-start`}>{`${name} interval ${k + 1} start`}</label>
                  <input
                    id={`d${day}-i${k}-start`}
                    type="time"
                    value={interval.start}
                    aria-describedby={problems.length ? errorId : undefined}
                    onChange={(e) =>
                      setDay(
                        day,
                        intervals.map((i, n) => (n === k ? { ...i, start: e.target.value } : i)),
                      )
                    }
                  />
                  <span aria-hidden="true">–</span>
                  <label className="visually-hidden" htmlFor={`d${day}-i${k}-end`}>{`${name} interval ${k + 1} end`}</label>
                  <input
                    id={`d${day}-i${k}-end`}
                    type="time"
                    value={interval.end}
                    aria-describedby={problems.length ? errorId : undefined}
                    onChange={(e) =>
                      setDay(
                        day,
                        intervals.map((i, n) => (n === k ? { ...i, end: e.target.value } : i)),
                      )
                    }
                  />
                  <button
                    type="button"
                    className="button ghost small"
                    aria-label={`Remove ${name} interval ${k + 1}`}
                    onClick={() =>
                      setDay(
                        day,
                        intervals.filter((_i, n) => n !== k),
                      )
                    }
                  >
                    ✕
                  </button>
                </span>
              ))}
              {intervals.length > 0 && intervals.length < 24 ? (
                <button
                  type="button"
                  className="button ghost small"
                  aria-label={`Add an interval on ${name}`}
                  onClick={() => setDay(day, [...intervals, { start: '18:00', end: '20:00' }])}
                >
                  + interval
                </button>
              ) : null}
            </div>
            <FieldErrors lines={problems} id={errorId} />
          </div>
        );
      })}
    </fieldset>
  );
}
