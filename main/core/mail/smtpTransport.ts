import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { SmtpConfig } from './emailSettings';
import { tlsOptionsFor } from './serverTrust';

const timeouts = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

function base(config: SmtpConfig): SMTPTransport.Options {
  return {
    host: config.host,
    port: config.port,
    secure: config.security === 'tls',
    requireTLS: config.security === 'starttls',
    ignoreTLS: config.security === 'none',
    // The same trust for the test email and the worker, for STARTTLS and TLS alike.
    tls: tlsOptionsFor(config.trust),
    ...(config.username ? { auth: { user: config.username, pass: config.password } } : {}),
    ...timeouts,
  };
}

/** The worker's one pooled transport: a few kept-open connections, many messages each. */
export function pooledTransport(config: SmtpConfig, maxConnections = 4): Transporter<SMTPPool.SentMessageInfo> {
  return nodemailer.createTransport({ ...base(config), pool: true, maxConnections, maxMessages: Infinity });
}

/** A single-use transport for the test email, so its result reflects the settings exactly now. */
export function singleTransport(config: SmtpConfig): Transporter<SMTPTransport.SentMessageInfo> {
  return nodemailer.createTransport(base(config));
}

/** A stable key for a configuration, to know when the pooled transport must be rebuilt (a new trust included). */
export function configKey(config: SmtpConfig): string {
  return JSON.stringify([config.host, config.port, config.security, config.username, config.password, config.sender, config.senderName, config.trust]);
}

/** The From header: the instance's name and the sender address. */
export function fromHeader(config: SmtpConfig): { name: string; address: string } {
  return { name: config.senderName, address: config.sender };
}
