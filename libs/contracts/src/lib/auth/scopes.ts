/**
 * API token scopes: the seeds' (a `.write` scope also grants the matching `.readonly`),
 * `metrics` for Prometheus' scrape of `GET /metrics` (a token that may read nothing else), and
 * `tokens.*` for the location's own tokens over HTTP (`/tokens`, the dashboard's Tokens page).
 */
export const SCOPES = [
  'conversation-ai.readonly',
  'conversation-ai.write',
  'voice-ai-agents.readonly',
  'voice-ai-agents.write',
  'followups.readonly',
  'followups.write',
  'metrics',
  'tokens.readonly',
  'tokens.write',
] as const;
export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** True when `granted` satisfies `required` (a write scope implies its readonly twin). */
export function grantsScope(granted: readonly string[], required: Scope): boolean {
  if (granted.includes(required)) return true;
  return required.endsWith('.readonly') && granted.includes(required.replace(/\.readonly$/, '.write'));
}
