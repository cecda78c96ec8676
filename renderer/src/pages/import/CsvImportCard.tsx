import { Alert, Badge, Button, Code, FileInput, Group, List, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconEye, IconFileSpreadsheet, IconFolderPlus, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { CsvKind, MethodOutput } from '../../../../main/contract';
import { errorMessage } from '../../client/callFailure';
import { useMutate } from '../../client/hooks';
import { fieldErrorsOf } from '../../components/forms/formErrors';
import { notifyDone } from '../../components/notify';
import { SectionCard } from '../../components/SectionCard';
import { useChosenFile } from './useChosenFile';

type Preview = MethodOutput<'import.csv.preview'>;

const COLUMNS: Record<CsvKind, { name: string; meaning: string }[]> = {
  parts: [
    { name: 'name', meaning: 'required' },
    { name: 'ipn', meaning: 'matches an existing part to update' },
    { name: 'description', meaning: '' },
    { name: 'category', meaning: 'a path such as “Electronics / Passives”' },
    { name: 'variant_of', meaning: 'the template’s IPN or name' },
    { name: 'minimum_stock', meaning: '' },
    { name: 'units', meaning: '' },
    { name: 'is_template', meaning: 'yes / no' },
    { name: 'is_assembly', meaning: 'yes / no' },
    { name: 'active', meaning: 'yes / no' },
  ],
  stock: [
    { name: 'part', meaning: 'IPN or name' },
    { name: 'location', meaning: 'a path such as “Workshop / Shelf A”' },
    { name: 'quantity', meaning: 'required' },
    { name: 'batch', meaning: '' },
  ],
};

const ACTION_COLOR = { create: 'teal', update: 'blue', error: 'red' } as const;
const ACTION_LABEL = { create: 'Create', update: 'Update', error: 'Error' } as const;

function rowsPhrase(count: number): string {
  return count === 1 ? '1 row' : `${count.toLocaleString()} rows`;
}

export function CsvImportCard() {
  const preview = useMutate('import.csv.preview');
  const apply = useMutate('import.csv.apply');
  const [kind, setKind] = useState<CsvKind>('parts');
  const chosen = useChosenFile('Choose a CSV file');
  const [content, setContent] = useState<string | null>(null);
  const result: Preview | undefined = content !== null ? preview.data : undefined;

  const forget = () => {
    setContent(null);
    preview.reset();
    apply.reset();
  };

  const runPreview = async () => {
    const text = await chosen.read();
    if (text === null) return;
    apply.reset();
    setContent(text);
    preview.mutate({ kind, content: text });
  };

  const runImport = () => {
    if (content === null) return;
    apply.mutate(
      { kind, content },
      {
        onSuccess: ({ created, updated }) => {
          notifyDone('CSV imported', `${created.toLocaleString()} created, ${updated.toLocaleString()} updated`);
          chosen.choose(null);
          forget();
        },
      },
    );
  };

  const rowCount = result ? result.creates + result.updates : 0;
  const fieldError = chosen.readError ?? fieldErrorsOf(preview.error).content;
  const failure = preview.error && !fieldErrorsOf(preview.error).content ? preview.error : apply.error;

  return (
    <SectionCard title="CSV import" description="Add or update parts, or add stock, from a spreadsheet saved as CSV. You see every row before anything changes.">
      <Stack gap="md">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="csv-kind-label">
            What to import
          </Text>
          <SegmentedControl
            aria-labelledby="csv-kind-label"
            data={[
              { value: 'parts', label: 'Parts' },
              { value: 'stock', label: 'Stock items' },
            ]}
            value={kind}
            onChange={(value) => {
              setKind(value as CsvKind);
              forget();
            }}
            w="fit-content"
          />
        </Stack>
        <Text size="sm" c="dimmed" component="div">
          The first row names the columns:{' '}
          {COLUMNS[kind].map((column, index) => (
            <span key={column.name}>
              {index > 0 && ', '}
              <Code>{column.name}</Code>
              {column.meaning && <> ({column.meaning})</>}
            </span>
          ))}
          .{' '}
          {kind === 'parts'
            ? 'Missing categories are created.'
            : 'Missing locations are created; each row adds a new stock item.'}
        </Text>
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <FileInput
            label="CSV file"
            placeholder="Choose a .csv file"
            accept=".csv,text/csv"
            leftSection={<IconFileSpreadsheet size={18} />}
            value={chosen.file}
            onChange={(next) => {
              chosen.choose(next);
              forget();
            }}
            clearable
            error={fieldError}
            style={{ flex: 1 }}
            maw={520}
          />
          <Button variant="default" leftSection={<IconEye size={16} />} onClick={() => void runPreview()} loading={preview.isPending} mb={fieldError ? 22 : 0}>
            Preview
          </Button>
        </Group>
        {failure ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(failure)}
          </Alert>
        ) : null}
        {result && <CsvPreview result={result} />}
        {result && (
          <Group justify="space-between" align="center">
            <Text size="sm" c={result.errors > 0 ? 'red.7' : 'dimmed'} id="csv-import-reason">
              {result.errors > 0
                ? `Fix the ${result.errors === 1 ? 'row' : `${result.errors.toLocaleString()} rows`} with errors and preview again; nothing is imported while any row has an error.`
                : rowCount === 0
                  ? 'The file has no rows to import.'
                  : `${result.creates.toLocaleString()} to create, ${result.updates.toLocaleString()} to update.`}
            </Text>
            <Button
              leftSection={<IconUpload size={16} />}
              disabled={result.errors > 0 || rowCount === 0}
              aria-describedby="csv-import-reason"
              onClick={runImport}
              loading={apply.isPending}
            >
              Import {rowsPhrase(rowCount)}
            </Button>
          </Group>
        )}
      </Stack>
    </SectionCard>
  );
}

function CsvPreview({ result }: { result: Preview }) {
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Badge color="teal" variant="light" radius="sm">
          {result.creates.toLocaleString()} new
        </Badge>
        <Badge color="blue" variant="light" radius="sm">
          {result.updates.toLocaleString()} updated
        </Badge>
        <Badge color={result.errors > 0 ? 'red' : 'gray'} variant={result.errors > 0 ? 'filled' : 'light'} radius="sm">
          {result.errors === 1 ? '1 error' : `${result.errors.toLocaleString()} errors`}
        </Badge>
      </Group>
      <Table.ScrollContainer minWidth={560} mah={360} type="native">
        <Table aria-label="Preview" withTableBorder stickyHeader verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70} ta="right">
                Line
              </Table.Th>
              <Table.Th w={100}>Action</Table.Th>
              <Table.Th>Row</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.rows.map((row) => (
              <Table.Tr key={row.line} bg={row.action === 'error' ? 'var(--mantine-color-red-0)' : undefined}>
                <Table.Td ta="right" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {row.line}
                </Table.Td>
                <Table.Td>
                  <Badge color={ACTION_COLOR[row.action]} variant={row.action === 'error' ? 'filled' : 'light'} size="sm" radius="sm">
                    {ACTION_LABEL[row.action]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{row.summary}</Text>
                  {row.errors.map((error) => (
                    <Text key={error} size="sm" c="red.7">
                      {error}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {result.newPlaces.length > 0 && (
        <Alert color="blue" variant="light" icon={<IconFolderPlus size={18} />} title="New categories/locations that will be created">
          <List size="sm" spacing={2}>
            {result.newPlaces.map((place) => (
              <List.Item key={place}>{place}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
