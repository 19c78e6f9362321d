import type { IssuedTokenDto, TokenDto } from '@followup/contracts';
import { FormEvent, useState } from 'react';
import { ApiError, describeError } from '../api/api.client';
import { useApi } from '../app.component';
import { formatUtc } from '../format/time.format';
import { ConfirmDialog } from '../ui/confirm.component';
import { Badge, ErrorMessage, Loading } from '../ui/states.component';
import { useLoad } from '../ui/use-load.hook';

const GIVABLE = [
  'followups.readonly',
  'followups.write',
  'conversation-ai.readonly',
  'conversation-ai.write',
  'tokens.readonly',
  'tokens.write',
];

/** The location's API tokens: listed (never their secrets), created (the secret shown once), revoked. */
export function TokensPanel() {
  const api = useApi();
  const [tokens, reload] = useLoad(() => api.get<TokenDto[]>('/tokens'), [api]);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['followups.readonly']);
  const [issued, setIssued] = useState<IssuedTokenDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<TokenDto | null>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      setIssued(await api.post<IssuedTokenDto>('/tokens', { name: name.trim() || undefined, scopes }));
      setName('');
      reload();
    } catch (e) {
      setError(describeError(e));
    }
  }

  async function revoke(token: TokenDto) {
    setRevoking(null);
    try {
      await api.del(`/tokens/${encodeURIComponent(token.id)}`);
      reload();
    } catch (e) {
      setError(describeError(e));
    }
  }

  if (tokens.state === 'loading') return <Loading what="tokens" />;
  if (tokens.state === 'error') {
    const scope = tokens.error instanceof ApiError && tokens.error.status === 401;
    return scope ? (
      <p className="muted">This token cannot see the location's tokens (it needs the tokens.readonly scope).</p>
    ) : (
      <ErrorMessage error={tokens.error} />
    );
  }
  return (
    <div>
      <table className="table responsive">
        <caption className="visually-hidden">API tokens</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Token</th>
            <th scope="col">Scopes</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.data.map((t) => (
            <tr key={t.id}>
              <td data-label="Name">{t.name}</td>
              <td data-label="Token">
                <code>{t.prefix}…</code>
              </td>
              <td data-label="Scopes" className="small">
                {t.scopes.join(', ')}
              </td>
              <td data-label="Last used" className="small">
                {t.last_used_at ? formatUtc(t.last_used_at) : 'never'}
              </td>
              <td data-label="">
                {t.revoked_at ? (
                  <Badge tone="muted">revoked</Badge>
                ) : (
                  <button type="button" className="button danger small" onClick={() => setRevoking(t)}>
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {issued ? (
        <div className="alert success" role="status">
          <strong>New token “{issued.name}”.</strong> Copy it now: it is shown this once.
          <code className="secret">{issued.token}</code>
        </div>
      ) : null}
      <form className="token-form" onSubmit={(e) => void create(e)}>
        <h3 className="subhead">New token</h3>
        <div className="field">
          <label htmlFor="token-name">Name</label>
          <input id="token-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Front desk" />
        </div>
        <fieldset className="scopes">
          <legend>Scopes</legend>
          {GIVABLE.map((s) => (
            <label className="check" key={s}>
              <input
                type="checkbox"
                checked={scopes.includes(s)}
                onChange={(e) => setScopes(e.target.checked ? [...scopes, s] : scopes.filter((x) => x !== s))}
              />
              {s}
            </label>
          ))}
        </fieldset>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="button primary" disabled={!scopes.length}>
          Create token
        </button>
      </form>
      {revoking ? (
        <ConfirmDialog
          title="Revoke this token?"
          confirmLabel="Revoke"
          danger
          onConfirm={() => void revoke(revoking)}
          onCancel={() => setRevoking(null)}
        >
          <p>
            “{revoking.name}” (<code>{revoking.prefix}…</code>) is refused from the next request on. This cannot be undone.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
