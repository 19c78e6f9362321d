import { randomBytes } from 'node:crypto';

/** The contact details the widget may ask a visitor for. */
export const DETAIL_FIELDS = ['name', 'email', 'phone'] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

/** A connection's settings with every default filled in. */
export interface LiveChatSettings {
  /** The origins (`https://www.acme.com`) of the pages that may embed the widget; sockets from others are refused. */
  allowed_origins: string[];
  /** Signs visitor ids (HMAC-SHA256): the business's server signs its signed-in users' ids with it. */
  identity_secret: string;
  /** With no visitor socket open for this long, the chat session is inactive (the router may switch). */
  idle_timeout_minutes: number;
  title: string;
  /** The widget's accent colour, `#rrggbb`. */
  color: string;
  greeting: string;
  /** The contact details the widget asks for before the first message. */
  ask_for: DetailField[];
  /** The longest visitor message, in characters. */
  max_message_length: number;
  /** Visitor messages one socket may send per minute (bursts of up to 5 at once). */
  messages_per_minute: number;
}

export const DEFAULTS = {
  idle_timeout_minutes: 30,
  title: 'Chat with us',
  color: '#2563eb',
  greeting: 'Hi! How can we help?',
  ask_for: [] as DetailField[],
  max_message_length: 2000,
  messages_per_minute: 30,
} as const;

export const SETTINGS = [
  'allowed_origins',
  'identity_secret',
  'idle_timeout_minutes',
  'title',
  'color',
  'greeting',
  'ask_for',
  'max_message_length',
  'messages_per_minute',
] as const;
export const SECRET_SETTINGS = ['identity_secret'] as const;

/** The longest text the chat takes in one message, either way. */
export const MAX_LENGTH = 4096;

const isInt = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isText = (v: unknown, max: number) => typeof v === 'string' && v.trim().length > 0 && v.length <= max;

/** `https://www.acme.com` as a browser sends it in `Origin`: scheme, host and port only. */
export function isOrigin(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

/** Problems with a connection's settings, one line each naming the field (`settings.<field> ...`). */
export function validateLiveChatSettings(s: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const problem = (field: string, text: string) => problems.push(`settings.${field} ${text}`);
  const origins = s['allowed_origins'];
  if (!Array.isArray(origins) || origins.length === 0 || origins.length > 50 || !origins.every(isOrigin))
    problem(
      'allowed_origins',
      'must list 1 to 50 origins of the pages that embed the widget, each as a browser sends it (https://www.acme.com, no path or trailing slash)',
    );
  const secret = s['identity_secret'];
  if (typeof secret !== 'string' || !/^[\x21-\x7e]{32,256}$/.test(secret))
    problem('identity_secret', 'must be 32 to 256 printable characters without spaces (leave it out to have one generated)');
  const check = (field: keyof typeof DEFAULTS, ok: (v: unknown) => boolean, text: string) => {
    if (s[field] !== undefined && !ok(s[field])) problem(field, text);
  };
  check('idle_timeout_minutes', (v) => isInt(v, 2, 1440), 'must be a whole number of minutes from 2 to 1440 (default 30)');
  check('title', (v) => isText(v, 60), 'must be a non-empty text of at most 60 characters');
  check('color', (v) => typeof v === 'string' && /^#[0-9a-fA-F]{6}$/.test(v), 'must be a colour as #rrggbb');
  check('greeting', (v) => isText(v, 500), 'must be a non-empty text of at most 500 characters');
  check(
    'ask_for',
    (v) => Array.isArray(v) && v.every((f) => (DETAIL_FIELDS as readonly unknown[]).includes(f)) && new Set(v).size === v.length,
    `must list contact details to ask for, each once: ${DETAIL_FIELDS.join(', ')}`,
  );
  check('max_message_length', (v) => isInt(v, 1, MAX_LENGTH), `must be a whole number from 1 to ${MAX_LENGTH} (default 2000)`);
  check('messages_per_minute', (v) => isInt(v, 1, 600), 'must be a whole number from 1 to 600 (default 30)');
  for (const key of Object.keys(s))
    if (!(SETTINGS as readonly string[]).includes(key)) problem(key, `is not a live chat setting (${SETTINGS.join(', ')})`);
  return problems;
}

/** Fills in the identity secret when it is left out (shown once, in the answer that creates the connection). */
export function completeLiveChatSettings(settings: Record<string, unknown>): Record<string, unknown> {
  return settings['identity_secret'] === undefined ? { ...settings, identity_secret: randomBytes(32).toString('hex') } : settings;
}

/** A stored connection's settings with the defaults filled in (they were validated when written). */
export function liveChatSettings(raw: Readonly<Record<string, unknown>>): LiveChatSettings {
  return { ...DEFAULTS, ...(raw as Partial<LiveChatSettings>) } as LiveChatSettings;
}
