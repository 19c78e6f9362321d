import type { InboundKeyword } from '@followup/contracts';

/** Single-word replies with a meaning of their own on SMS (CTIA and carrier conventions, as Twilio applies them). */
const KEYWORDS: Record<string, InboundKeyword> = {
  STOP: 'opt_out',
  STOPALL: 'opt_out',
  UNSUBSCRIBE: 'opt_out',
  CANCEL: 'opt_out',
  END: 'opt_out',
  QUIT: 'opt_out',
  REVOKE: 'opt_out',
  OPTOUT: 'opt_out',
  START: 'opt_in',
  YES: 'opt_in',
  UNSTOP: 'opt_in',
  HELP: 'help',
  INFO: 'help',
};

/**
 * The keyword a message is, if it is one: a single word, in any case, with surrounding spaces and
 * punctuation ignored ("Stop.", " stop! " and "STOP" are; "please stop texting me" is not).
 */
export function smsKeyword(body: string): InboundKeyword | undefined {
  const word = body
    .trim()
    .replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '')
    .toUpperCase();
  return /^[A-Z]+$/.test(word) ? KEYWORDS[word] : undefined;
}
