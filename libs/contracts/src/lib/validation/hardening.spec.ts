import { validatePlain } from './validate-plain';
import { CreateContactDto, ListQuery } from '../engine/contacts.dto';
import { CreateConversationAgentDto } from '../conversation-ai/agent.dto';
import { MAX_JSON_DEPTH, findNulStrings } from './validate-plain';

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
};

describe('findNulStrings', () => {
  it('still names NUL strings and keys with their path', () => {
    expect(findNulStrings({ a: ['x', 'y\u0000'], ['k\u0000']: 1 })).toEqual([
      'a.1 must not contain NUL characters',
      'body has a key with a NUL character',
    ]);
  });

  it('answers one line naming the limit for values nested deeper than it, without recursing', () => {
    expect(findNulStrings({ a: nested(MAX_JSON_DEPTH - 1) })).toEqual([]);
    expect(findNulStrings(nested(100_000))).toEqual([`body is nested deeper than ${MAX_JSON_DEPTH} levels`]);
    expect(findNulStrings({ a: nested(MAX_JSON_DEPTH + 1) })).toEqual([`body is nested deeper than ${MAX_JSON_DEPTH} levels`]);
  });

  it('does not walk buffers byte by byte', () => {
    expect(findNulStrings({ b: Buffer.alloc(10) })).toEqual([]);
  });
});

describe('email', () => {
  it.each(['\ud800x', 'a\udc00@example.com', 'a@ex\ud83dample.com'])('refuses %j with a line naming the field (no throw)', (email) => {
    expect(validatePlain(CreateContactDto, { email }).errors).toEqual(['email must be an email address']);
  });

  it('takes a real address', () => {
    expect(validatePlain(CreateContactDto, { email: 'ana@example.com' }).errors).toEqual([]);
  });
});

describe('limit', () => {
  it.each(['abc', '0', '101', '1.5', '', '1e1', ' 5', '-1', ['1', '2']])('answers one line for limit=%j', (limit) => {
    expect(validatePlain(ListQuery, { limit }).errors).toEqual(['limit must be an integer from 1 to 100']);
  });

  it.each([
    ['1', 1],
    ['100', 100],
    ['42', 42],
  ])('reads limit=%s as %d', (limit, n) => {
    const { value, errors } = validatePlain(ListQuery, { limit });
    expect(errors).toEqual([]);
    expect(value.limit).toBe(n);
  });
});

describe('time zones', () => {
  it.each([
    ['BST', 'Europe/London'],
    ['PST', 'America/Los_Angeles'],
    ['EST', 'America/New_York'],
    ['IST', 'Asia/Kolkata'],
    ['CET', 'Europe/Paris'],
    ['EST5EDT', 'America/New_York'],
  ])('refuses %s and suggests %s', (timezone, region) => {
    expect(validatePlain(CreateContactDto, { timezone }).errors).toEqual([
      `timezone must be an IANA region name such as ${region} ("${timezone}" is an abbreviation or offset rule; use ${region})`,
    ]);
    const agent = validatePlain(CreateConversationAgentDto, { name: 'A', personality: 'p', goal: 'g', instructions: 'i', timezone });
    expect(agent.errors.join('\n')).toContain(region);
  });

  it('refuses an unknown zone without a suggestion', () => {
    expect(validatePlain(CreateContactDto, { timezone: 'Mars/Base' }).errors).toEqual([
      'timezone must be an IANA region name (Area/Location, e.g. America/New_York) or UTC',
    ]);
  });

  it.each(['UTC', 'Europe/London', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5'])('accepts %s', (timezone) => {
    expect(validatePlain(CreateContactDto, { timezone }).errors).toEqual([]);
  });
});
