import { createHmac } from 'node:crypto';
import type { ChannelKind } from '../../../db/schema/channels';

// What each kind of channel is sent, as plain data (the worker posts it). A webhook gets the
// notification as JSON, signed so the receiver can tell it came from this Stockbell and is fresh;
// ntfy gets a push message with a title; Slack and Mattermost get their incoming-webhook text.

/** A notification as a channel carries it, composed once when it was queued. */
export interface ChannelMessage {
  /** The same for every attempt of one delivery, so a receiver can drop a repeat. */
  deliveryId: string;
  kind: string;
  title: string;
  message: string;
  reason: string;
  /** The Stockbell desktop link (stockbell://...), and the browser address when this host has one. */
  appLink: string;
  webLink: string | null;
  createdAt: number;
}

export interface OutgoingRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * HMAC-SHA256 over "<timestamp>.<body>" with the channel's secret, hex. Signing the time with the
 * body lets a receiver refuse a captured request replayed later (reject timestamps older than a few
 * minutes) without keeping every id it has seen.
 */
export function webhookSignature(secret: string, timestampSeconds: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
}

/**
 * An ntfy header value: one line, no control characters; text beyond ASCII (a part named "10 kΩ")
 * as an RFC 2047 encoded word, which ntfy decodes and which HTTP headers can carry.
 */
function headerText(text: string): string {
  const line = [...text]
    .map((character) => (character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f ? ' ' : character))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim()
    .slice(0, 250);
  return /^[\x20-\x7e]*$/.test(line) ? line : `=?UTF-8?B?${Buffer.from(line, 'utf8').toString('base64')}?=`;
}

/** Slack and Mattermost read <, > and & as markup in text: escaped, so a part name is shown as typed. */
function slackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function requestFor(kind: ChannelKind, url: string, secret: string, message: ChannelMessage, nowSeconds: number): OutgoingRequest {
  switch (kind) {
    case 'webhook': {
      const body = JSON.stringify({
        id: message.deliveryId,
        kind: message.kind,
        title: message.title,
        message: message.message,
        reason: message.reason,
        link: message.webLink ?? message.appLink,
        createdAt: new Date(message.createdAt).toISOString(),
      });
      return {
        url,
        body,
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Stockbell',
          'X-Stockbell-Delivery': message.deliveryId,
          'X-Stockbell-Timestamp': String(nowSeconds),
          'X-Stockbell-Signature': `sha256=${webhookSignature(secret, nowSeconds, body)}`,
        },
      };
    }
    case 'ntfy': {
      const headers: Record<string, string> = {
        'Content-Type': 'text/plain; charset=utf-8',
        'User-Agent': 'Stockbell',
        Title: headerText(message.title),
        Tags: message.kind === 'part.low_stock' ? 'warning' : 'package',
        Priority: message.kind === 'part.low_stock' || message.kind === 'build.stock_required' ? 'high' : 'default',
      };
      if (message.webLink) headers.Click = message.webLink;
      if (secret) headers.Authorization = `Bearer ${secret}`;
      return { url, headers, body: message.message };
    }
    case 'slack': {
      const link = message.webLink ? `\n<${message.webLink}|Open in Stockbell>` : '';
      const text = `*${slackText(message.title)}*\n${slackText(message.message)}\n_${slackText(message.reason)}_${link}`;
      return { url, headers: { 'Content-Type': 'application/json', 'User-Agent': 'Stockbell' }, body: JSON.stringify({ text }) };
    }
  }
}
