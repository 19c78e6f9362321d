import { FormEvent, useState } from 'react';
import { ApiError, createApi, describeError } from '../api/api.client';

/** Sign-in: the API token is checked against the gateway, then kept for this browser session. */
export function SignInPage({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = token.trim();
    if (!value) {
      setError('Enter the API token (it starts with fgw_).');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await createApi(value).get('/conversations?limit=1');
      onSignedIn(value);
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 401
          ? /scope/.test(e.lines.join(' '))
            ? 'This token cannot read follow-ups (it needs the followups.readonly scope).'
            : 'That API token is not valid. Check it, or ask for a new one (npm run token).'
          : describeError(e),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <form className="card sign-in-card" onSubmit={(e) => void submit(e)} noValidate>
        <div className="brand brand-large" aria-hidden="true">
          <span className="brand-mark">✓</span> followup-gateway
        </div>
        <h1>Sign in</h1>
        <p className="muted">Use an API token of your location. It stays in this browser tab only and is forgotten when you close it.</p>
        <label htmlFor="token">API token</label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder="fgw_…"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'token-error' : undefined}
          autoFocus
        />
        {error ? (
          <p className="field-error" id="token-error" role="alert">
            {error}
          </p>
        ) : null}
        <button className="button primary wide" type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
