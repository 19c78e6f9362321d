import type { ConversationListDto, ConversationSummaryDto } from '@followup/contracts';
import { CHANNEL_TYPES } from '@followup/contracts/browser';
import { useState } from 'react';
import { query } from '../api/api.client';
import { useApi } from '../app.component';
import { channelName, scenarioName } from '../format/reasons.format';
import { formatInZone, relative } from '../format/time.format';
import { BASE, Link } from '../router.hook';
import { Badge, Empty, ErrorMessage, Loading, statusTone } from '../ui/states.component';
import { useLoad } from '../ui/use-load.hook';

const BOT_STATUSES = ['active', 'sleeping', 'stopped', 'handed_over'];
const PAGE_SIZE = 20;

interface Filters {
  q: string;
  channel: string;
  has_pending: string;
  bot_status: string;
}

function NextFollowup({ c }: { c: ConversationSummaryDto }) {
  const next = c.next_followup;
  if (!next) return <span className="muted">None pending</span>;
  if (!next.due_at) return <Badge tone="warn">on hold</Badge>;
  return (
    <span className="stack">
      <span>
        {formatInZone(next.due_at, next.timezone)} <span className="muted small">({next.timezone ?? 'UTC'})</span>
      </span>
      <span className="muted small">
        {scenarioName(next.scenario)} · step {next.step} · {relative(next.due_at)}
        {next.status !== 'scheduled' ? ` · ${next.status.replace('_', ' ')}` : ''}
      </span>
    </span>
  );
}

/** Who is being followed up: contact, channel, last message, bot, next follow-up in the contact's time; searched, filtered, paged. */
export function ConversationsPage() {
  const api = useApi();
  const [filters, setFilters] = useState<Filters>({ q: '', channel: '', has_pending: '', bot_status: '' });
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  const [list] = useLoad(
    () => api.get<ConversationListDto>(`/conversations${query({ ...filters, limit: PAGE_SIZE, cursor })}`),
    [api, filters.q, filters.channel, filters.has_pending, filters.bot_status, cursor],
  );
  const set = (key: keyof Filters) => (value: string) => {
    setCursors([]);
    setFilters((f) => ({ ...f, [key]: value }));
  };

  return (
    <section aria-labelledby="conversations-title">
      <div className="page-head">
        <h1 id="conversations-title">Conversations</h1>
        <p className="muted">Who is being followed up, when, and on which channel. Times are the contact's local time.</p>
      </div>
      <form className="filters card" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field grow">
          <label htmlFor="search">Search</label>
          <input
            id="search"
            type="search"
            placeholder="Name, email or phone"
            value={filters.q}
            onChange={(e) => set('q')(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="filter-channel">Channel</label>
          <select id="filter-channel" value={filters.channel} onChange={(e) => set('channel')(e.target.value)}>
            <option value="">All channels</option>
            {CHANNEL_TYPES.map((c) => (
              <option key={c} value={c}>
                {channelName(c)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-pending">Follow-ups</label>
          <select id="filter-pending" value={filters.has_pending} onChange={(e) => set('has_pending')(e.target.value)}>
            <option value="">Any</option>
            <option value="true">With a pending follow-up</option>
            <option value="false">Without</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-bot">Bot status</label>
          <select id="filter-bot" value={filters.bot_status} onChange={(e) => set('bot_status')(e.target.value)}>
            <option value="">Any</option>
            {BOT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.replace('_', ' ')}
              </option>
            ))}
          </select>
        </div>
      </form>
      {list.state === 'loading' ? <Loading what="conversations" /> : null}
      {list.state === 'error' ? <ErrorMessage error={list.error} title="The conversations could not be loaded" /> : null}
      {list.state === 'ready' && list.data.data.length === 0 ? (
        <Empty title="No conversation matches">Conversations appear here when contacts write in or an agent starts one.</Empty>
      ) : null}
      {list.state === 'ready' && list.data.data.length > 0 ? (
        <div className="card table-card">
          <table className="table responsive">
            <caption className="visually-hidden">Conversations</caption>
            <thead>
              <tr>
                <th scope="col">Contact</th>
                <th scope="col">Channel</th>
                <th scope="col">Last message</th>
                <th scope="col">Bot</th>
                <th scope="col">Next follow-up</th>
              </tr>
            </thead>
            <tbody>
              {list.data.data.map((c) => (
                <tr key={c.id}>
                  <td data-label="Contact">
                    <Link to={`${BASE}/conversations/${encodeURIComponent(c.id)}`} className="row-link">
                      {c.contact?.name || c.contact?.phone || c.contact?.email || 'Unnamed contact'}
                    </Link>
                  </td>
                  <td data-label="Channel">{channelName(c.channel)}</td>
                  <td data-label="Last message" className="clip">
                    {c.last_message ? (
                      <>
                        <span className="muted small">{c.last_message.direction === 'inbound' ? 'Contact: ' : 'Us: '}</span>
                        {c.last_message.body}
                      </>
                    ) : (
                      <span className="muted">No message yet</span>
                    )}
                  </td>
                  <td data-label="Bot">
                    <Badge tone={statusTone(c.bot_status)}>{c.bot_status.replace('_', ' ')}</Badge>
                  </td>
                  <td data-label="Next follow-up">
                    <NextFollowup c={c} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {list.state === 'ready' ? (
        <nav className="pager" aria-label="Pages">
          <button type="button" className="button secondary" disabled={!cursors.length} onClick={() => setCursors((c) => c.slice(0, -1))}>
            Previous page
          </button>
          <button
            type="button"
            className="button secondary"
            disabled={!list.data.next_cursor}
            onClick={() => list.data.next_cursor && setCursors((c) => [...c, list.data.next_cursor as string])}
          >
            Next page
          </button>
        </nav>
      ) : null}
    </section>
  );
}
