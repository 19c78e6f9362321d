import type { OutboundTemplate } from '@followup/channels-core';
import { Reason, reason } from '@followup/contracts';
import type { ContactEntity, ConversationAgentEntity } from '@followup/persistence';
import type { StepSpec } from '@followup/timing';

/** One message of the conversation, as the AI composer shows it to the model. */
export interface ConversationTurn {
  /** `inbound`: the lead wrote it; `outbound`: the agent (or a person for it) sent it. */
  direction: 'inbound' | 'outbound';
  body: string;
  at: Date;
}

/**
 * What the dispatcher knows about a due step. The optional fields feed the AI composer; the
 * template composer reads only the step, the contact and the agent.
 */
export interface ComposeInput {
  step: StepSpec;
  /** Seed 001's scenario id (contactStoppedReplying, contactIsBusy, contactRequested), or another name. */
  scenario: string;
  contact: ContactEntity;
  agent: ConversationAgentEntity;
  /** This step's position in its sequence (1-based) and the sequence's length. */
  stepNumber?: number;
  stepCount?: number;
  /** Seed 003's free-text purpose of the step ("Offer a product demo"). */
  prompt?: string;
  /** The conversation's recent messages, oldest first. */
  history?: ConversationTurn[];
  /** The chosen channel's maximum length, in characters (UTF-16 code units, as `String.length`). */
  maxLength?: number;
  /** The chosen channel (sms, whatsapp, email, live_chat...). */
  channel?: string;
  /** The language to write in when the conversation does not show one (`pt-BR`, `es`, a template's language). */
  language?: string;
}

/**
 * The text, or why the step cannot be written now (the follow-up is held with that reason).
 * `fallback`: the AI composer could not write the step (why) and the text is its customMessage.
 */
export type ComposeResult = { text: string; fallback?: Reason } | { unavailable: Reason };

/** Writes the text of a follow-up step. The AI implementation plugs in here. */
export abstract class MessageComposer {
  abstract compose(input: ComposeInput): Promise<ComposeResult>;
}

/** The contact's first name: `firstName`, else the first word of `name`. */
export function firstName(contact: ContactEntity): string {
  return contact.firstName ?? contact.name?.trim().split(/\s+/)[0] ?? '';
}

/** Values of the `{{...}}` variables a custom message may use (case and _ / camelCase insensitive). */
export function variables(contact: ContactEntity, agent: Readonly<ConversationAgentEntity> | null): Record<string, string> {
  const first = firstName(contact);
  const lead = { first_name: first, name: contact.name ?? first, email: contact.email ?? '', phone: contact.phone ?? '' };
  return {
    'contact.first_name': lead.first_name,
    'contact.name': lead.name,
    'contact.email': lead.email,
    'contact.phone': lead.phone,
    // Seed 003's spelling of the same values in template parameters: {{LEAD_FIRSTNAME}}, {{LEAD_NAME}}, ...
    lead_firstname: lead.first_name,
    lead_first_name: lead.first_name,
    lead_name: lead.name,
    lead_email: lead.email,
    lead_phone: lead.phone,
    'agent.name': agent?.name ?? '',
    'agent.business_name': agent?.businessName ?? agent?.name ?? '',
    'location.name': agent?.businessName ?? '',
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

/** A template as a step or configuration names it: parameters may use the contact's variables. */
export interface TemplateSpec {
  name: string;
  language: string;
  params?: string[];
}

/**
 * A template message for a contact: its parameters filled in (`{{LEAD_FIRSTNAME}}`,
 * `{{contact.first_name}}`, ...), and a readable rendering for the record and the timeline.
 */
export function composeTemplate(
  spec: TemplateSpec,
  contact: ContactEntity,
  agent: Readonly<ConversationAgentEntity> | null,
): OutboundTemplate & { body: string } {
  const values = variables(contact, agent);
  const params = (spec.params ?? []).map((p) => renderTemplate(p, values));
  const body = `[template ${spec.name} (${spec.language})${params.length ? `: ${params.join(' | ')}` : ''}]`;
  return { name: spec.name, language: spec.language, params, body };
}

export const AI_UNAVAILABLE: Reason = reason(
  'ai_composer_unavailable',
  'this step asks for an AI-written message and no AI composer is configured; give the step a customMessage (aiEnabledMessage: false) to send it',
);

/**
 * Custom messages with their variables filled in. AI-written steps are not sent: the follow-up
 * is held with a reason that says so, rather than sending invented text.
 */
export class TemplateComposer extends MessageComposer {
  async compose({ step, contact, agent }: ComposeInput): Promise<ComposeResult> {
    if (step.aiEnabledMessage !== false || !step.customMessage) return { unavailable: AI_UNAVAILABLE };
    const text = renderTemplate(step.customMessage, variables(contact, agent));
    return text ? { text } : { unavailable: reason('empty_message', 'the custom message is empty once its variables are filled in') };
  }
}
