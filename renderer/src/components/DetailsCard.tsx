import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One labelled fact in a DetailsCard. */
export function DetailField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" component="dt" style={{ letterSpacing: 0.4 }}>
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

/** What an empty field shows. */
export const noValue = (
  <Text span c="dimmed" size="sm">
    —
  </Text>
);

interface DetailsCardProps {
  /** DetailFields, laid out in a grid. */
  children: ReactNode;
  /** Free text (a description, notes) across the whole width, under the grid. */
  text: { label: string; value: string };
}

/** The "Details" card of a part or a build order: short facts as a grid, then the free text. */
export function DetailsCard({ children, text }: DetailsCardProps) {
  return (
    <Card>
      <Title order={2} fz={17} mb="md">
        Details
      </Title>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg" m={0}>
        {children}
      </SimpleGrid>
      <Stack gap={2} component="dl" m={0} pt="lg">
        <DetailField label={text.label}>
          {text.value ? (
            <Text span size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {text.value}
            </Text>
          ) : (
            noValue
          )}
        </DetailField>
      </Stack>
    </Card>
  );
}
