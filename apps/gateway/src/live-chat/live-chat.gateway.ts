import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { ChannelConnectionsService } from '@followup/channels-connections';
import { ChannelLinks, ChannelRegistry } from '@followup/channels-core';
import {
  ChatError,
  LIVE_CHAT_PROVIDER,
  LiveChatSettings,
  SocketRateLimiter,
  VisitorAddress,
  issueVisitor,
  liveChatProviderOf,
  liveChatSettings,
  readDetails,
  readHandshake,
  readMessage,
  verifyVisitorToken,
} from '@followup/channels-live-chat';
import { ChatVisitor, ChatVisitorsService, VisitorDetails } from '@followup/conversations';
import { Public } from '../auth/auth.decorators';
import { VisitorPresence } from './visitor-presence.tracker';

/** What a socket proved at its handshake (socket.data). */
interface ChatSocketData {
  visitor: ChatVisitor;
  settings: LiveChatSettings;
  room: string;
  details: VisitorDetails;
  messages: SocketRateLimiter;
  typing: SocketRateLimiter;
  issued?: { visitor_id: string; visitor_token: string };
}

type Answer = { id: string } | { ok: true; unsaved: string[] } | { error: ChatError };

const roomOf = (v: VisitorAddress) => `v:${v.connectionId}:${v.visitorId}`;
const dataOf = (socket: Socket) => socket.data as ChatSocketData;
/** A refused handshake: the client's connect_error carries the message and `data.code`. */
const refusal = (error: ChatError) => Object.assign(new Error(error.message), { data: { code: error.code } });

/**
 * The live chat's socket edge (namespace `/live-chat`): like a controller, it checks what comes in
 * and calls a use case (ChatVisitorsService). The handshake names the connection; the page's Origin
 * must be one the connection allows (or the gateway's own, for its hosted page); a visitor token
 * must be the HMAC of the visitor id, or none (the gateway names a new anonymous visitor and answers
 * `session`). Each socket joins its visitor's room (all their tabs, on every process): what the
 * adapter sends goes there. Events: `message` (acknowledged `{id}` once recorded), `identify`,
 * `typing`; refusals come as the ack's `error` and as an `error` event.
 */
@Public()
@WebSocketGateway({ namespace: '/live-chat' })
export class LiveChatGateway implements OnGatewayInit<Namespace>, OnGatewayConnection<Socket>, OnGatewayDisconnect<Socket> {
  private readonly log = new Logger('LiveChat');
  private nsp?: Namespace;

  constructor(
    private readonly connections: ChannelConnectionsService,
    private readonly visitors: ChatVisitorsService,
    private readonly presence: VisitorPresence,
    private readonly registry: ChannelRegistry,
    private readonly links: ChannelLinks,
  ) {}

  afterInit(nsp: Namespace): void {
    this.nsp = nsp;
    nsp.use((socket, next) => {
      this.admit(socket).then(
        () => next(),
        (error: unknown) => next(error instanceof Error ? error : new Error(String(error))),
      );
    });
    liveChatProviderOf(this.registry)?.attach({ deliver: (visitor, line) => void nsp.to(roomOf(visitor)).emit('message', line) });
  }

  private async admit(socket: Socket): Promise<void> {
    const handshake = readHandshake(socket.handshake.auth);
    if (!handshake.ok) throw refusal(handshake.error);
    const { connectionId, visitorId, visitorToken, details } = handshake.value;
    const connection = await this.connections.ofProvider(LIVE_CHAT_PROVIDER, connectionId);
    if (!connection) throw refusal({ code: 'unknown_connection', message: `no live chat connection ${connectionId}` });
    const settings = liveChatSettings(connection.settings);
    const origin = socket.handshake.headers.origin;
    if (!origin || !(settings.allowed_origins.includes(origin) || origin === this.ownOrigin()))
      throw refusal({ code: 'origin_refused', message: `the page's origin ${origin ?? '(none)'} may not embed this chat` });
    if (typeof connection.settings['identity_secret'] !== 'string')
      throw refusal({ code: 'server_error', message: 'this chat cannot check visitors now (its identity secret is unreadable)' });
    const secret = connection.settings['identity_secret'];
    let issued: ChatSocketData['issued'];
    if (visitorId === undefined) {
      const fresh = issueVisitor(secret);
      issued = { visitor_id: fresh.visitorId, visitor_token: fresh.visitorToken };
    } else if (!verifyVisitorToken(secret, visitorId, visitorToken)) {
      throw refusal({ code: 'bad_token', message: 'visitor_token is not the HMAC-SHA256 of visitor_id with the identity secret' });
    }
    const visitor = { connection, visitorId: visitorId ?? (issued as { visitor_id: string }).visitor_id };
    const data: ChatSocketData = {
      visitor,
      settings,
      room: roomOf({ connectionId: connection.id, visitorId: visitor.visitorId }),
      details,
      messages: new SocketRateLimiter(settings.messages_per_minute),
      typing: new SocketRateLimiter(30, 3),
      issued,
    };
    socket.data = data;
  }

