import type { AgentPhrases } from './intent-detector';

/** An agent's action as stored: its type and its details (seed 000's shapes). */
export interface ActionLike {
  type: string;
  details: unknown;
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/**
 * The phrases an agent's enabled actions add to the detector (seed 000): `humanHandOver.examples`,
 * `stopBot.stopBotExamples`, `transferBot.transferBotExamples`.
 */
export function actionPhrases(actions: readonly ActionLike[]): AgentPhrases {
  const phrases: AgentPhrases = {};
  for (const action of actions) {
    const details = (action.details ?? {}) as Record<string, unknown>;
    if (details['enabled'] !== true) continue;
    if (action.type === 'humanHandOver') phrases.humanHandOver = list(details['examples']);
    if (action.type === 'stopBot') phrases.stopBot = list(details['stopBotExamples']);
    if (action.type === 'transferBot') phrases.transferBot = list(details['transferBotExamples']);
  }
  return phrases;
}
