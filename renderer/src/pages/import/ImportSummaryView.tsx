import { Alert, Badge, Button, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconChevronDown, IconChevronUp, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { ImportSummary } from '../../../../main/contract';
import { ImportProblemList, problemsPhrase } from './ImportProblemList';

/** Each kind the import counts, as the summary names it. */
export const IMPORTED_LABELS: [keyof ImportSummary['imported'], string][] = [
  ['users', 'People'],
  ['categories', 'Categories'],
  ['locations', 'Locations'],
  ['parts', 'Parts'],
  ['stockItems', 'Stock items'],
  ['bomLines', 'BOM lines'],
  ['buildOrders', 'Build orders'],
  ['partSubscriptions', 'Part subscriptions'],
  ['categorySubscriptions', 'Category subscriptions'],
  ['suppliers', 'Suppliers'],
  ['supplierParts', 'Supplier parts'],
  ['purchaseOrders', 'Purchase orders'],
];

/** Left-out kinds beyond these many start folded away. */
const SHOWN_MODELS = 10;

function SubHeading({ children }: { children: string }) {
  return (
    <Title order={4} fz="sm" fw={600} mb={6}>
      {children}
    </Title>
  );
}

export function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  const [allModels, setAllModels] = useState(false);
  const skippedModels = Object.entries(summary.skippedModels).sort((a, b) => b[1] - a[1]);

  return (
    <Stack gap="lg" component="section" aria-label="Import summary">
      <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title="Import finished">
        Everything below is now in Stockbell.
        {summary.problemCount > 0 ? ' Some records needed attention; see the problems listed.' : ''}
      </Alert>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <div>
          <SubHeading>Imported</SubHeading>
          <Table aria-label="Imported" withTableBorder verticalSpacing={6}>
            <Table.Tbody>
              {IMPORTED_LABELS.map(([key, label]) => (
                <Table.Tr key={key}>
                  <Table.Th fw={500} w="60%">
                    {label}
                  </Table.Th>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }} fw={summary.imported[key] ? 600 : undefined} c={summary.imported[key] ? undefined : 'dimmed'}>
                    {summary.imported[key].toLocaleString()}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
        <Stack gap="lg">
          <div>
            <SubHeading>Skipped records</SubHeading>
            {summary.skipped.length === 0 ? (
              <Text size="sm" c="dimmed">
                None: every record of a kind Stockbell keeps was imported.
              </Text>
            ) : (
              <List size="sm" spacing={4} aria-label="Skipped records">
                {summary.skipped.map((entry) => (
                  <List.Item key={entry.reason}>
                    <Group gap={8} wrap="nowrap" align="flex-start">
                      <Badge variant="light" color="gray" size="sm" radius="sm" style={{ flexShrink: 0 }}>
                        {entry.count.toLocaleString()}
                      </Badge>
                      <Text size="sm">{entry.reason}</Text>
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
          </div>
          <div>
            <SubHeading>Not kept by Stockbell</SubHeading>
            {skippedModels.length === 0 ? (
              <Text size="sm" c="dimmed">
                Nothing: the file held only what Stockbell keeps.
              </Text>
            ) : (
              <>
                <Text size="xs" c="dimmed" mb={6}>
                  InvenTree records of these kinds have no place in Stockbell and were left out.
                </Text>
                <Group gap={6} aria-label="Models not kept">
                  {(allModels ? skippedModels : skippedModels.slice(0, SHOWN_MODELS)).map(([model, count]) => (
                    <Badge key={model} variant="default" radius="sm" tt="none" fw={500}>
                      {model} · {count.toLocaleString()}
                    </Badge>
                  ))}
                </Group>
                {skippedModels.length > SHOWN_MODELS && (
                  <Button
                    variant="subtle"
                    color="gray"
                    size="compact-sm"
                    mt={6}
                    px={4}
                    onClick={() => setAllModels((open) => !open)}
                    rightSection={allModels ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
                  >
                    {allModels ? 'Show fewer' : `Show ${(skippedModels.length - SHOWN_MODELS).toLocaleString()} more kinds`}
                  </Button>
                )}
              </>
            )}
          </div>
        </Stack>
      </SimpleGrid>
      {summary.problemCount > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={problemsPhrase(summary.problemCount)}>
          <ImportProblemList summary={summary} color="orange" />
        </Alert>
      )}
    </Stack>
  );
}
