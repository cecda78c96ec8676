import { Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { sizeInMegabytes } from '../../../../main/contract/transfer';
import { IMPORT_PHASES, overallPercent, type ImportProgressState } from './importPhases';
import type { UploadProgress } from './useSendExport';

interface ImportProgressBarsProps {
  /** The file on its way to the host, where it is uploaded first. */
  upload: UploadProgress | null;
  progress: ImportProgressState;
  finished: boolean;
}

const tabular = { fontVariantNumeric: 'tabular-nums' } as const;

function UploadBar({ upload }: { upload: UploadProgress }) {
  const percent = upload.total === 0 ? 100 : Math.round((upload.sent / upload.total) * 100);
  const done = upload.sent >= upload.total;
  const amount = `${sizeInMegabytes(upload.sent)} / ${sizeInMegabytes(upload.total)}`;
  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {done ? 'File uploaded' : 'Uploading the file…'}
        </Text>
        <Text size="sm" c="dimmed" style={tabular}>
          {done ? sizeInMegabytes(upload.total) : `${amount} · ${percent}%`}
        </Text>
      </Group>
      <Progress value={percent} size="lg" radius="xl" aria-label={`Upload ${amount}`} animated={!done} striped={!done} color={done ? 'teal' : undefined} />
    </Stack>
  );
}

/** The upload's bar where there is one, then one bar for the whole import and one per phase the host reports. */
export function ImportProgressBars({ upload, progress, finished }: ImportProgressBarsProps) {
  const overall = overallPercent(progress, finished);
  const uploading = upload !== null && upload.sent < upload.total;
  return (
    <Stack gap="md" aria-live="polite">
      {upload && <UploadBar upload={upload} />}
      <Stack gap={6}>
        <Group justify="space-between">
          <Text size="sm" fw={600} c={uploading ? 'dimmed' : undefined}>
            {finished ? 'Every phase done' : uploading ? 'Import waits for the upload' : 'Importing…'}
          </Text>
          <Text size="sm" c="dimmed" style={tabular}>
            {overall}%
          </Text>
        </Group>
        <Progress
          value={overall}
          size="lg"
          radius="xl"
          aria-label="Overall"
          animated={!finished && !uploading}
          striped={!finished && !uploading}
          color={finished ? 'teal' : undefined}
        />
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        {IMPORT_PHASES.map((phase) => {
          const entry = progress[phase];
          const percent = !entry ? 0 : entry.total === 0 ? 100 : Math.round((entry.done / entry.total) * 100);
          const complete = entry !== undefined && entry.done >= entry.total;
          return (
            <Stack key={phase} gap={4}>
              <Group justify="space-between" gap="xs">
                <Text size="xs" fw={500} c={entry ? undefined : 'dimmed'}>
                  {phase}
                </Text>
                <Text size="xs" c="dimmed" style={tabular}>
                  {entry ? `${entry.done.toLocaleString()} / ${entry.total.toLocaleString()}` : 'Waiting'}
                </Text>
              </Group>
              <Progress value={percent} size="sm" aria-label={entry ? `${phase} ${entry.done} / ${entry.total}` : phase} color={complete ? 'teal' : undefined} />
            </Stack>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
