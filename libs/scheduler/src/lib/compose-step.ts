import type { OutboundTemplate } from '@followup/channels-core';
import { MessageComposer, composeTemplate } from '@followup/composer';
import { Reason, reason } from '@followup/contracts';
import type { ContactEntity, ConversationAgentEntity, ConversationEntity, FollowupEntity } from '@followup/persistence';
import { ChannelChoice, connectionTemplate } from '@followup/routing';
import type { StepSpec } from '@followup/timing';
import type { BatchContext } from './batch-context';

/** What a step says: a text (or a template and its rendering), or why it cannot be written now. */
export type Composed = { text: string; template?: OutboundTemplate; fallback?: Reason } | { unavailable: Reason };

export interface ComposeStepInput {
  composer: MessageComposer;
  row: FollowupEntity;
  choice: ChannelChoice;
  conversation: ConversationEntity;
  contact: ContactEntity;
  agent: ConversationAgentEntity;
  /** The advancedFollowup step the row follows (none for a seed 003 configuration's step). */
  step?: StepSpec;
  stepCount?: number;
  ctx: BatchContext;
}

/** A configuration step's prompt, written by the AI composer as an AI-enabled step without a custom message. */
const promptStep = (row: FollowupEntity): StepSpec => ({
  id: row.step ?? 1,
  followupTime: 1,
  followupTimeUnit: 'minutes',
  aiEnabledMessage: true,
});

/**
 * The text of a step, in order: a template where the channel's session takes only templates (the
 * step's own, else the connection's re-engagement template), a configuration step's template where
 * the channel takes templates, the text the row was first given (a retry reuses it), else the
 * composer's (custom message, or AI-written from the step or the configuration's prompt).
 */
export async function composeStep(i: ComposeStepInput): Promise<Composed> {
  const { row, choice, contact, agent } = i;
  const own = row.stepSpec?.template;
  if (choice.asTemplate || (own && choice.adapter.capabilities.templates)) {
    const spec = own ?? connectionTemplate(choice.connection);
    if (!spec) return { unavailable: reason('session_closed', `no template to send on ${choice.channel}`) };
    const { body, ...template } = composeTemplate(spec, contact, agent);
    return { text: body, template };
  }
  if (row.body) return { text: row.body };
  const prompt = row.stepSpec?.prompt;
  if (row.stepSpec && !prompt) {
    return {
      unavailable: reason('template_unsupported', `the step is the template ${own?.name ?? '?'} and ${choice.channel} takes no templates`),
    };
  }
  const step = row.stepSpec ? promptStep(row) : i.step;
  if (!step) return { unavailable: reason('step_removed', 'the sequence no longer has this step') };
  return i.composer.compose({
    step,
    scenario: row.scenario ?? '',
    contact,
    agent,
    stepNumber: row.step ?? 1,
    stepCount: i.stepCount,
    prompt,
    history: i.ctx.history.get(i.conversation.id),
    maxLength: choice.adapter.capabilities.maxLength,
    channel: choice.channel,
  });
}
