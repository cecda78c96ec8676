import type { ChannelKindName } from '../../../../../main/contract';

/** How each kind of channel is named and what address it asks for. */
export const channelKindInfo: Record<ChannelKindName, { label: string; urlLabel: string; placeholder: string; help: string }> = {
  webhook: {
    label: 'Webhook',
    urlLabel: 'Address to post to',
    placeholder: 'https://automation.example.com/hooks/stock',
    help: 'Each notification is posted as JSON, signed with a secret you are shown once (X-Stockbell-Signature: HMAC-SHA256 of "timestamp.body").',
  },
  ntfy: {
    label: 'ntfy',
    urlLabel: 'Topic address',
    placeholder: 'https://ntfy.sh/your-private-topic',
    help: 'A push to the ntfy app on your phone. Use a topic name nobody can guess, or a token for a protected topic.',
  },
  slack: {
    label: 'Slack or Mattermost',
    urlLabel: 'Incoming webhook address',
    placeholder: 'https://hooks.slack.com/services/…',
    help: 'Create an incoming webhook for the channel in Slack or Mattermost and paste its address here.',
  },
};
