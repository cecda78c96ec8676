import { Badge, Button, Group, Paper, SimpleGrid, Table, Text } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import type { OutboxEntry } from '../../../../main/contract';
import { useCall, useMutate } from '../../client/hooks';
import { notifyDone, notifyFailed } from '../../components/notify';
import { QueryError } from '../../components/QueryError';
import { SectionCard } from '../../components/SectionCard';
import { TableSkeleton } from '../../components/TableSkeleton';
import { TimeText } from '../../components/TimeText';
import { NextTryTime } from './NextTryTime';

/** The mail worker changes the outbox without a push event, so this card refreshes while it is open. */
const POLL_MS = 10_000;

export function OutboxCard() {
  const summary = useCall('outbox.summary', {}, { refetchInterval: POLL_MS });

  return (
    <SectionCard title="Outbox" description="Every email waits here until the mail server accepts it. Failed sends are retried with growing pauses.">
      {summary.isError ? (
        <QueryError error={summary.error} onRetry={() => void summary.refetch()} title="Could not load the outbox" />
      ) : !summary.data ? (
        <TableSkeleton rows={3} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" mb="lg">
            <Count label="Queued" value={summary.data.counts.queued + summary.data.counts.sending} />
            <Count label="Sent" value={summary.data.counts.sent} color="teal" />
            <Count label="Failed" value={summary.data.counts.failed} color={summary.data.counts.failed > 0 ? 'red' : undefined} />
            <Count label="Dropped" value={summary.data.counts.dropped} />
          </SimpleGrid>
          {summary.data.problems.length === 0 ? (
            <Group gap="sm" c="dimmed" py="xs">
              <IconMailCheck size={20} aria-hidden="true" />
              <Text size="sm">No email problems. Emails the server refuses or cannot take yet are listed here, with the server&apos;s answer.</Text>
            </Group>
          ) : (
            <ProblemsTable problems={summary.data.problems} />
          )}
        </>
      )}
    </SectionCard>
  );
}

function Count({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Paper withBorder p="sm" role="group" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={24} fw={650} c={value > 0 ? color : undefined}>
        {value.toLocaleString()}
      </Text>
    </Paper>
  );
}

function ProblemsTable({ problems }: { problems: OutboxEntry[] }) {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table aria-label="Email problems" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Subject</Table.Th>
            <Table.Th>Recipient</Table.Th>
            <Table.Th miw={110}>Status</Table.Th>
            <Table.Th ta="right">Attempts</Table.Th>
            <Table.Th>Last error</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.map((entry) => (
            <ProblemRow key={entry.id} entry={entry} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ProblemRow({ entry }: { entry: OutboxEntry }) {
  const retry = useMutate('outbox.retry');
  const discard = useMutate('outbox.discard');
  const busy = retry.isPending || discard.isPending;
  const waiting = entry.status === 'queued';

  return (
    <Table.Tr>
      <Table.Td maw={260}>
        <Text size="sm" fw={500} lineClamp={2}>
          {entry.subject}
        </Text>
        <Text size="xs" c="dimmed">
          Queued <TimeText value={entry.createdAt} />
        </Text>
      </Table.Td>
      <Table.Td fz="sm">{entry.recipient}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={waiting ? 'yellow' : 'red'} size="sm">
          {waiting ? 'Retrying' : 'Failed'}
        </Badge>
        {waiting && (
          <Text size="xs" c="dimmed" mt={2}>
            next try <NextTryTime at={entry.nextAttemptAt} />
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" fz="sm">
        {entry.attempts}
      </Table.Td>
      <Table.Td maw={320}>
        <Text size="xs" c="red.8" style={{ wordBreak: 'break-word' }} lineClamp={3}>
          {entry.lastError ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap" justify="flex-end">
          <Button
            size="compact-xs"
            variant="light"
            loading={retry.isPending}
            disabled={busy}
            onClick={() =>
              retry.mutate(
                { id: entry.id },
                { onSuccess: () => notifyDone('Sending again', entry.subject), onError: (error) => notifyFailed('Could not retry this email', error) },
              )
            }
          >
            Retry now
          </Button>
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            loading={discard.isPending}
            disabled={busy}
            onClick={() =>
              discard.mutate(
                { id: entry.id },
                { onSuccess: () => notifyDone('Email discarded', entry.subject), onError: (error) => notifyFailed('Could not discard this email', error) },
              )
            }
          >
            Discard
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
