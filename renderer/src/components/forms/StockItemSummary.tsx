import { Group, Paper, Stack, Text } from '@mantine/core';
import type { StockItemView } from '../../../../main/contract';
import { QuantityText } from '../QuantityText';

/** Which item an action applies to, shown at the top of every stock action form. */
export function StockItemSummary({ item }: { item: StockItemView }) {
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)">
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={2} miw={0}>
          <Text fw={600} truncate>
            {item.partName}
          </Text>
          <Text size="sm" c="dimmed" truncate>
            {item.locationPath.map((entry) => entry.name).join(' / ')}
            {item.batch ? ` · Batch ${item.batch}` : ''}
          </Text>
        </Stack>
        <Stack gap={0} align="flex-end">
          <Text size="xs" c="dimmed">
            In stock
          </Text>
          <QuantityText value={item.quantity} units={item.units} fw={600} />
        </Stack>
      </Group>
    </Paper>
  );
}
