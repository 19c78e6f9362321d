import {
  ChannelAdapter,
  ChannelCapabilities,
  ContactAddresses,
  ConversationView,
  OutboundMessage,
  SESSION_RULES,
  SendContext,
  SendError,
  SendResult,
  SessionState,
  sessionStateFor,
} from '@followup/channels-core';
import { DEFAULTS, MAX_LENGTH } from './live-chat.settings';

export const LIVE_CHAT_PROVIDER = 'live-chat';

/** A message as the widget shows it (the `message` event): outbound ones by their provider id. */
export interface LiveChatLine {
  id: string;
  body: string;
  direction: 'inbound' | 'outbound';
  at: string;
}

/** One visitor of one connection: the sockets of all their tabs, in every gateway process. */
export interface VisitorAddress {
  connectionId: string;
  visitorId: string;
}

/**
 * Where the adapter hands its messages: the gateway's socket server (apps/gateway's LiveChatGateway),
 * which emits them to every open socket of the visitor in whichever process holds it (socket.io's
 * PostgreSQL or Redis adapter). A visitor with no socket open gets them in the history on return.
 */
export interface LiveChatOutlet {
  deliver(visitor: VisitorAddress, line: LiveChatLine): void | Promise<void>;
}

/** The session's window for a connection: its idle timeout (no visitor socket for this long: inactive). */
export function idleWindowMs(settings: Readonly<Record<string, unknown>> | undefined): number {
  const minutes = settings?.['idle_timeout_minutes'];
  return (typeof minutes === 'number' && minutes > 0 ? minutes : DEFAULTS.idle_timeout_minutes) * 60_000;
}

/**
 * Live chat on the gateway's own sockets. The session is open while a visitor socket is open (its
 * process refreshes the conversation's `contact_seen_at`) and for the connection's idle timeout
 * after the last one closed or the visitor last wrote; then inactive, and the router switches (or the
 * follow-up waits for the visitor). A send goes to the visitor's sockets and is answered `sent` with
 * `lc_<idempotency key>` as its id: the widget shows each id once, so a repeated send shows nothing
 * new (`idempotentSend`). Nothing is lost without a socket: the history carries it on return.
 */
export class LiveChatAdapter implements ChannelAdapter {
  readonly channel = 'live_chat' as const;
  readonly provider = LIVE_CHAT_PROVIDER;
  readonly capabilities: ChannelCapabilities = {
    templates: false,
    session: SESSION_RULES.live_chat,
    maxLength: MAX_LENGTH,
    idempotentSend: true,
  };
  private outlet?: LiveChatOutlet;

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** The socket server this process delivers through (the gateway attaches it at start). */
  attach(outlet: LiveChatOutlet | undefined): void {
    this.outlet = outlet;
  }

  /** The chat reaches whoever opened it: the conversation names its visitor, not an address. */
  canReach(_contact: ContactAddresses): boolean {
    return true;
  }

  sessionState(conversation: ConversationView, now: Date): SessionState {
    return sessionStateFor(this.capabilities, conversation, now, idleWindowMs(conversation.connectionSettings));
  }

  async send(message: OutboundMessage, context: SendContext): Promise<SendResult> {
    const outlet = this.outlet;
    const visitorId = context.channelContactId;
    if (!outlet) throw new SendError('live chat: this gateway process serves no chat sockets', 'no_socket_server', true);
    if (!visitorId) throw new SendError('live chat: the conversation has no visitor (it did not start on the chat)', 'no_visitor', true);
    if (!message.body.trim()) throw new SendError('the text is empty', 'empty_body', true);
    if (message.body.length > MAX_LENGTH)
      throw new SendError(`the text is ${message.body.length} characters; the chat takes at most ${MAX_LENGTH}`, 'body_too_long', true);
    const acceptedAt = this.now();
    const line: LiveChatLine = {
      id: `lc_${context.idempotencyKey}`,
      body: message.body,
      direction: 'outbound',
      at: acceptedAt.toISOString(),
    };
    try {
      await outlet.deliver({ connectionId: context.connection.id, visitorId }, line);
    } catch (error) {
      // Nothing reached a socket: the socket server refused it before emitting.
      throw new SendError(`live chat: ${error instanceof Error ? error.message : String(error)}`, 'delivery_refused', true);
    }
    return { providerMessageId: line.id, acceptedAt, status: 'sent' };
  }
}
