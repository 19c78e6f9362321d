import type { MessageIntent, ScenarioId } from '@followup/contracts';

/**
 * What each intent of an inbound reply starts: the seed scenario whose advancedFollowup action
 * schedules the follow-ups. The one table the planner reads; an intent that maps to nothing starts
 * no sequence (the reply still cancels what was pending). goodbye, wants_human and not_interested
 * start none: the engine runs their seed actions (stop the bot, hand over, mark the lead).
 */
export const INTENT_SCENARIOS: Readonly<Record<MessageIntent, ScenarioId | null>> = {
  busy: 'contactIsBusy',
  requested_followup: 'contactRequested',
  goodbye: null,
  wants_human: null,
  not_interested: null,
  none: null,
};

/** The scenario a reply with this intent starts, if any. */
export function scenarioForIntent(intent: string | null | undefined): ScenarioId | null {
  return intent && intent in INTENT_SCENARIOS ? INTENT_SCENARIOS[intent as MessageIntent] : null;
}
