import { Box, Divider, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { BuildView, RequirementView } from '../../../../main/contract';
import { useMutate } from '../../client/hooks';
import { fieldErrorsOf } from '../../components/forms/formErrors';
import { FormBody, FormModal } from '../../components/forms/FormModal';
import { LocationSelect } from '../../components/forms/LocationSelect';
import { notifyDone } from '../../components/notify';
import { QuantityText } from '../../components/QuantityText';

const FIELDS = ['locationId'] as const;

interface CompleteBuildProps {
  opened: boolean;
  onClose: () => void;
  build: BuildView;
  requirements: RequirementView[];
}

export function CompleteBuildModal(props: CompleteBuildProps) {
  return (
    <FormModal opened={props.opened} onClose={props.onClose} title="Complete build order" size="lg">
      <CompleteBuildForm {...props} />
    </FormModal>
  );
}

function CompleteBuildForm({ onClose, build, requirements }: CompleteBuildProps) {
  const complete = useMutate('builds.complete');
  const errors = fieldErrorsOf(complete.error);
  const [locationId, setLocationId] = useState<number | null>(build.outputLocation?.id ?? null);
  const [sources, setSources] = useState<Record<number, number | null>>({});
  const [missing, setMissing] = useState<string | undefined>();

  const submit = () => {
    if (locationId === null) {
      setMissing('Choose where the built assemblies go');
      return;
    }
    setMissing(undefined);
    const picked = Object.entries(sources).flatMap(([lineId, source]) => (source === null ? [] : [{ lineId: Number(lineId), locationId: source }]));
    complete.mutate(
      { id: build.id, locationId, sources: picked },
      {
        onSuccess: (done) => {
          notifyDone('Build order complete', `${done.quantity} x ${done.assembly.name} added to stock`);
          onClose();
        },
      },
    );
  };

  return (
    <FormBody onSubmit={submit} onCancel={onClose} submitLabel="Complete build" pending={complete.isPending} error={complete.error} fieldNames={FIELDS}>
      <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)">
        <Group justify="space-between" wrap="nowrap">
          <Stack gap={2} miw={0}>
            <Text fw={600} truncate>
              {build.assembly.name}
            </Text>
            <Text size="sm" c="dimmed">
              {build.reference}
            </Text>
          </Stack>
          <Stack gap={0} align="flex-end">
            <Text size="xs" c="dimmed">
              To build
            </Text>
            <QuantityText value={build.quantity} units={build.assembly.units} fw={600} />
          </Stack>
        </Group>
      </Paper>
      <LocationSelect
        label="Destination location"
        withAsterisk
        value={locationId}
        onChange={setLocationId}
        error={missing ?? errors.locationId}
      />
      {requirements.length > 0 && (
        <>
          <Divider
            label="Materials to use"
            labelPosition="left"
            styles={{ label: { fontSize: 'var(--mantine-font-size-sm)', fontWeight: 600, color: 'var(--mantine-color-text)' } }}
          />
          <Text size="sm" c="dimmed" mt={-8}>
            Stockbell takes the oldest stock first. Pick a location to take a part from there instead.
          </Text>
          <ScrollArea.Autosize mah={320} type="auto" offsetScrollbars>
            <Stack gap="sm">
              {requirements.map((line) => (
                <Group key={line.lineId} gap="md" wrap="nowrap" align="flex-end">
                  <Box flex={1} miw={0}>
                    <LocationSelect
                      label={`Take ${line.part.name} from`}
                      placeholder="Oldest stock first"
                      clearable
                      value={sources[line.lineId] ?? null}
                      onChange={(source) => setSources((current) => ({ ...current, [line.lineId]: source }))}
                    />
                  </Box>
                  <Stack gap={0} align="flex-end" miw={90} pb={6}>
                    <Text size="xs" c="dimmed">
                      Uses
                    </Text>
                    <QuantityText value={line.required} units={line.part.units} fw={600} size="sm" c={line.short ? 'red.7' : undefined} />
                  </Stack>
                </Group>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </>
      )}
    </FormBody>
  );
}
