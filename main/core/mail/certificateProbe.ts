import { X509Certificate } from 'node:crypto';
import { connect as connectTcp, isIP, isIPv6, type Socket } from 'node:net';
import { connect as connectTls, type DetailedPeerCertificate } from 'node:tls';

const PROBE_TIMEOUT_MS = 10_000;

export interface ProbedServer {
  host: string;
  port: number;
  security: 'starttls' | 'tls';
}

/** Resolves with the code of the next complete SMTP reply (its last line has a space, or nothing, after the code). */
function nextReply(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const stop = () => {
      socket.off('data', onData);
      socket.off('error', onError);
      socket.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      const last = buffered.split('\r\n').slice(0, -1).find((line) => /^\d{3}(?: |$)/.test(line));
      if (last !== undefined) {
        stop();
        resolve(last.slice(0, 3));
      }
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const onClose = () => {
      stop();
      reject(new Error('The mail server closed the connection.'));
    };
    socket.on('data', onData);
    socket.once('error', onError);
    socket.once('close', onClose);
  });
}

async function expectReply(socket: Socket, code: string, step: string): Promise<void> {
  const answer = await nextReply(socket);
  if (answer !== code) throw new Error(`The mail server answered ${answer} to ${step}.`);
}

/** Speaks SMTP just far enough for the server to start TLS: greeting, EHLO, STARTTLS. */
async function plainSocketReadyForTls(server: ProbedServer): Promise<Socket> {
  const socket = connectTcp({ host: server.host, port: server.port });
  socket.setTimeout(PROBE_TIMEOUT_MS, () => socket.destroy(new Error('The mail server did not answer in time.')));
  try {
    await expectReply(socket, '220', 'the connection');
    const local = socket.localAddress ?? '127.0.0.1';
    socket.write(`EHLO [${isIPv6(local) ? `IPv6:${local}` : local}]\r\n`);
    await expectReply(socket, '250', 'EHLO');
    socket.write('STARTTLS\r\n');
    await expectReply(socket, '220', 'STARTTLS');
    return socket;
  } catch (error) {
    socket.destroy();
    throw error;
  }
}

/** The presented chain, leaf first, as far as the server sent it (Node links a root to itself). */
function chainOf(leaf: DetailedPeerCertificate): X509Certificate[] {
  const chain: X509Certificate[] = [];
  const seen = new Set<string>();
  for (let entry: DetailedPeerCertificate | undefined = leaf; entry?.raw && !seen.has(entry.fingerprint256); entry = entry.issuerCertificate) {
    seen.add(entry.fingerprint256);
    chain.push(new X509Certificate(entry.raw));
  }
  return chain;
}

/**
 * The certificates a mail server presents, leaf first, read without trusting them so an
 * administrator can judge them. This connection only completes the handshake and closes: it sends
 * no credentials and no mail, so not checking the certificate here exposes nothing.
 */
export async function presentedCertificates(server: ProbedServer): Promise<X509Certificate[]> {
  const plain = server.security === 'starttls' ? await plainSocketReadyForTls(server) : undefined;
  return new Promise((resolve, reject) => {
    const socket = connectTls(
      {
        ...(plain ? { socket: plain } : { host: server.host, port: server.port }),
        ...(isIP(server.host) ? {} : { servername: server.host }),
        rejectUnauthorized: false,
      },
      () => {
        const chain = chainOf(socket.getPeerCertificate(true));
        socket.destroy();
        if (chain.length === 0) reject(new Error('The mail server presented no certificate.'));
        else resolve(chain);
      },
    );
    socket.setTimeout(PROBE_TIMEOUT_MS, () => socket.destroy(new Error('The mail server did not finish the TLS handshake in time.')));
    socket.once('error', (error) => {
      plain?.destroy();
      reject(error);
    });
  });
}
