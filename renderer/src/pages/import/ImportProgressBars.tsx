import { Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { IMPORT_PHASES, overallPercent, type ImportProgressState } from './importPhases';

interface ImportProgressBarsProps {
  progress: ImportProgressState;
  finished: boolean;
}

/** One bar per phase the host reports, and one for the whole import. */
export function ImportProgressBars({ progress, finished }: ImportProgressBarsProps) {
  const overall = overallPercent(progress, finished);
  return (
    <Stack gap="md" aria-live="polite">
      <Stack gap={6}>
        <Group justify="space-between">
          <Text size="sm" fw={600}>
            {finished ? 'Every phase done' : 'Importing…'}
          </Text>
          <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {overall}%
          </Text>
        </Group>
        <Progress value={overall} size="lg" radius="xl" aria-label="Overall" animated={!finished} striped={!finished} color={finished ? 'teal' : undefined} />
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
                <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
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
