import { ActionIcon, Button, Group, Loader, Popover, Stack, Table, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconCheck, IconHelpCircle, IconMinus, IconX } from '@tabler/icons-react';
import { useState, type ReactElement } from 'react';
import type { NotificationView } from '../../../main/contract';
import { useCall } from '../client/hooks';
import { MountOnFirstUse } from '../components/MountOnFirstUse';
import { absoluteTime } from '../components/relativeTime';

function outcomeIcon(ok: boolean | null) {
  if (ok === true) return { icon: IconCheck, color: 'teal' };
  if (ok === false) return { icon: IconX, color: 'red' };
  return { icon: IconMinus, color: 'gray' };
}

/** "Why did I get this?": the facts, the subscription (then and now), and each channel's delivery. */
export function WhyPopover({ notification, compact = false }: { notification: NotificationView; compact?: boolean }) {
  const trigger = compact ? (
    <ActionIcon variant="subtle" color="gray" aria-label="Why did I get this?">
      <IconHelpCircle size={17} />
    </ActionIcon>
  ) : (
    <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconHelpCircle size={14} />}>
      Why did I get this?
    </Button>
  );
  return (
    <MountOnFirstUse trigger={trigger} popup="dialog">
      {(target) => <MountedWhyPopover notification={notification} compact={compact} target={target} />}
    </MountOnFirstUse>
  );
}

/** The popover and its lookup (asked for only while open), for a row a person has used. */
function MountedWhyPopover({ notification, compact, target }: { notification: NotificationView; compact: boolean; target: ReactElement }) {
  // Opened and closed by Mantine (its target toggles it); followed here to ask only once it is open.
  const [opened, setOpened] = useState(false);
  const why = useCall('notifications.why', { id: notification.id }, { enabled: opened });
  return (
    <Popover onChange={setOpened} position="bottom-end" width={420} shadow="md" withArrow trapFocus returnFocus withinPortal>
      {/* The tooltip outside the target, so the button itself says it opens a dialog. */}
      {compact ? (
        <Tooltip label="Why did I get this?" openDelay={300}>
          <Popover.Target>{target}</Popover.Target>
        </Tooltip>
      ) : (
        <Popover.Target>{target}</Popover.Target>
      )}
      <Popover.Dropdown aria-label={`Why you got ${notification.title}`}>
        {!why.data ? (
          <Loader size="sm" aria-label="Loading" />
        ) : (
          <Stack gap="sm">
            <div>
              <Text fw={600} size="sm">
                {why.data.reason || 'You were told about it.'}
              </Text>
              {why.data.coverageNow && (
                <Text size="xs" c="dimmed">
                  {why.data.coverageNow}
                </Text>
              )}
            </div>
            {why.data.facts.length > 0 && (
              <Group gap="lg">
                {why.data.facts.map((fact) => (
                  <div key={fact.label}>
                    <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                      {fact.label}
                    </Text>
                    <Text size="sm">{fact.value}</Text>
                  </div>
                ))}
              </Group>
            )}
            <Table aria-label="Delivery" verticalSpacing={6} horizontalSpacing={6}>
              <Table.Tbody>
                {why.data.deliveries.map((delivery) => {
                  const look = outcomeIcon(delivery.ok);
                  const Icon = look.icon;
                  return (
                    <Table.Tr key={delivery.channel}>
                      <Table.Td w={28} style={{ verticalAlign: 'top' }}>
                        <ThemeIcon size={20} radius="xl" variant="light" color={look.color} aria-hidden="true">
                          <Icon size={13} />
                        </ThemeIcon>
                      </Table.Td>
                      <Table.Td style={{ verticalAlign: 'top' }}>
                        <Text size="sm" fw={600}>
                          {delivery.channel}
                        </Text>
                        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                          {delivery.outcome}
                        </Text>
                        {delivery.at !== null && (
                          <Text size="xs" c="dimmed">
                            {absoluteTime(delivery.at)}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
