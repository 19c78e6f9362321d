import type { FollowupAnalyticsDto, SearchConversationAgentsResponseDto } from '@followup/contracts';
import { useState } from 'react';
import { query } from '../api/api.client';
import { useApi } from '../app.component';
import { channelName, scenarioName } from '../format/reasons.format';
import { Empty, ErrorMessage, Loading } from '../ui/states.component';
import { useLoad } from '../ui/use-load.hook';
import { BarChart } from './bar-chart.component';

const day = (d: Date) => d.toISOString().slice(0, 10);
const pct = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

/** Which steps and channels get replies: GET /analytics/followups, drawn and tabulated. */
export function AnalyticsPage() {
  const api = useApi();
  // Empty: the API's default, the 30 days before the gateway's now; the answer's range fills the fields.
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [agentId, setAgentId] = useState('');
  const [agents] = useLoad(() => api.get<SearchConversationAgentsResponseDto>('/conversation-ai/agents/search?limit=100'), [api]);
  const [data] = useLoad(() => {
    const end = to ? new Date(`${to}T00:00:00Z`) : null;
    end?.setUTCDate(end.getUTCDate() + 1);
    const range = { from: from ? `${from}T00:00:00Z` : undefined, to: end?.toISOString() };
    return api.get<FollowupAnalyticsDto>(`/analytics/followups${query({ ...range, agent_id: agentId || undefined })}`);
  }, [api, from, to, agentId]);
  const shownFrom = from || (data.state === 'ready' ? day(new Date(data.data.from)) : '');
  const shownTo = to || (data.state === 'ready' ? day(new Date(new Date(data.data.to).getTime() - 1)) : '');

  return (
    <section aria-labelledby="analytics-title">
      <div className="page-head">
        <h1 id="analytics-title">Analytics</h1>
        <p className="muted">A reply counts for the last follow-up sent before it in its conversation, within a week of it.</p>
      </div>
      <form className="filters card" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="from">From</label>
          <input id="from" type="date" value={shownFrom} max={shownTo} onChange={(e) => e.target.value && setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="to">To</label>
          <input
            id="to"
            type="date"
            value={shownTo}
            min={shownFrom}
            onChange={(e) => e.target.value && (setTo(e.target.value), setFrom(shownFrom))}
          />
        </div>
        <div className="field">
          <label htmlFor="analytics-agent">Agent</label>
          <select id="analytics-agent" value={agentId} onChange={(e) => setAgentId(e.target.value)}>
            <option value="">All agents</option>
            {agents.state === 'ready'
              ? agents.data.agents.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))
              : null}
          </select>
        </div>
      </form>
      <h2>Reply rate</h2>
      {data.state === 'loading' ? <Loading what="the figures" /> : null}
      {data.state === 'error' ? <ErrorMessage error={data.error} title="The figures could not be loaded" /> : null}
      {data.state === 'ready' && data.data.by_step.length === 0 && data.data.by_channel.length === 0 ? (
        <Empty title="No follow-up went out in this period">Choose a longer period, or come back once follow-ups have been sent.</Empty>
      ) : null}
      {data.state === 'ready' && (data.data.by_step.length > 0 || data.data.by_channel.length > 0) ? (
        <div className="analytics-grid">
          <div className="card">
            <h3 className="card-title">Per step</h3>
            <BarChart
              title="Reply rate per step"
              bars={data.data.by_step.map((s) => ({ label: `${scenarioName(s.scenario)} · ${s.step}`, value: s.reply_rate, detail: '' }))}
            />
            <table className="table numbers">
              <caption className="visually-hidden">Per step</caption>
              <thead>
                <tr>
                  <th scope="col">Step</th>
                  <th scope="col">Sent</th>
                  <th scope="col">Delivered</th>
                  <th scope="col">Replied</th>
                  <th scope="col">Reply rate</th>
                </tr>
              </thead>
              <tbody>
                {data.data.by_step.map((s) => (
                  <tr key={`${s.scenario}-${s.step}`}>
                    <th scope="row">{`${scenarioName(s.scenario)} · step ${s.step}`}</th>
                    <td>{s.sent}</td>
                    <td>{s.delivered}</td>
                    <td>{s.replied}</td>
                    <td>{pct(s.reply_rate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="card">
            <h3 className="card-title">Per channel</h3>
            <BarChart
              title="Reply rate per channel"
              bars={data.data.by_channel.map((c) => ({ label: channelName(c.channel), value: c.reply_rate, detail: '' }))}
            />
            <table className="table numbers">
              <caption className="visually-hidden">Per channel</caption>
              <thead>
                <tr>
                  <th scope="col">Channel</th>
                  <th scope="col">Sent</th>
                  <th scope="col">Delivered</th>
                  <th scope="col">Failed</th>
                  <th scope="col">Replied</th>
                  <th scope="col">Reply rate</th>
                </tr>
              </thead>
              <tbody>
                {data.data.by_channel.map((c) => (
                  <tr key={c.channel}>
                    <th scope="row">{channelName(c.channel)}</th>
                    <td>{c.sent}</td>
                    <td>{c.delivered}</td>
                    <td>{c.failed}</td>
                    <td>{c.replied}</td>
                    <td>{pct(c.reply_rate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </section>
  );
}
