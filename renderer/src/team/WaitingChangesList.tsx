import { Badge, Group, List, Text } from '@mantine/core';
import { useCall } from '../client/hooks';
import { TimeText } from '../components/TimeText';

const SHOWN = 50;

/** The changes made here that the team does not have yet, newest first, each marked as waiting. */
export function WaitingChangesList() {
  const waiting = useCall('team.waiting', { limit: SHOWN });
  if (!waiting.data) return <Text size="sm" c="dimmed">Reading the changes waiting here…</Text>;
  const { rows, total } = waiting.data;
  if (total === 0) return <Text size="sm">Everything made on this desktop has reached the team.</Text>;
  return (
    <div>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>
        Made here, not yet with the team
      </Text>
      <List spacing={6} listStyleType="none" aria-label="Changes waiting to reach the team">
        {rows.map((row) => (
          <List.Item key={row.id}>
            <Group gap={6} wrap="nowrap" align="flex-start">
              <Badge size="xs" variant="outline" color="yellow" style={{ flexShrink: 0, marginTop: 2 }}>
                Waiting
              </Badge>
              <div style={{ minWidth: 0 }}>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {row.summary}
                </Text>
                <Text size="xs" c="dimmed">
                  <TimeText value={row.at} />
                  {row.author ? ` · ${row.author}` : ''}
                </Text>
              </div>
            </Group>
          </List.Item>
        ))}
      </List>
      {total > rows.length && (
        <Text size="xs" c="dimmed" mt={6}>
          {(total - rows.length).toLocaleString()} more waiting (the oldest, or other people's own).
        </Text>
      )}
    </div>
  );
}
