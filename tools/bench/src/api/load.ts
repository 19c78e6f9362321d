import { Agent } from 'node:http';
import { LoadResult, LoadWindow, Sent, closedLoop, httpRequest, loadMain } from '../load/closed-loop';

/** What one API load run is told (JSON in argv[2]). */
export interface ApiLoadSpec extends LoadWindow {
  /** The gateway's base URL, e.g. http://127.0.0.1:4000. */
  url: string;
  token: string;
  agentId: string;
  /** Makes this run's phone numbers and provider ids unique across runs (up to 10) against the same store. */
  run: number;
  texts: string[];
}

/** The writes a client makes for one lead, in order; each is one request. */
const API_WRITES = ['contact', 'conversation', 'outbound message', 'inbound message', 'follow-up record'] as const;

/**
 * API writes as a CRM integration makes them, in a closed loop: each worker walks leads through
 * POST /contacts, POST /conversations, an outbound and an inbound POST /conversations/:id/messages
 * (the inbound one runs detection, cancels and schedules), and a manual POST /followups record.
 */
async function run(spec: ApiLoadSpec): Promise<LoadResult> {
  const base = new URL(spec.url);
  const agent = new Agent({ keepAlive: true, maxSockets: spec.connections });
  const leads = Array.from({ length: spec.connections }, () => ({ step: 0, n: 0, contactId: '', conversationId: '' }));
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
  const post = async (path: string, payload: unknown): Promise<{ status: number | 'error'; id: string }> => {
    const body = JSON.stringify(payload);
    const headers = {
      authorization: `Bearer ${spec.token}`,
      version: '2021-04-15',
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    };
    const answer = await httpRequest(agent, new URL(path, base), 'POST', headers, body);
    let id = '';
    if (answer.status !== 'error' && answer.status < 300) {
      const parsed = JSON.parse(answer.text) as { id?: string; data?: { id?: string } };
      id = parsed.id ?? parsed.data?.id ?? '';
    }
    return { status: answer.status, id };
  };
  const result = await closedLoop(spec, async (n, worker): Promise<Sent> => {
    const lead = leads[worker] as (typeof leads)[number];
    const kind = API_WRITES[lead.step] as string;
    const key = `r${spec.run}${worker.toString(36)}x${lead.n.toString(36)}`;
    let answer: { status: number | 'error'; id: string };
    if (lead.step === 0) {
      const phone = `+1666${spec.run % 10}${String(n % 1_000_000).padStart(6, '0')}`;
      answer = await post('/contacts', { name: `Lead ${key}`, phone, tags: ['bench'] });
      lead.contactId = answer.id;
    } else if (lead.step === 1) {
      answer = await post('/conversations', { contact_id: lead.contactId, agent_id: spec.agentId, channel: 'sms' });
      lead.conversationId = answer.id;
    } else if (lead.step === 2) {
      answer = await post(`/conversations/${lead.conversationId}/messages`, {
        direction: 'outbound',
        body: 'Hi, are you still interested?',
      });
    } else if (lead.step === 3) {
      const text = spec.texts[n % spec.texts.length] as string;
      answer = await post(`/conversations/${lead.conversationId}/messages`, {
        direction: 'inbound',
        body: text,
        provider_message_id: `api-${key}`,
      });
    } else {
      answer = await post('/followups', { type: 'manual_call', contact_id: lead.contactId, scheduled_at: tomorrow, notes: 'Call back' });
    }
    // A failed write starts a new lead (the next steps would name what it did not create).
    const failed = answer.status === 'error' || answer.status >= 300;
    lead.step = failed || lead.step === API_WRITES.length - 1 ? 0 : lead.step + 1;
    if (lead.step === 0) lead.n++;
    return { kind, status: answer.status };
  });
  agent.destroy();
  return result;
}

loadMain(run);
