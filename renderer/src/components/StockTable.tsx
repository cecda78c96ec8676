import { Anchor, Badge, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { StockItemView } from '../../../main/contract';
import { LocationPathLinks } from './LocationPathLinks';
import { QuantityText } from './QuantityText';
import { StockItemDialogs, StockItemMenu, type ChosenStockAction } from './StockItemActions';
import { TimeText } from './TimeText';
import { TooltipOnFirstUse } from './TooltipOnFirstUse';

interface StockTableProps {
  items: StockItemView[];
  /** Hide the part column on a part's own page, the location column on a location's page. */
  showPart?: boolean;
  showLocation?: boolean;
  caption: string;
}

export function StockTable({ items, showPart = true, showLocation = true, caption }: StockTableProps) {
  const [chosen, setChosen] = useState<ChosenStockAction | null>(null);
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table highlightOnHover aria-label={caption}>
          <Table.Thead>
            <Table.Tr>
              {showPart && <Table.Th>Part</Table.Th>}
              {showLocation && <Table.Th>Location</Table.Th>}
              <Table.Th ta="right">Quantity</Table.Th>
              <Table.Th>Batch</Table.Th>
              <Table.Th>Updated</Table.Th>
              <Table.Th w={56}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id}>
                {showPart && (
                  <Table.Td>
                    <Anchor component={Link} to={`/parts/${item.partId}`} fw={500}>
                      {item.partName}
                    </Anchor>
                  </Table.Td>
                )}
                {showLocation && (
                  <Table.Td>
                    <LocationPathLinks path={item.locationPath} />
                  </Table.Td>
                )}
                <Table.Td ta="right">
                  <Group gap={6} justify="flex-end" wrap="nowrap">
                    {item.recount && (
                      <TooltipOnFirstUse label="Desktops of the team took more from this item, offline, than it held. Count it to set it right." multiline maw={260}>
                        <Badge color="orange" variant="light" size="sm">
                          Recount
                        </Badge>
                      </TooltipOnFirstUse>
                    )}
                    <QuantityText value={item.quantity} units={item.units} fw={500} c={item.recount ? 'orange.8' : undefined} />
                  </Group>
                </Table.Td>
                <Table.Td>
                  {item.batch ? (
                    item.batch
                  ) : (
                    <Text span c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td c="dimmed" fz="sm">
                  <TimeText value={item.updatedAt} />
                </Table.Td>
                <Table.Td>
                  <StockItemMenu item={item} onChoose={(action) => setChosen({ item, action })} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {/* The row as it is now: the list may have refreshed since the menu was used. */}
      <StockItemDialogs
        chosen={chosen && { ...chosen, item: items.find((item) => item.id === chosen.item.id) ?? chosen.item }}
        onClose={() => setChosen((current) => current && { ...current, action: null })}
      />
    </>
  );
}

