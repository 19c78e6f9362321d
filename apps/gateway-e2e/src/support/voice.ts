import { Api } from './http';

/** The agents a voice test needs (one expect-free setup; the spec checks what it is about). */
export interface VoiceAgents {
  /** A Conversation AI agent (New York) whose stopped-replying sequence calls twice: after 1 hour, then 2 more. */
  agentId: string;
  /** A Voice AI agent (seed 002) open Monday to Friday 9:00-17:00 in New York, 600 s calls, with a welcome. */
  voiceAgentId: string;
}

const step = (id: number, hours: number, customMessage: string) => ({
  id,
  followupTimeUnit: 'hours',
  followupTime: hours,
  aiEnabledMessage: false,
  customMessage,
});

async function created(reply: Promise<{ status: number; body: { id?: string; data?: { id?: string } } }>, what: string) {
  const answer = await reply;
  const id = answer.body.id ?? answer.body.data?.id;
  if (answer.status !== 201 || !id) throw new Error(`${what} was not created (${answer.status}): ${JSON.stringify(answer.body)}`);
  return id;
}

export async function createVoiceAgents(api: Api, locationId: string): Promise<VoiceAgents> {
  const agentId = await created(
    api.post('/conversation-ai/agents', {
      name: 'Lead Bot',
      businessName: 'Acme Dental',
      personality: 'p',
      goal: 'g',
      instructions: 'i',
      timezone: 'America/New_York',
    }),
    'the Conversation AI agent',
  );
  const sequence = [
    step(1, 1, 'Hi {{contact.first_name}}, this is Acme Dental about your cleaning.'),
    step(2, 2, 'Hi {{contact.first_name}}, Acme Dental again: call us back!'),
  ];
  await created(
    api.post(`/conversation-ai/agents/${agentId}/actions`, {
      type: 'advancedFollowup',
      name: 'Stopped replying',
      details: { enabled: true, scenarioId: 'contactStoppedReplying', followupSequence: sequence },
    }),
    'the stopped-replying action',
  );
  const weekdays = [1, 2, 3, 4, 5].map((day) => ({
    dayOfTheWeek: day,
    intervals: [{ startHour: 9, startMinute: 0, endHour: 17, endMinute: 0 }],
  }));
  const voiceAgentId = await created(
    api.post('/voice-ai/agents', {
      locationId,
      agentName: 'Front desk',
      welcomeMessage: 'Thanks for calling Acme Dental! Connecting you now.',
      maxCallDuration: 600,
      agentWorkingHours: weekdays,
      timezone: 'America/New_York',
    }),
    'the Voice AI agent',
  );
  return { agentId, voiceAgentId };
}

/** A humanHandOver action for contacts who ask for the manager: assigns the conversation to user-7, with a final message. */
export function addHandover(api: Api, agentId: string): Promise<string> {
  return created(
    api.post(`/conversation-ai/agents/${agentId}/actions`, {
      type: 'humanHandOver',
      name: 'Handover',
      details: {
        enabled: true,
        triggerCondition: 'the contact asks for a person',
        handoverType: 'contactRequest',
        examples: ['put me through to the manager'],
        assignToUserId: 'user-7',
        finalMessage: 'A teammate will take it from here.',
        reactivateEnabled: false,
      },
    }),
    'the humanHandOver action',
  );
}
