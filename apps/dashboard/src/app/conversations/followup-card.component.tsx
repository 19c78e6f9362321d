import type { TimelineFollowupDto } from '@followup/contracts';
import { FormEvent, useState } from 'react';
import { describeError } from '../api/api.client';
import { useApi } from '../app.component';
import { channelName, reasonWords, scenarioName } from '../format/reasons.format';
import { formatInZone, formatUtc, fromLocalInput, toLocalInput } from '../format/time.format';
import { ConfirmDialog } from '../ui/confirm.component';
import { Badge, statusTone } from '../ui/states.component';

const PENDING = ['scheduled', 'on_hold'];

/** One follow-up of the timeline: status, channel, local and UTC time, the reason in words, attempts; cancel and reschedule while pending. */
export function FollowupCard({ f, onChanged }: { f: TimelineFollowupDto; onChanged: () => void }) {
  const api = useApi();
  const zone = f.timezone ?? 'UTC';
  const [confirming, setConfirming] = useState(false);
  const [moving, setMoving] = useState(false);
  const [when, setWhen] = useState(() => (f.due_at ? toLocalInput(f.due_at, zone) : ''));
  const [error, setError] = useState<string | null>(null);
  const why = reasonWords(f.reason_code, f.reason);
  const pending = f.id !== null && PENDING.includes(f.status);
  const title = `${scenarioName(f.scenario)} · step ${f.step ?? '?'}`;

  async function cancel() {
    setConfirming(false);
    try {
      await api.put(`/followups/${encodeURIComponent(f.id as string)}`, { status: 'cancelled' });
      onChanged();
    } catch (e) {
      setError(describeError(e));
    }
  }

  async function reschedule(event: FormEvent) {
    event.preventDefault();
    const at = fromLocalInput(when, zone);
    if (!at) {
      setError('Choose a date and a time.');
      return;
    }
    try {
      await api.put(`/followups/${encodeURIComponent(f.id as string)}`, { scheduled_at: at.toISOString() });
      setMoving(false);
      setError(null);
      onChanged();
    } catch (e) {
      setError(describeError(e));
    }
  }

  return (
    <article className={`event followup ${f.status}`} aria-label={`Follow-up: ${title}, ${f.status.replace('_', ' ')}`}>
      <div className="event-head">
        <strong>{title}</strong>
        <Badge tone={statusTone(f.status)}>{f.status.replace('_', ' ')}</Badge>
        <span className="muted small">{channelName(f.channel)}</span>
      </div>
      {f.due_at ? (
        <p className="event-time">
          <span className="local-time">{formatInZone(f.sent_at ?? f.due_at, zone)}</span> <span className="muted small">({zone})</span>
          <span className="muted small utc"> · {formatUtc(f.sent_at ?? f.due_at)}</span>
        </p>
      ) : null}
      {f.moved_by_working_hours && f.original_due_at ? (
        <p className="small">
          <Badge tone="info">Moved by working hours</Badge> from {formatInZone(f.original_due_at, zone)}
        </p>
      ) : null}
      {why ? (
        <p className="reason small">
          <strong>{why.label}.</strong> {why.label.toLowerCase() === why.sentence.toLowerCase() ? '' : why.sentence}
        </p>
      ) : null}
      {f.body ? <p className="bubble-text small">“{f.body}”</p> : null}
      {f.attempts.length ? (
        <ul className="attempts small" aria-label="Delivery attempts">
          {f.attempts.map((a) => (
            <li key={a.at + a.channel}>
              {channelName(a.channel)}: {a.status}
              {a.error_code ? ` (${a.error_code})` : ''} · {formatUtc(a.at)}
              {a.reason ? ` · ${a.reason}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {pending ? (
        <div className="event-actions">
          <button type="button" className="button danger small" onClick={() => setConfirming(true)}>
            Cancel
          </button>
          <button type="button" className="button secondary small" onClick={() => setMoving((m) => !m)} aria-expanded={moving}>
            Reschedule
          </button>
        </div>
      ) : null}
      {moving ? (
        <form className="inline-form" onSubmit={(e) => void reschedule(e)}>
          <label htmlFor={`when-${f.id}`}>New time ({zone})</label>
          <input id={`when-${f.id}`} type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} required />
          <button type="submit" className="button primary small">
            Save time
          </button>
        </form>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title="Cancel this follow-up?"
          confirmLabel="Cancel follow-up"
          danger
          onConfirm={() => void cancel()}
          onCancel={() => setConfirming(false)}
        >
          <p>
            {title} will not be sent{f.due_at ? ` on ${formatInZone(f.due_at, zone)}` : ''}, and the steps after it will not be planned.
          </p>
        </ConfirmDialog>
      ) : null}
    </article>
  );
}
