import { randomBytes } from 'node:crypto';
import { literalUrlProblem } from '@followup/util';

export const GRAPH_API = 'https://graph.facebook.com';
/** The Graph API version requests name when the connection does not. */
export const DEFAULT_API_VERSION = 'v23.0';
/** The Cloud API's default throughput per phone number (Meta raises it to 1,000 on request). */
export const DEFAULT_MESSAGES_PER_SECOND = 80;

/** A template the engine may send when the 24-hour window is closed (the contact has not written for a day). */
export interface ReengagementTemplate {
  name: string;
  /** The template's language code as approved (`en`, `en_US`, `pt_BR`). */
  language: string;
  /** Body parameters in order; they may use the contact's variables (`{{contact.first_name}}`). */
  params: string[];
}

/** A connection's settings, once validated. */
export interface WhatsappCloudSettings {
  phone_number_id: string;
  access_token: string;
  app_secret: string;
  verify_token: string;
  api_base_url?: string;
  api_version?: string;
  waba_id?: string;
  reengagement_template?: ReengagementTemplate;
  messages_per_second?: number;
}

export const SETTINGS = [
  'phone_number_id',
  'access_token',
  'app_secret',
  'verify_token',
  'api_base_url',
  'api_version',
  'waba_id',
  'reengagement_template',
  'messages_per_second',
] as const;
export const SECRET_SETTINGS = ['access_token', 'app_secret'] as const;

const GRAPH_ID = /^\d{5,25}$/;
const TOKEN = /^\S{16,}$/;

/** Problems with a connection's settings, one line each naming the field (`settings.<field> ...`). */
export function validateWhatsappSettings(s: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const problem = (field: string, text: string) => problems.push(`settings.${field} ${text}`);
  if (typeof s['phone_number_id'] !== 'string' || !GRAPH_ID.test(s['phone_number_id']))
    problem('phone_number_id', 'must be the Phone number ID of the WhatsApp number (digits, from WhatsApp > API Setup)');
  if (typeof s['access_token'] !== 'string' || !TOKEN.test(s['access_token']))
    problem('access_token', "must be a system user's permanent access token with whatsapp_business_messaging");
  if (typeof s['app_secret'] !== 'string' || !/^[0-9a-fA-F]{32}$/.test(s['app_secret']))
    problem('app_secret', "must be the Meta app's App Secret (32 hex digits, from App settings > Basic)");
  const verify = s['verify_token'];
  if (typeof verify !== 'string' || !/^[\x21-\x7e]{8,256}$/.test(verify))
    problem('verify_token', 'must be 8 to 256 printable characters without spaces (leave it out to have one generated)');
  const base = s['api_base_url'];
  if (base !== undefined && (typeof base !== 'string' || !/^https?:\/\/[^\s/]+\/?$/.test(base)))
    problem('api_base_url', `must be an http(s) URL without a path, such as ${GRAPH_API}`);
  else if (typeof base === 'string') {
    // A loopback or private address written in the URL (a name is checked when sending, after DNS).
    const refused = literalUrlProblem(base);
    if (refused) problems.push(`settings.api_base_url: ${refused}`);
  }
  const version = s['api_version'];
  if (version !== undefined && (typeof version !== 'string' || !/^v\d{1,3}\.\d{1,2}$/.test(version)))
    problem('api_version', `must be a Graph API version such as ${DEFAULT_API_VERSION}`);
  const waba = s['waba_id'];
  if (waba !== undefined && (typeof waba !== 'string' || !GRAPH_ID.test(waba)))
    problem('waba_id', 'must be the WhatsApp Business Account ID (digits)');
  const rate = s['messages_per_second'];
  if (rate !== undefined && (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0 || rate > 1000))
    problem('messages_per_second', 'must be a number above 0 and at most 1000 (the Cloud API allows 80 by default)');
  if (s['reengagement_template'] !== undefined) problems.push(...templateProblems(s['reengagement_template']));
  for (const key of Object.keys(s))
    if (!(SETTINGS as readonly string[]).includes(key)) problem(key, `is not a WhatsApp Cloud API setting (${SETTINGS.join(', ')})`);
  return problems;
}

function templateProblems(value: unknown): string[] {
  const field = 'settings.reengagement_template';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${field} must be an object {name, language, params}`];
  const t = value as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof t['name'] !== 'string' || !/^[a-z0-9_]{1,512}$/.test(t['name']))
    problems.push(`${field}.name must be an approved template's name (lower-case letters, digits and underscores)`);
  if (typeof t['language'] !== 'string' || !/^[a-z]{2,3}(_[A-Za-z]{2,4})?$/.test(t['language']))
    problems.push(`${field}.language must be the template's language code, such as en or pt_BR`);
  const params = t['params'];
  if (params !== undefined && (!Array.isArray(params) || params.some((p) => typeof p !== 'string' || !p.trim() || p.length > 1024)))
    problems.push(`${field}.params must be a list of non-empty texts (at most 1024 characters each)`);
  for (const key of Object.keys(t))
    if (!['name', 'language', 'params'].includes(key)) problems.push(`${field}.${key} is not a template field (name, language, params)`);
  return problems;
}

/** Fills in the verify token when it is left out (shown once in the answer that creates the connection). */
export function completeWhatsappSettings(settings: Record<string, unknown>): Record<string, unknown> {
  return settings['verify_token'] === undefined ? { ...settings, verify_token: randomBytes(24).toString('base64url') } : settings;
}

/** The endpoint a connection sends on: `{api_base_url}/{api_version}/{phone_number_id}/messages`. */
export function messagesUrl(s: WhatsappCloudSettings): string {
  const base = (s.api_base_url ?? GRAPH_API).replace(/\/+$/, '');
  return `${base}/${s.api_version ?? DEFAULT_API_VERSION}/${encodeURIComponent(s.phone_number_id)}/messages`;
}
