import type { ContactDto, MessageDto, TimelineDto } from '@followup/contracts';
import { FormEvent, useState } from 'react';
import { describeError } from '../api/api.client';
import { useApi } from '../app.component';
import { channelName } from '../format/reasons.format';
import { formatInZone, formatUtc } from '../format/time.format';
import { BASE, Link } from '../router.hook';
import { Badge, ErrorMessage, Loading, statusTone } from '../ui/states.component';
import { useLoad } from '../ui/use-load.hook';
import { FollowupCard } from './followup-card.component';

function Message({ m, zone }: { m: MessageDto; zone: string }) {
  return (
    <article className={`event message ${m.direction}`} aria-label={`${m.direction === 'inbound' ? 'Contact' : 'Us'}: ${m.body}`}>
      <p className="bubble-text">{m.body}</p>
      <p className="muted small">
        {m.direction === 'inbound' ? 'Contact' : 'Us'} · {channelName(m.channel)} · {formatInZone(m.occurred_at, zone)}
        <span className="utc"> · {formatUtc(m.occurred_at)}</span>
        {m.status ? (
          <>
            {' '}
            · <Badge tone={statusTone(m.status)}>{m.status}</Badge>
          </>
        ) : null}
      </p>
    </article>
  );
}

/** A conversation: its timeline, both ways, with every follow-up past, pending and planned; bot and message actions. */
export function ConversationPage({ id }: { id: string }) {
  const api = useApi();
  const [body, setBody] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);
  const [data, reload] = useLoad(async () => {
    const timeline = await api.get<TimelineDto>(`/conversations/${encodeURIComponent(id)}/timeline`);
    const contact = await api.get<ContactDto>(`/contacts/${encodeURIComponent(timeline.conversation.contact_id)}`).catch(() => null);
    return { timeline, contact };
  }, [api, id]);

  async function act(run: () => Promise<unknown>) {
    setActionError(null);
    try {
      await run();
      reload();
    } catch (e) {
      setActionError(describeError(e));
    }
  }

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return;
    await act(async () => {
      await api.post(`/conversations/${encodeURIComponent(id)}/messages`, { direction: 'outbound', body, send: true });
      setBody('');
    });
  }

  if (data.state === 'loading') return <Loading what="the conversation" />;
  if (data.state === 'error') return <ErrorMessage error={data.error} title="The conversation could not be loaded" />;
  const { timeline, contact } = data.data;
  const c = timeline.conversation;
  const zone = contact?.timezone ?? 'UTC';
  const active = c.bot_status === 'active';
  const setBot = (bot_status: string) => act(() => api.patch(`/conversations/${encodeURIComponent(id)}`, { bot_status }));

  return (
    <section aria-labelledby="conversation-title">
      <p className="breadcrumb">
        <Link to={`${BASE}/conversations`}>← Conversations</Link>
      </p>
      <div className="page-head row">
        <div>
          <h1 id="conversation-title">{contact?.name || contact?.phone || contact?.email || 'Conversation'}</h1>
          <p className="muted">
            {channelName(c.channel)} · {contact?.phone ?? contact?.email ?? ''} · times in {zone}
          </p>
        </div>
        <div className="head-actions">
          <span>
            Bot: <Badge tone={statusTone(c.bot_status)}>{c.bot_status.replace('_', ' ')}</Badge>
          </span>
          {active ? (
            <button type="button" className="button secondary" onClick={() => void setBot('handed_over')}>
              Hand over to a person
            </button>
          ) : (
            <button type="button" className="button primary" onClick={() => void setBot('active')}>
              Reactivate the bot
            </button>
          )}
        </div>
      </div>
      {actionError ? (
        <div className="alert error" role="alert">
          {actionError}
        </div>
      ) : null}
      <div className="card">
        <h2 className="card-title">Timeline</h2>
        {timeline.items.length === 0 ? <p className="muted">Nothing yet: no message and no follow-up.</p> : null}
        <ol className="timeline">
          {timeline.items.map((item, i) => (
            <li key={`${item.kind}-${item.message?.id ?? item.followup?.id ?? i}`} className={`item-${item.kind}`}>
              {item.message ? <Message m={item.message} zone={zone} /> : null}
              {item.followup ? <FollowupCard f={item.followup} onChanged={reload} /> : null}
            </li>
          ))}
        </ol>
      </div>
      <form className="card send-form" onSubmit={(e) => void send(e)}>
        <label htmlFor="message">Message</label>
        <textarea id="message" rows={3} value={body} onChange={(e) => setBody(e.target.value)} placeholder="Write to the contact…" />
        <div className="row end">
          <span className="muted small">
            Sent on {channelName(c.channel)} through the gateway; it starts the stopped-replying sequence.
          </span>
          <button type="submit" className="button primary" disabled={!body.trim()}>
            Send
          </button>
        </div>
      </form>
    </section>
  );
}
