import { ReactNode } from 'react';
import { describeError } from '../api/api.client';

export function Loading({ what }: { what: string }) {
  return (
    <div className="state" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state empty">
      <p className="state-title">{title}</p>
      {children ? <p>{children}</p> : null}
    </div>
  );
}

/** An error in words, announced to screen readers. */
export function ErrorMessage({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  return (
    <div className="alert error" role="alert">
      <strong>{title}.</strong> {describeError(error)}
    </div>
  );
}

/** The API's 422 lines (or any error) beside a form or a field. */
export function FieldErrors({ lines, id }: { lines: string[]; id?: string }) {
  if (!lines.length) return null;
  return (
    <ul className="field-errors" id={id} role="alert">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

export function Badge({ tone, children }: { tone: 'ok' | 'warn' | 'bad' | 'info' | 'muted'; children: ReactNode }) {
  return <span className={`badge ${tone}`}>{children}</span>;
}

/** The tone of a status badge. */
export function statusTone(status: string | null | undefined): 'ok' | 'warn' | 'bad' | 'info' | 'muted' {
  switch (status) {
    case 'sent':
    case 'delivered':
    case 'read':
    case 'active':
    case 'received':
      return 'ok';
    case 'scheduled':
    case 'in_progress':
    case 'queued':
      return 'info';
    case 'on_hold':
    case 'sleeping':
    case 'handed_over':
    case 'planned':
      return 'warn';
    case 'failed':
    case 'undelivered':
    case 'refused':
    case 'stopped':
      return 'bad';
    default:
      return 'muted';
  }
}
