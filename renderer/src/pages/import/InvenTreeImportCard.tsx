import { Alert, Button, Code, FileInput, Group, Stack, Text } from '@mantine/core';
import { IconFileImport, IconJson, IconLock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { ImportOutcome } from '../../../../main/contract/transfer';
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
import { ImportRefusal } from './ImportRefusal';
import { ImportSummaryView } from './ImportSummaryView';
import { useSendExport, type ExportSource } from './useSendExport';

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

/** What the person has agreed to so far for this file; each answer is kept for the next try. */
interface Choices {
  allowNonEmpty: boolean;
  allowProblems: boolean;
}

const NOTHING_ALLOWED: Choices = { allowNonEmpty: false, allowProblems: false };

function InvenTreeImport() {
  const { transport } = useClient();
  const importFile = useMutate('import.inventree');
  const sender = useSendExport();
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  // The export as the host has it (uploaded, or its text), so a confirmation needs no second upload.
  const [source, setSource] = useState<ExportSource | null>(null);
  const [choices, setChoices] = useState<Choices>(NOTHING_ALLOWED);
  const [confirming, setConfirming] = useState(false);
  const [progress, setProgress] = useState<ImportProgressState>({});
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const busy = sender.sending || importFile.isPending;

  useEffect(
    () =>
      transport.on('import.progress', ({ phase, done, total }) => {
        setProgress((current) => ({ ...current, [phase]: { done, total } }));
      }),
    [transport],
  );

  const run = (from: ExportSource, allowed: Choices) => {
    setProgress({});
    setOutcome(null);
    setChoices(allowed);
    importFile.mutate(
      { ...from, ...allowed },
      {
        onSuccess: (result) => {
          setOutcome(result);
          if (result.outcome === 'imported') {
            const { parts, stockItems } = result.summary.imported;
            notifyDone('Import finished', `${parts.toLocaleString()} parts and ${stockItems.toLocaleString()} stock items imported`);
          }
        },
        onError: (error) => {
          if (asksToAllowNonEmpty(error)) setConfirming(true);
        },
      },
    );
  };

  const start = async () => {
    if (!file) {
      setFileProblem('Choose the JSON file InvenTree exported');
      return;
    }
    setFileProblem(null);
    setOutcome(null);
    setProgress({});
    importFile.reset();
    const sent = await sender.send(file);
    if ('problem' in sent) {
      setFileProblem(sent.problem);
      return;
    }
    setSource(sent.source);
    run(sent.source, NOTHING_ALLOWED);
  };

  const startOver = (next: File | null) => {
    setFile(next);
    setFileProblem(null);
    setSource(null);
    setChoices(NOTHING_ALLOWED);
    setOutcome(null);
    setProgress({});
    sender.reset();
    importFile.reset();
  };

  // A refusal because the inventory has data is a question for the person, not an error to show.
  const questioned = asksToAllowNonEmpty(importFile.error);
  const fieldError = fileProblem ?? fieldErrorsOf(importFile.error).content;
  const alert = importFile.error && !questioned && !fieldErrorsOf(importFile.error).content ? errorMessage(importFile.error) : null;
  const imported = outcome?.outcome === 'imported' ? outcome.summary : null;
  const refused = outcome?.outcome === 'refused' ? outcome.summary : null;
  // Bars while the file travels and imports, and after a finished import; a refusal wrote nothing to show progress of.
  const showBars = busy || imported !== null;

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <FileInput
          label="InvenTree export file"
          placeholder="Choose a .json file"
          accept=".json,application/json"
          leftSection={<IconJson size={18} />}
          value={file}
          onChange={startOver}
          clearable
          disabled={busy}
          error={fieldError}
          style={{ flex: 1 }}
          maw={520}
        />
        <Button leftSection={<IconFileImport size={16} />} onClick={() => void start()} loading={busy} mb={fieldError ? 22 : 0}>
          Import
        </Button>
      </Group>
      {alert && (
        <Alert color="red" variant="light" role="alert">
          {alert}
        </Alert>
      )}
      {!showBars && !refused && (
        <Text size="xs" c="dimmed">
          The import runs as one step: if anything goes wrong, nothing is added. An export that refers to records it does not hold is shown to you
          first, and imported only if you say so. People from the file get accounts without a password; an administrator sets one for each.
        </Text>
      )}
      {showBars && <ImportProgressBars upload={sender.upload} progress={progress} finished={imported !== null} />}
      {refused && source && (
        <ImportRefusal summary={refused} onImportAnyway={() => run(source, { ...choices, allowProblems: true })} onChooseAnother={() => startOver(null)} />
      )}
      {imported && <ImportSummaryView summary={imported} />}
      <ConfirmActionModal
        opened={confirming}
        onClose={() => {
          setConfirming(false);
          importFile.reset();
        }}
        title="Import into a non-empty inventory?"
        confirmLabel="Import anyway"
        onConfirm={() => {
          setConfirming(false);
          if (source) run(source, { ...choices, allowNonEmpty: true });
        }}
      >
        Your inventory already has data. The import adds everything in the file to it; nothing already here is changed or removed.
      </ConfirmActionModal>
    </Stack>
  );
}
