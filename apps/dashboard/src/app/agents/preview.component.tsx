import type { PreviewResponseDto } from '@followup/contracts';
import { useEffect, useState } from 'react';
import { describeError } from '../api/api.client';
import { useApi } from '../app.component';
import { formatInZone, formatUtc, fromLocalInput, toLocalInput } from '../format/time.format';
import { Badge } from '../ui/states.component';
import { ApiSettings } from './settings.model';

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** When each step would go out for a start time: POST /followups/preview with the settings as they stand in the form. */
export function PreviewPanel({ details, settings }: { details: Record<string, unknown>; settings: ApiSettings }) {
  const api = useApi();
  const [zone, setZone] = useState(browserZone);
  const [start, setStart] = useState(() => toLocalInput(new Date().toISOString(), browserZone()));
  const [result, setResult] = useState<{ steps?: PreviewResponseDto['steps']; error?: string }>({});
  const body = JSON.stringify({ details, settings, start, zone });

  useEffect(() => {
    const at = fromLocalInput(start, zone);
    if (!at) return;
    let live = true;
    const timer = setTimeout(() => {
      api
        .post<PreviewResponseDto>('/followups/preview', {
          action: details,
          settings,
          start_at: at.toISOString(),
          contact_timezone: zone,
        })
        .then(
          (r) => live && setResult({ steps: r.steps }),
          (e: unknown) => live && setResult({ error: describeError(e) }),
        );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // The body's JSON is the dependency: the objects are new on every render.
  }, [api, body]);

  return (
    <section className="card preview" aria-labelledby="preview-title">
      <h2 className="card-title" id="preview-title">
        Preview
      </h2>
      <p className="muted small">When each step would go out for a conversation that starts at this time (nothing is stored).</p>
      <div className="row wrap">
        <div className="field">
          <label htmlFor="preview-start">Start time</label>
          <input id="preview-start" type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="preview-zone">Contact's time zone</label>
          <input id="preview-zone" value={zone} onChange={(e) => setZone(e.target.value)} spellCheck={false} />
        </div>
      </div>
      {result.error ? (
        <p className="field-error" role="alert">
          {result.error}
        </p>
      ) : null}
      <ol className="preview-steps" aria-live="polite" aria-label="Planned steps">
        {(result.steps ?? []).map((s) => (
          <li key={s.step} data-step={s.step}>
            <strong>Step {s.step}</strong> <span className="preview-local">{formatInZone(s.due_at, s.timezone)}</span>{' '}
            <span className="muted small">
              ({s.timezone}) · {formatUtc(s.due_at)}
            </span>{' '}
            {s.moved_by_working_hours ? <Badge tone="info">moved by working hours</Badge> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
