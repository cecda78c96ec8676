import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';
import type { KeyAndCertificate } from './certificates';

/** How the loopback server answers each message. */
export type ServerMood = 'accept' | 'busy' | 'reject';

export interface ReceivedMail {
  envelopeTo: string[];
  parsed: ParsedMail;
  /** Whether the message came over an encrypted connection. */
  secure: boolean;
  /** The username the client signed in with, or null when it sent without signing in. */
  signedInAs: string | null;
}

export interface LoopbackSmtp {
  port: number;
  received: ReceivedMail[];
  mood: ServerMood;
  stop(): Promise<void>;
}

export interface LoopbackSmtpOptions {
  port?: number;
  /** Requires AUTH with these and refuses other passwords with 535. */
  credentials?: { user: string; pass: string };
  /** Serves TLS with this key and certificate: after STARTTLS, or from the first byte (implicit, as on port 465). */
  tls?: KeyAndCertificate & { mode: 'starttls' | 'implicit' };
  /** Offers AUTH only once the connection is encrypted, as most relays do. */
  authOnlyOverTls?: boolean;
  /** Takes mail from clients that did not sign in, as a relay for its own network does. */
  anonymousAllowed?: boolean;
}

/** smtp-server reads a session's own list of disabled commands in place of the server's (its types omit it). */
function disableForSession(session: SMTPServerSession, commands: string[]): void {
  (session as SMTPServerSession & { disabledCommands?: string[] }).disabledCommands = commands;
}

/**
 * A real SMTP server on 127.0.0.1, parsing what it receives. `busy` answers 451 (try later),
 * `reject` answers 550. With `credentials`, it requires AUTH and refuses other passwords with 535.
 */
export async function startLoopbackSmtp(options: LoopbackSmtpOptions = {}): Promise<LoopbackSmtp> {
  const received: ReceivedMail[] = [];
  const state = { mood: 'accept' as ServerMood };
  const disabled = [
    ...(options.tls?.mode === 'starttls' ? [] : ['STARTTLS']),
    ...(options.credentials ? [] : ['AUTH']),
  ];
  const config: SMTPServerOptions = {
    secure: options.tls?.mode === 'implicit',
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    // Stopping drops open connections at once, as a mail server going down would.
    closeTimeout: 50,
    disabledCommands: disabled,
    authOptional: !options.credentials || options.anonymousAllowed === true,
    allowInsecureAuth: true,
    logger: false,
    onConnect(session, callback) {
      if (options.authOnlyOverTls && !session.secure) disableForSession(session, [...disabled, 'AUTH']);
      callback();
    },
    onSecure(_socket, session, callback) {
      if (options.authOnlyOverTls) disableForSession(session, disabled);
      callback();
    },
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
            received.push({
              envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              parsed,
              secure: session.secure,
              signedInAs: typeof session.user === 'string' ? session.user : null,
            });
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
  // A client that refuses the certificate drops the handshake; that is the client's outcome to report, not the server's.
  server.on('error', () => undefined);
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
