/** An error as the Cloud API answers it. */
export interface GraphFailure {
  status: number;
  code: number;
  message: string;
  subcode?: number;
  details?: string;
}

/** A send the Cloud API accepts: who it goes to and what it says. */
export interface CheckedSend {
  /** The recipient's wa_id (the digits of `to`). */
  to: string;
  type: 'text' | 'template';
  body: string;
  template?: { name: string; language: string; params: string[] };
}

const invalid = (message: string, code = 100, details?: string): GraphFailure => ({
  status: 400,
  code,
  message: `(#${code}) ${message}`,
  details,
});
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const TYPES = ['audio', 'contacts', 'document', 'image', 'interactive', 'location', 'reaction', 'sticker', 'template', 'text', 'video'];

/**
 * The checks the Cloud API makes of a `messages` request before it accepts it (the ones the
 * gateway's sends can meet): `messaging_product`, `recipient_type`, `to`, `type`; a text's
 * `body` (1 to 4096 characters); a template's `name`, `language.code` and `components` (each a
 * header, body or button with text parameters), and, when `templates` is given, that it exists (132001).
 */
export function validateSend(request: Record<string, unknown>, templates?: ReadonlySet<string>): CheckedSend | GraphFailure {
  if (request['messaging_product'] === undefined) return invalid('The parameter messaging_product is required.');
  if (request['messaging_product'] !== 'whatsapp')
    return invalid(`Param messaging_product must be one of {WHATSAPP} - got "${String(request['messaging_product'])}".`);
  const recipientType = request['recipient_type'];
  if (recipientType !== undefined && recipientType !== 'individual' && recipientType !== 'group')
    return invalid(`Param recipient_type must be one of {INDIVIDUAL, GROUP} - got "${String(recipientType)}".`);
  const to = request['to'];
  if (typeof to !== 'string' || !to) return invalid('The parameter to is required.');
  const waId = to.replace(/^\+/, '');
  if (!/^\d{7,15}$/.test(waId)) return invalid('Invalid parameter', 131009, `the recipient ${to} is not a phone number`);
  const type = request['type'] ?? 'text';
  if (typeof type !== 'string' || !TYPES.includes(type))
    return invalid(`Param type must be one of {${TYPES.join(', ').toUpperCase()}} - got "${String(type)}".`);
  if (type === 'text') {
    const text = request['text'];
    if (!isObject(text) || typeof text['body'] !== 'string' || !text['body']) return invalid("The parameter text['body'] is required.");
    if (text['body'].length > 4096) return invalid("Param text['body'] must be at most 4096 characters long.");
    if (text['preview_url'] !== undefined && typeof text['preview_url'] !== 'boolean')
      return invalid("Param text['preview_url'] must be a boolean.");
    return { to: waId, type: 'text', body: text['body'] };
  }
  if (type !== 'template') return invalid(`The double takes text and template messages, not ${type}.`);
  return template(waId, request['template'], templates);
}

function template(to: string, value: unknown, templates?: ReadonlySet<string>): CheckedSend | GraphFailure {
  if (!isObject(value)) return invalid("The parameter template['name'] is required.");
  const name = value['name'];
  if (typeof name !== 'string' || !name) return invalid("The parameter template['name'] is required.");
  const language = value['language'];
  const code = isObject(language) ? language['code'] : undefined;
  if (typeof code !== 'string' || !code) return invalid("The parameter template['language']['code'] is required.");
  const components = value['components'] ?? [];
  if (!Array.isArray(components)) return invalid("Param template['components'] must be an array.");
  const params: string[] = [];
  for (const [i, c] of components.entries()) {
    if (!isObject(c) || !['header', 'body', 'button', 'footer'].includes(String(c['type'])))
      return invalid(`Param template['components'][${i}]['type'] must be one of {HEADER, BODY, BUTTON, FOOTER}.`);
    const parameters = c['parameters'] ?? [];
    if (!Array.isArray(parameters)) return invalid(`Param template['components'][${i}]['parameters'] must be an array.`);
    for (const [j, p] of parameters.entries()) {
      if (!isObject(p) || p['type'] !== 'text' || typeof p['text'] !== 'string' || !p['text'].trim())
        return invalid('Required parameter is missing', 131008, `template['components'][${i}]['parameters'][${j}]['text'] is required`);
      if (c['type'] === 'body') params.push(p['text']);
    }
  }
  if (templates && !templates.has(name))
    return invalid('Template name does not exist in the translation', 132001, `template name (${name}) does not exist in ${code}`);
  const body = `${name} (${code})${params.length ? `: ${params.join(' | ')}` : ''}`;
  return { to, type: 'template', body, template: { name, language: code, params } };
}
