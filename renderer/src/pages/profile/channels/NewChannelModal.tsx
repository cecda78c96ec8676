import { Alert, Button, Code, CopyButton, Group, Modal, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import type { ChannelKindName } from '../../../../../main/contract';
import { useMutate } from '../../../client/hooks';
import { fieldErrorsOf } from '../../../components/forms/formErrors';
import { FormBody, FormModal } from '../../../components/forms/FormModal';
import { notifyDone } from '../../../components/notify';
import { channelKindInfo } from './channelKinds';

interface NewChannelModalProps {
  opened: boolean;
  onClose: () => void;
  /** For a group (administrators); the signed-in person's own when left out. */
  groupId?: number | undefined;
}

/** Adds a channel; a webhook's signing secret is then shown, this once, to copy. */
export function NewChannelModal({ opened, onClose, groupId }: NewChannelModalProps) {
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  return (
    <>
      <FormModal opened={opened} onClose={onClose} title="Add a channel">
        <NewChannelForm
          groupId={groupId ?? null}
          onClose={onClose}
          onSecret={(name, value) => {
            onClose();
            setSecret({ name, value });
          }}
        />
      </FormModal>
      <Modal opened={secret !== null} onClose={() => setSecret(null)} title="Your webhook’s signing secret" size="lg" closeOnClickOutside={false}>
        {secret && (
          <Stack gap="md">
            <Alert color="yellow" variant="light" icon={<IconKey size={18} />}>
              Copy it now: it is not shown again. If you lose it, remove “{secret.name}” and add it again.
            </Alert>
            <Code block aria-label="Signing secret" style={{ fontSize: 14, wordBreak: 'break-all' }}>
              {secret.value}
            </Code>
            <Text size="sm" c="dimmed">
              Each post carries X-Stockbell-Timestamp and X-Stockbell-Signature: sha256= followed by the HMAC-SHA256, in hex, of the timestamp, a dot and the
              body, with this secret. Refuse a post whose signature differs or whose timestamp is more than five minutes old; X-Stockbell-Delivery is the same for
              every try of one notification.
            </Text>
            <Group justify="flex-end">
              <CopyButton value={secret.value}>{({ copied, copy }) => <Button variant="light" onClick={copy}>{copied ? 'Copied' : 'Copy secret'}</Button>}</CopyButton>
              <Button onClick={() => setSecret(null)}>Done</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}

function NewChannelForm({ groupId, onClose, onSecret }: { groupId: number | null; onClose: () => void; onSecret: (name: string, secret: string) => void }) {
  const create = useMutate('channels.create');
  const errors = fieldErrorsOf(create.error);
  const [kind, setKind] = useState<ChannelKindName>('webhook');
  const [values, setValues] = useState({ name: '', url: '', token: '' });
  const info = channelKindInfo[kind];

  const submit = () =>
    create.mutate(
      { groupId, kind, name: values.name, url: values.url, token: kind === 'ntfy' ? values.token : '' },
      {
        onSuccess: ({ channel, secret }) => {
          notifyDone(`${channel.name} added`, 'Send a test message to check it works.');
          if (secret) onSecret(channel.name, secret);
          else onClose();
        },
      },
    );

  return (
    <FormBody onSubmit={submit} onCancel={onClose} submitLabel="Add channel" pending={create.isPending} error={create.error} fieldNames={['kind', 'name', 'url', 'token']}>
      <SegmentedControl
        fullWidth
        aria-label="Kind of channel"
        value={kind}
        onChange={(value) => setKind(value as ChannelKindName)}
        data={(Object.keys(channelKindInfo) as ChannelKindName[]).map((value) => ({ value, label: channelKindInfo[value].label }))}
      />
      <Text size="sm" c="dimmed">
        {info.help}
      </Text>
      <TextInput
        label="Name"
        placeholder={kind === 'slack' ? '#stores' : kind === 'ntfy' ? 'My phone' : 'Automation'}
        withAsterisk
        data-autofocus
        value={values.name}
        onChange={(event) => {
          const name = event.currentTarget.value;
          setValues((current) => ({ ...current, name }));
        }}
        error={errors.name}
      />
      <TextInput
        label={info.urlLabel}
        placeholder={info.placeholder}
        withAsterisk
        autoComplete="off"
        spellCheck={false}
        value={values.url}
        onChange={(event) => {
          const url = event.currentTarget.value;
          setValues((current) => ({ ...current, url }));
        }}
        error={errors.url}
      />
      {kind === 'ntfy' && (
        <PasswordInput
          label="Access token"
          description="Only for a protected topic; kept sealed on this computer."
          autoComplete="off"
          value={values.token}
          onChange={(event) => {
            const token = event.currentTarget.value;
            setValues((current) => ({ ...current, token }));
          }}
          error={errors.token}
        />
      )}
    </FormBody>
  );
}
