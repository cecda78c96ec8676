import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { PartDetail } from '../../../../main/contract';

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

export function PartDetailsCard({ detail }: { detail: PartDetail }) {
  const { part } = detail;
  // The template chain ends at this part's direct template; never link a part to itself.
  const templates = detail.templatePath.filter((entry) => entry.id !== part.id);
  return (
    <Card>
      <Title order={2} fz={17} mb="md">
        Details
      </Title>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg" m={0}>
        <Field label="IPN">{part.ipn ? <Text span ff="monospace" size="sm">{part.ipn}</Text> : none}</Field>
        <Field label="Category">
          {part.categoryId !== null && part.categoryName ? (
            <Anchor component={Link} to={`/categories/${part.categoryId}`} size="sm">
              {part.categoryName}
            </Anchor>
          ) : (
            none
          )}
        </Field>
        <Field label="Units">{part.units || none}</Field>
        <Field label="Variant of">
          {templates.length > 0 ? (
            <Group gap={4} component="span">
              {templates.map((entry, index) => (
                <Fragment key={entry.id}>
                  {index > 0 && <Text span c="dimmed">/</Text>}
                  <Anchor component={Link} to={`/parts/${entry.id}`} size="sm">
                    {entry.name}
                  </Anchor>
                </Fragment>
              ))}
            </Group>
          ) : (
            none
          )}
        </Field>
      </SimpleGrid>
      <Stack gap={2} mt="lg" component="dl" m={0} pt="lg">
        <Field label="Description">
          {part.description ? <Text span size="sm" style={{ whiteSpace: 'pre-wrap' }}>{part.description}</Text> : none}
        </Field>
      </Stack>
    </Card>
  );
}
