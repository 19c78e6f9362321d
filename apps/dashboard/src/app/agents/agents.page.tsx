import type { ActionListEnvelopeDto, SearchConversationAgentsResponseDto } from '@followup/contracts';
import { useState } from 'react';
import { useApi } from '../app.component';
import { scenarioName } from '../format/reasons.format';
import { Empty, ErrorMessage, Loading } from '../ui/states.component';
import { useLoad } from '../ui/use-load.hook';
import { SettingsFormPanel } from './settings-form.component';

/** Agents: pick an agent and one of its follow-up sequences, edit its settings, preview them. */
export function AgentsPage() {
  const api = useApi();
  const [agents] = useLoad(() => api.get<SearchConversationAgentsResponseDto>('/conversation-ai/agents/search?limit=100'), [api]);
  const [agentId, setAgentId] = useState<string | null>(null);
  const current = agentId ?? (agents.state === 'ready' ? (agents.data.agents[0]?.id ?? null) : null);
  const [actions, reload] = useLoad(
    async () =>
      current
        ? (await api.get<ActionListEnvelopeDto>(`/conversation-ai/agents/${encodeURIComponent(current)}/actions/list`)).data.filter(
            (a) => a.type === 'advancedFollowup',
          )
        : [],
    [api, current],
  );
  const [actionId, setActionId] = useState<string | null>(null);
  const action = actions.state === 'ready' ? (actions.data.find((a) => a.id === actionId) ?? actions.data[0]) : undefined;

  return (
    <section aria-labelledby="agents-title">
      <div className="page-head">
        <h1 id="agents-title">Agents</h1>
        <p className="muted">The follow-up sequences of each agent: when they may go out, in whose time zone, and on which channels.</p>
      </div>
      {agents.state === 'loading' ? <Loading what="agents" /> : null}
      {agents.state === 'error' ? <ErrorMessage error={agents.error} title="The agents could not be loaded" /> : null}
      {agents.state === 'ready' && agents.data.agents.length === 0 ? (
        <Empty title="No agent yet">Create a Conversation AI agent through the API; its follow-up settings appear here.</Empty>
      ) : null}
      {agents.state === 'ready' && current ? (
        <div className="filters card">
          <div className="field">
            <label htmlFor="agent">Agent</label>
            <select id="agent" value={current} onChange={(e) => (setAgentId(e.target.value), setActionId(null))}>
              {agents.data.agents.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
          {actions.state === 'ready' && actions.data.length > 0 ? (
            <div className="field">
              <label htmlFor="sequence">Sequence</label>
              <select id="sequence" value={action?.id} onChange={(e) => setActionId(e.target.value)}>
                {actions.data.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name} ({scenarioName(a.details['scenarioId'] as string)})
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </div>
      ) : null}
      {actions.state === 'error' ? <ErrorMessage error={actions.error} title="The sequences could not be loaded" /> : null}
      {actions.state === 'ready' && current && actions.data.length === 0 ? (
        <Empty title="This agent has no follow-up sequence">Add an advancedFollowup action to the agent.</Empty>
      ) : null}
      {action && current ? <SettingsFormPanel key={action.id} agentId={current} action={action} onSaved={reload} /> : null}
    </section>
  );
}
