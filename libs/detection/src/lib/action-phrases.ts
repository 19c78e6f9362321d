import type { AgentPhrases } from './intent-detector';

/** An agent's action as stored: its type and its details (seed 000's shapes). */
export interface ActionLike {
  type: string;
  details: unknown;
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** Answers by list: the store's catalog hands every webhook of a location the same (read-only) list. */
const BY_LIST = new WeakMap<readonly ActionLike[], AgentPhrases>();

/**
 * The phrases an agent's enabled actions add to the detector (seed 000): `humanHandOver.examples`,
 * `stopBot.stopBotExamples`, `transferBot.transferBotExamples`. The same list gets the same object,
 * so the detector finds its compiled phrases by object, without reading their content again.
 */
export function actionPhrases(actions: readonly ActionLike[]): AgentPhrases {
  let phrases = BY_LIST.get(actions);
  if (!phrases) BY_LIST.set(actions, (phrases = readPhrases(actions)));
  return phrases;
}

function readPhrases(actions: readonly ActionLike[]): AgentPhrases {
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
