import type { ContactEntity, ConversationAgentEntity } from '@followup/persistence';
import type { StepSpec } from '@followup/timing';

export interface ComposeInput {
  step: StepSpec;
  scenario: string;
  contact: ContactEntity;
  agent: ConversationAgentEntity;
}

export type ComposeResult = { text: string } | { unavailable: string };

/** Writes the text of a follow-up step. The AI implementation plugs in here. */
export abstract class MessageComposer {
  abstract compose(input: ComposeInput): Promise<ComposeResult>;
}

function firstName(contact: ContactEntity): string {
  return contact.firstName ?? contact.name?.trim().split(/\s+/)[0] ?? '';
}

/** Values of the `{{...}}` variables a custom message may use (case and _ / camelCase insensitive). */
function variables(contact: ContactEntity, agent: ConversationAgentEntity): Record<string, string> {
  return {
    'contact.first_name': firstName(contact),
    'contact.name': contact.name ?? firstName(contact),
    'contact.email': contact.email ?? '',
    'contact.phone': contact.phone ?? '',
    'agent.name': agent.name,
    'agent.business_name': agent.businessName ?? agent.name,
    'location.name': agent.businessName ?? '',
  };
}

const normalise = (key: string) =>
  key
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();

export function renderTemplate(template: string, values: Record<string, string>): string {
  return template
    .replace(/\{\{\s*([^}]+?)\s*\}\}/g, (_m, key: string) => values[normalise(key)] ?? '')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/\s+([,.!?])/g, '$1')
    .trim();
}

export const AI_UNAVAILABLE =
  'ai_composer_unavailable: this step asks for an AI-written message and no AI composer is configured; give the step a customMessage (aiEnabledMessage: false) to send it';

/**
 * Custom messages with their variables filled in. AI-written steps are not sent: the follow-up
 * is held with a reason that says so, rather than sending invented text.
 */
export class TemplateComposer extends MessageComposer {
  async compose({ step, contact, agent }: ComposeInput): Promise<ComposeResult> {
    if (step.aiEnabledMessage !== false || !step.customMessage) return { unavailable: AI_UNAVAILABLE };
    const text = renderTemplate(step.customMessage, variables(contact, agent));
    return text ? { text } : { unavailable: 'empty_message: the custom message is empty once its variables are filled in' };
  }
}