  async handleConnection(socket: Socket): Promise<void> {
    const data = dataOf(socket);
    try {
      await socket.join(data.room);
      this.presence.opened(data.visitor);
      if (data.issued) socket.emit('session', data.issued);
      if (Object.keys(data.details).length) await this.visitors.identify(data.visitor, data.details);
      const conversation = await this.visitors.arrived(data.visitor);
      socket.emit('history', { messages: conversation ? await this.visitors.history(conversation) : [] });
    } catch (error) {
      this.log.error(`live chat connection failed: ${error instanceof Error ? error.message : String(error)}`);
      socket.emit('error', { code: 'server_error', message: 'the chat could not load; try again shortly' });
      socket.disconnect(true);
    }
  }

  handleDisconnect(socket: Socket): void {
    const data = dataOf(socket);
    if (data?.visitor) this.presence.closed(data.visitor);
  }

  @SubscribeMessage('message')
  async message(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Answer> {
    const data = dataOf(socket);
    const wait = data.messages.take();
    if (wait)
      return this.refuse(socket, {
        code: 'rate_limited',
        message: `too many messages: wait ${Math.ceil(wait / 1000)} s`,
        retry_after_ms: wait,
      });
    const read = readMessage(body, data.settings.max_message_length);
    if (!read.ok) return this.refuse(socket, read.error);
    return this.safely(socket, async () => {
      const { line, repeated } = await this.visitors.receive(data.visitor, read.value.text, read.value.clientId, data.details);
      // The visitor's other tabs show it too (they did already if it was sent before).
      if (!repeated) socket.to(data.room).emit('message', line);
      return { id: line.id };
    });
  }

  @SubscribeMessage('identify')
  async identify(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Answer> {
    const data = dataOf(socket);
    const wait = data.messages.take();
    if (wait)
      return this.refuse(socket, {
        code: 'rate_limited',
        message: `too many requests: wait ${Math.ceil(wait / 1000)} s`,
        retry_after_ms: wait,
      });
    const read = readDetails(body);
    if (!read.ok) return this.refuse(socket, read.error);
    return this.safely(socket, async () => {
      const { unsaved } = await this.visitors.identify(data.visitor, read.value);
      data.details = { ...data.details, ...read.value };
      return { ok: true as const, unsaved };
    });
  }

  /** The visitor is typing: it shows they are there; there is no agent-facing stream to pass it to (the other way: typingTo). */
  @SubscribeMessage('typing')
  typing(@ConnectedSocket() socket: Socket): void {
    dataOf(socket).typing.take();
  }

  /** Shows (or stops showing) that the bot or an agent is writing, in every tab of the visitor. */
  typingTo(visitor: VisitorAddress, typing: boolean): void {
    this.nsp?.to(roomOf(visitor)).emit('typing', { typing });
  }

  private refuse(socket: Socket, error: ChatError): { error: ChatError } {
    socket.emit('error', error);
    return { error };
  }

  private async safely(socket: Socket, work: () => Promise<Answer>): Promise<Answer> {
    try {
      return await work();
    } catch (error) {
      this.log.error(`live chat event failed: ${error instanceof Error ? error.message : String(error)}`);
      return this.refuse(socket, { code: 'server_error', message: 'the chat could not take that; try again' });
    }
  }

  private ownOrigin(): string | undefined {
    try {
      return new URL(this.links.baseUrl()).origin;
    } catch {
      return undefined;
    }
  }
}
