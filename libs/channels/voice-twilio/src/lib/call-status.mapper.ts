import type { CallOutcome, DeliveryState } from '@followup/channels-core';
import { answeredByMachine } from './twiml.builder';

/** What one CallStatus (with AnsweredBy) says: how far the send got, and the call's outcome once it ended. */
export interface CallStatusMeaning {
  /** The delivery state of the send the call was. */
  delivery: DeliveryState;
  /** Present once the call ended. */
  outcome?: CallOutcome;
  disconnectionReason?: string;
}

/**
 * Twilio's CallStatus values. Under way: queued and initiated are queued, ringing is sent, in-progress
 * (someone or something answered) is delivered. Ended: completed is delivered (a machine took the
 * message as a voicemail, a fax did not); busy and no-answer are no_answer, and a failed attempt of
 * the send (for failover); failed and canceled are failed.
 */
export function callStatusMeaning(callStatus: string, answeredBy?: string): CallStatusMeaning | undefined {
  switch (callStatus) {
    case 'queued':
    case 'initiated':
      return { delivery: 'queued' };
    case 'ringing':
      return { delivery: 'sent' };
    case 'in-progress':
    case 'answered':
      return answeredBy === 'fax' ? { delivery: 'sent' } : { delivery: 'delivered' };
    case 'completed':
      if (answeredBy === 'fax') return { delivery: 'failed', outcome: 'failed', disconnectionReason: 'fax' };
      return answeredByMachine(answeredBy)
        ? { delivery: 'delivered', outcome: 'delivered', disconnectionReason: 'voicemail' }
        : { delivery: 'delivered', outcome: 'delivered', disconnectionReason: 'completed' };
    case 'busy':
      return { delivery: 'failed', outcome: 'no_answer', disconnectionReason: 'busy' };
    case 'no-answer':
      return { delivery: 'failed', outcome: 'no_answer', disconnectionReason: 'no_answer' };
    case 'failed':
      return { delivery: 'failed', outcome: 'failed', disconnectionReason: 'failed' };
    case 'canceled':
      return { delivery: 'failed', outcome: 'failed', disconnectionReason: 'canceled' };
    default:
      return undefined;
  }
}

/** DialCallStatus values of a <Dial> (the handoff leg) that mean nobody took it. */
export function handoffMissed(dialStatus: string): boolean {
  return ['busy', 'no-answer', 'failed', 'canceled'].includes(dialStatus);
}
