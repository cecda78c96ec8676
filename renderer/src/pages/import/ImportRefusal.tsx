import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertOctagon, IconFileImport } from '@tabler/icons-react';
import type { ImportSummary } from '../../../../main/contract';
import { ImportProblemList, problemsPhrase } from './ImportProblemList';
import { IMPORTED_LABELS } from './ImportSummaryView';

interface ImportRefusalProps {
  /** What importing anyway would do, problems included. */
  summary: ImportSummary;
  onImportAnyway: () => void;
  onChooseAnother: () => void;
}

/** An export refused for its problems: nothing was written; the person reads them and decides. */
export function ImportRefusal({ summary, onImportAnyway, onChooseAnother }: ImportRefusalProps) {
  const wouldAdd = IMPORTED_LABELS.filter(([key]) => summary.imported[key] > 0);
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertOctagon size={18} />}
      title={`Nothing was imported: the file has ${problemsPhrase(summary.problemCount)}`}
    >
      <Stack gap="sm">
        <Text size="sm">
          The export refers to records it does not hold, or has values Stockbell cannot keep exactly. Fix them in InvenTree and export again, or import it
          anyway: each problem says what the import does instead.
        </Text>
        <ImportProblemList summary={summary} color="red" />
        {wouldAdd.length > 0 && (
          <Stack gap={6}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              Importing anyway adds
            </Text>
            <Group gap={6} role="group" aria-label="Importing anyway adds">
              {wouldAdd.map(([key, label]) => (
                <Badge key={key} variant="default" radius="sm" tt="none" fw={500}>
                  {label} · {summary.imported[key].toLocaleString()}
                </Badge>
              ))}
            </Group>
          </Stack>
        )}
        <Group gap="sm" mt={4}>
          <Button color="orange" leftSection={<IconFileImport size={16} />} onClick={onImportAnyway}>
            Import anyway
          </Button>
          <Button variant="default" onClick={onChooseAnother}>
            Choose another file
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
