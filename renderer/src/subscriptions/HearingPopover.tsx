import { ActionIcon, Group, List, Loader, Popover, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconCheck, IconHelpCircle, IconInfoSmall, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useCall } from '../client/hooks';
import { absoluteTime } from '../components/relativeTime';

const looks = {
  ok: { icon: IconCheck, color: 'teal' },
  blocked: { icon: IconX, color: 'red' },
  note: { icon: IconInfoSmall, color: 'gray' },
} as const;

/** "Why would I (not) hear about this part?": every rule that decides it, for the signed-in person. */
export function HearingPopover({ partId, name }: { partId: number; name: string }) {
  const [opened, setOpened] = useState(false);
  const answer = useCall('subscriptions.explain', { partId }, { enabled: opened });
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={400} shadow="md" withArrow trapFocus returnFocus>
      <Popover.Target>
        <Tooltip label="Would I hear about this?" openDelay={300}>
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={`Would I hear about ${name}?`} onClick={() => setOpened((open) => !open)}>
            <IconHelpCircle size={19} stroke={1.7} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        {!answer.data ? (
          <Loader size="sm" aria-label="Checking" />
        ) : (
          <>
            <Text fw={600} size="sm" mb="xs">
              {answer.data.hears ? `You would hear when ${name} runs low` : `You would not hear when ${name} runs low`}
            </Text>
            <List spacing={8} listStyleType="none" aria-label="What decides it">
              {answer.data.lines.map((line) => {
                const look = looks[line.kind];
                const Icon = look.icon;
                return (
                  <List.Item key={line.text}>
                    <Group gap={8} wrap="nowrap" align="flex-start">
                      <ThemeIcon size={20} radius="xl" variant="light" color={look.color} aria-hidden="true" style={{ flexShrink: 0 }}>
                        <Icon size={14} />
                      </ThemeIcon>
                      <div style={{ minWidth: 0 }}>
                        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                          {line.text}
                        </Text>
                        {line.until ? (
                          <Text size="xs" c="dimmed">
                            Until {absoluteTime(line.until)}
                          </Text>
                        ) : null}
                      </div>
                    </Group>
                  </List.Item>
                );
              })}
            </List>
          </>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
