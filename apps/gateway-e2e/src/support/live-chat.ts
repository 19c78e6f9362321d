import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium } from 'playwright-core';
import { Socket, io } from 'socket.io-client';
import { Api, Json } from './http';

/** What the business's server computes for a signed-in user (the README's recipe). */
export const visitorToken = (identitySecret: string, visitorId: string) =>
  createHmac('sha256', identitySecret).update(visitorId).digest('hex');

/** A visitor's socket (socket.io-client over a real WebSocket) and everything the gateway told it. */
export interface VisitorSocket {
  socket: Socket;
  messages: Json[];
  errors: Json[];
  history: Json[] | null;
  session: Json | null;
  typing: Json[];
  send(text: string, clientId: string): Promise<Json>;
  close(): void;
}

/** Connects a visitor as a page of `origin` would; rejects with the connect_error (its message and `data`). */
export function connectVisitor(gatewayUrl: string, origin: string, auth: Record<string, string>): Promise<VisitorSocket> {
  const socket = io(`${gatewayUrl}/live-chat`, {
    transports: ['websocket'],
    extraHeaders: { origin },
    auth,
    reconnection: false,
    forceNew: true,
  });
  const visitor: VisitorSocket = {
    socket,
    messages: [],
    errors: [],
    history: null,
    session: null,
    typing: [],
    send: (text, clientId) => socket.timeout(10_000).emitWithAck('message', { text, client_id: clientId }),
    close: () => void socket.close(),
  };
  socket.on('message', (m: Json) => visitor.messages.push(m));
  socket.on('error', (e: Json) => visitor.errors.push(e));
  socket.on('typing', (t: Json) => visitor.typing.push(t));
  socket.on('session', (s: Json) => (visitor.session = s));
  socket.on('history', (h: Json) => (visitor.history = h.messages));
  return new Promise((resolve, reject) => {
    socket.once('connect_error', (error: Error & { data?: Json }) => {
      socket.close();
      reject(Object.assign(new Error(error.message), { data: error.data }));
    });
    // Connected and given its history (always the first thing the gateway says after the handshake).
    socket.once('history', () => resolve(visitor));
  });
}

/** The connect_error a handshake ends with ({message, code}), or null when it connected. */
export async function refusal(
  gatewayUrl: string,
  origin: string,
  auth: Record<string, string>,
): Promise<{ message: string; code: string } | null> {
  try {
    (await connectVisitor(gatewayUrl, origin, auth)).close();
    return null;
  } catch (error) {
    return { message: (error as Error).message, code: (error as { data?: { code: string } }).data?.code ?? '' };
  }
}

/** A website on another origin than the gateway: serves one HTML page (written once its origin is known) that embeds the widget. */
export async function startWebsite(html: () => string): Promise<{ origin: string; stop(): Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Debian's Chromium driven by playwright-core (no browser download), headless, in a fresh profile. */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'fgw-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1000, height: 700 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** An agent whose stopped-replying sequence has one step an hour after its last message. */
export async function chatAgent(api: Api, switching: boolean): Promise<string> {
  const agent = await api.post('/conversation-ai/agents', {
    name: switching ? 'Switching bot' : 'Waiting bot',
    businessName: 'Acme Dental',
    personality: 'p',
    goal: 'g',
    instructions: 'i',
    timezone: 'UTC',
  });
  const step = {
    id: 1,
    followupTimeUnit: 'hours',
    followupTime: 1,
    aiEnabledMessage: false,
    customMessage: 'Hi {{contact.first_name}}, still there?',
  };
  const action = await api.post(`/conversation-ai/agents/${agent.body.id}/actions`, {
    type: 'advancedFollowup',
    name: 'Stopped replying',
    details: {
      enabled: true,
      scenarioId: 'contactStoppedReplying',
      followupSequence: [step],
      followupSettings: { dynamicChannelSwitching: switching, followUpHours: false },
    },
  });
  expect(action.status).toBe(201);
  return agent.body.id;
}

/** A live chat connection for `origins`, answered with its id and (shown once) identity secret. */
export async function chatConnection(
  api: Api,
  agentId: string,
  settings: Record<string, unknown>,
): Promise<{ id: string; secret: string }> {
  const created = await api.post('/channels', {
    type: 'live_chat',
    provider: 'live-chat',
    name: 'Website',
    default_agent_id: agentId,
    settings,
  });
  expect(created.status).toBe(201);
  return { id: created.body.id, secret: created.body.settings.identity_secret };
}
