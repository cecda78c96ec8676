import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { BuildView } from '../../../../main/contract';
import { QuantityText } from '../../components/QuantityText';
import { TimeText } from '../../components/TimeText';
import { OverdueBadge } from './BuildStatusBadge';
import { formatTargetDate } from './targetDate';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" component="dt" style={{ letterSpacing: 0.4 }}>
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </Stack>
  );
}

const none = (
  <Text span c="dimmed" size="sm">
    —
  </Text>
);

export function BuildDetailsCard({ build }: { build: BuildView }) {
  return (
    <Card>
      <Title order={2} fz={17} mb="md">
        Details
      </Title>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg" m={0}>
        <Field label="Assembly">
          <Anchor component={Link} to={`/parts/${build.assembly.id}`} size="sm" fw={500}>
            {build.assembly.name}
          </Anchor>
        </Field>
        <Field label="Quantity">
          <QuantityText value={build.quantity} units={build.assembly.units} fw={500} />
        </Field>
        <Field label="Target date">
          {build.targetDate ? (
            <Group gap={8} component="span" wrap="nowrap">
              <Text span size="sm" c={build.overdue ? 'red.7' : undefined}>
                {formatTargetDate(build.targetDate)}
              </Text>
              {build.overdue && <OverdueBadge />}
            </Group>
          ) : (
            none
          )}
        </Field>
        <Field label="Created">
          {/* Demo and imported orders have no known author; their time alone reads better than "Someone". */}
          {build.createdBy !== null && `${build.createdBy}, `}
          <TimeText value={build.createdAt} />
        </Field>
        {build.status === 'complete' && (
          <>
            <Field label="Completed">
              {build.completedBy ?? 'Someone'}
              {build.completedAt !== null && (
                <>
                  , <TimeText value={build.completedAt} />
                </>
              )}
            </Field>
            <Field label="Built into">
              {build.outputLocation ? (
                <Anchor component={Link} to={`/locations/${build.outputLocation.id}`} size="sm">
                  {build.outputLocation.name}
                </Anchor>
              ) : (
                none
              )}
            </Field>
          </>
        )}
      </SimpleGrid>
      <Stack gap={2} component="dl" m={0} pt="lg">
        <Field label="Notes">{build.notes ? <Text span size="sm" style={{ whiteSpace: 'pre-wrap' }}>{build.notes}</Text> : none}</Field>
      </Stack>
    </Card>
  );
}
