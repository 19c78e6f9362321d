import type { ChannelConnectionDto } from '@followup/contracts';
import { useState } from 'react';
import { useApi } from '../app.component';
import { channelName } from '../format/reasons.format';
import { Empty, ErrorMessage, Loading } from '../ui/states.component';
import { useLoad } from '../ui/use-load.hook';
import { TokensPanel } from './tokens-panel.component';

/** A setting's value as shown: the API masks secrets already; anything secret-looking that is not masked is masked here too. */
export function shownSetting(key: string, value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (/secret|token|password|auth/i.test(key) && key !== 'verify_token' && !/\*{4}/.test(text)) return '••••••••';
  return text;
}

function CopyButton({ text, label }: { text: string; label: string }) {
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      className="button ghost small"
      aria-label={label}
      onClick={() =>
        void navigator.clipboard?.writeText(text).then(
          () => setDone(true),
          () => setDone(false),
        )
      }
    >
      {done ? 'Copied' : 'Copy'}
    </button>
  );
}

/** The location's channel connections with the webhook URLs to paste into Twilio or Meta, and its API tokens. */
export function ChannelsPage() {
  const api = useApi();
  const [channels] = useLoad(() => api.get<ChannelConnectionDto[]>('/channels'), [api]);
  return (
    <section aria-labelledby="channels-title">
      <div className="page-head">
        <h1 id="channels-title">Channels</h1>
        <p className="muted">Where follow-ups go out, and the addresses the providers call back. Secrets are masked.</p>
      </div>
      {channels.state === 'loading' ? <Loading what="channels" /> : null}
      {channels.state === 'error' ? <ErrorMessage error={channels.error} title="The channels could not be loaded" /> : null}
      {channels.state === 'ready' && channels.data.length === 0 ? (
        <Empty title="No channel connected">Connect Twilio, SMTP, WhatsApp or a webhook with POST /channels.</Empty>
      ) : null}
      <div className="cards">
        {channels.state === 'ready'
          ? channels.data.map((c) => (
              <article className="card" key={c.id} aria-labelledby={`channel-${c.id}`}>
                <h2 className="card-title" id={`channel-${c.id}`}>
                  {c.name} <span className="muted small">{`${channelName(c.type)} · ${c.provider}`}</span>
                </h2>
                <dl className="settings-list">
                  {Object.entries(c.settings).map(([key, value]) => (
                    <div key={key}>
                      <dt>{key}</dt>
                      <dd>
                        <code>{shownSetting(key, value)}</code>
                      </dd>
                    </div>
                  ))}
                </dl>
                {c.webhook_urls.length ? (
                  <>
                    <h3 className="subhead">Webhook URLs</h3>
                    <ul className="webhooks">
                      {c.webhook_urls.map((w) => (
                        <li key={w.hook}>
                          <span className="muted small">{w.hook}</span> <code>{w.url}</code>
                          <CopyButton text={w.url} label={`Copy the ${w.hook} webhook URL`} />
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <p className="muted small">No webhook: replies come in through POST /conversations/:id/messages.</p>
                )}
              </article>
            ))
          : null}
      </div>
      <section className="card" aria-labelledby="tokens-title">
        <h2 className="card-title" id="tokens-title">
          API tokens
        </h2>
        <TokensPanel />
      </section>
    </section>
  );
}
