import { Alert, Button, Code, FileInput, Group, Stack, Text } from '@mantine/core';
import { IconFileImport, IconJson, IconLock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { ImportSummary } from '../../../../main/contract';
import { CallFailure, errorMessage } from '../../client/callFailure';
import { useClient } from '../../client/client';
import { useMutate } from '../../client/hooks';
import { ConfirmActionModal } from '../../components/forms/ConfirmActionModal';
import { fieldErrorsOf } from '../../components/forms/formErrors';
import { notifyDone } from '../../components/notify';
import { SectionCard } from '../../components/SectionCard';
import { useCurrentUser } from '../../session/CurrentUser';
import { ImportProgressBars } from './ImportProgressBars';
import type { ImportProgressState } from './importPhases';
import { ImportSummaryView } from './ImportSummaryView';
import { useChosenFile } from './useChosenFile';

export function InvenTreeImportCard() {
  const user = useCurrentUser();
  return (
    <SectionCard
      title="InvenTree export (JSON)"
      description={
        <>
          Bring over categories, locations, parts, stock, bills of materials, build orders and who follows what, from an InvenTree data export
          (made with <Code style={{ whiteSpace: 'nowrap' }}>invoke export-records</Code>).
        </>
      }
    >
      {user.role === 'admin' ? (
        <InvenTreeImport />
      ) : (
        <Alert color="gray" variant="light" icon={<IconLock size={18} />}>
          Only administrators can import an InvenTree export. Ask one of them to bring your data over.
        </Alert>
      )}
    </SectionCard>
  );
}

/** The host refuses a non-empty inventory naming the confirmation it needs; other conflicts (an import already running) are messages. */
function asksToAllowNonEmpty(error: unknown): boolean {
  return error instanceof CallFailure && error.code === 'CONFLICT' && error.fields.allowNonEmpty !== undefined;
}

function InvenTreeImport() {
  const { transport } = useClient();
  const importFile = useMutate('import.inventree');
  const chosen = useChosenFile('Choose the JSON file InvenTree exported');
  const [content, setContent] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [progress, setProgress] = useState<ImportProgressState>({});
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const running = importFile.isPending;

  useEffect(
    () =>
      transport.on('import.progress', ({ phase, done, total }) => {
        setProgress((current) => ({ ...current, [phase]: { done, total } }));
      }),
    [transport],
  );

  const run = (text: string, allowNonEmpty: boolean) => {
    setProgress({});
    setSummary(null);
    importFile.mutate(
      { content: text, allowNonEmpty },
      {
        onSuccess: (result) => {
          setSummary(result);
          notifyDone('Import finished', `${result.imported.parts.toLocaleString()} parts and ${result.imported.stockItems.toLocaleString()} stock items imported`);
        },
        onError: (error) => {
          if (asksToAllowNonEmpty(error)) {
            setContent(text);
            setConfirming(true);
          }
        },
      },
    );
  };

  const start = async () => {
    const text = await chosen.read();
    if (text !== null) run(text, false);
  };

  // A refusal because the inventory has data is a question for the person, not an error to show.
  const questioned = asksToAllowNonEmpty(importFile.error);
  const fieldError = chosen.readError ?? fieldErrorsOf(importFile.error).content;
  const alert = importFile.error && !questioned && !fieldErrorsOf(importFile.error).content ? errorMessage(importFile.error) : null;
  const started = running || summary !== null || Object.keys(progress).length > 0;

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <FileInput
          label="InvenTree export file"
          placeholder="Choose a .json file"
          accept=".json,application/json"
          leftSection={<IconJson size={18} />}
          value={chosen.file}
          onChange={(next) => {
            chosen.choose(next);
            setContent(null);
            importFile.reset();
          }}
          clearable
          disabled={running}
          error={fieldError}
          style={{ flex: 1 }}
          maw={520}
        />
        <Button leftSection={<IconFileImport size={16} />} onClick={() => void start()} loading={running} mb={fieldError ? 22 : 0}>
          Import
        </Button>
      </Group>
      {alert && (
        <Alert color="red" variant="light" role="alert">
          {alert}
        </Alert>
      )}
      {!started && (
        <Text size="xs" c="dimmed">
          The import runs as one step: if anything goes wrong, nothing is added. People from the file get accounts without a password; an
          administrator sets one for each.
        </Text>
      )}
      {started && <ImportProgressBars progress={progress} finished={summary !== null} />}
      {summary && <ImportSummaryView summary={summary} />}
      <ConfirmActionModal
        opened={confirming}
        onClose={() => {
          setConfirming(false);
          setContent(null);
          importFile.reset();
        }}
        title="Import into a non-empty inventory?"
        confirmLabel="Import anyway"
        onConfirm={() => {
          setConfirming(false);
          if (content !== null) run(content, true);
          setContent(null);
        }}
      >
        Your inventory already has data. The import adds everything in the file to it; nothing already here is changed or removed.
      </ConfirmActionModal>
    </Stack>
  );
}
