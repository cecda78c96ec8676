import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** How the loopback server answers each message. */
export type ServerMood = 'accept' | 'busy' | 'reject';

export interface ReceivedMail {
  envelopeTo: string[];
  parsed: ParsedMail;
}

export interface LoopbackSmtp {
  port: number;
  received: ReceivedMail[];
  mood: ServerMood;
  stop(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1, parsing what it receives. `busy` answers 451 (try later),
 * `reject` answers 550. With `credentials`, it requires AUTH and refuses other passwords with 535.
 */
export async function startLoopbackSmtp(options: { port?: number; credentials?: { user: string; pass: string } } = {}): Promise<LoopbackSmtp> {
  const received: ReceivedMail[] = [];
  const state = { mood: 'accept' as ServerMood };
  const config: SMTPServerOptions = {
    secure: false,
    // Stopping drops open connections at once, as a mail server going down would.
    closeTimeout: 50,
    disabledCommands: options.credentials ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.credentials,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      const expected = options.credentials;
      if (expected && auth.username === expected.user && auth.password === expected.pass) callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (state.mood === 'busy') return callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
        if (state.mood === 'reject') return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
        simpleParser(Buffer.concat(chunks))
          .then((parsed) => {
            received.push({ envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address), parsed });
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  };
  const server = new SMTPServer(config);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    get mood() {
      return state.mood;
    },
    set mood(mood: ServerMood) {
      state.mood = mood;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
