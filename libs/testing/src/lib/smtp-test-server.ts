import { ParsedMail, simpleParser } from 'mailparser';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  raw: Buffer;
  parsed: ParsedMail;
}

/**
 * A real SMTP server on loopback (`smtp-server`), with AUTH, that keeps every message it accepts,
 * read back with `mailparser`. It can refuse recipients (550 5.1.1) or the next message on demand.
 */
export class SmtpTestServer {
  readonly received: ReceivedMail[] = [];
  readonly user = 'mailer';
  readonly password = 'smtp-test-password';
  private server?: SMTPServer;
  private refusals = 0;
  private readonly unknownMailboxes = new Set<string>();
  private waiters: { count: number; resolve: () => void }[] = [];
  port = 0;

  async start(): Promise<number> {
    this.server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      authOptional: false,
      allowInsecureAuth: true,
      logger: false,
      closeTimeout: 200,
      onAuth: (auth, _session, callback) => {
        if (auth.username === this.user && auth.password === this.password) callback(null, { user: auth.username });
        else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      },
      onRcptTo: (address, _session, callback) => {
        if (this.unknownMailboxes.has(address.address.toLowerCase())) {
          callback(
            Object.assign(new Error('5.1.1 <' + address.address + '>: Recipient address rejected: User unknown'), { responseCode: 550 }),
          );
          return;
        }
        if (this.refusals > 0) {
          this.refusals--;
          callback(Object.assign(new Error('5.7.1 Message refused by policy'), { responseCode: 554 }));
          return;
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          simpleParser(raw)
            .then((parsed) => {
              const envelope = {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
              };
              this.received.push({ envelope, raw, parsed });
              this.waiters = this.waiters.filter((w) => (this.received.length >= w.count ? (w.resolve(), false) : true));
              callback();
            })
            .catch((error: Error) => callback(error));
        });
      },
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', () => resolve()));
    this.port = ((this.server as unknown as { server: { address(): AddressInfo } }).server.address() as AddressInfo).port;
    return this.port;
  }

  /** Settings of a gateway SMTP connection that sends through this server. */
  connectionSettings(from = 'Acme Dental <hello@acme.test>'): Record<string, unknown> {
    return { host: '127.0.0.1', port: this.port, secure: false, user: this.user, password: this.password, from };
  }

  /** The next message is refused at RCPT TO (554 5.7.1). */
  refuseNext(): void {
    this.refusals++;
  }

  /** Mail to this address is refused as an unknown mailbox (550 5.1.1). */
  rejectMailbox(address: string): void {
    this.unknownMailboxes.add(address.toLowerCase());
  }

  waitFor(count: number, timeoutMs = 15_000): Promise<void> {
    if (this.received.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the SMTP server got ${this.received.length} of ${count} messages in ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
