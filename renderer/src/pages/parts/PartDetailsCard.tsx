import { Anchor, Group, Text } from '@mantine/core';
import { Fragment } from 'react';
import { Link } from 'react-router-dom';
import type { PartDetail } from '../../../../main/contract';
import { DetailField, DetailsCard, noValue } from '../../components/DetailsCard';

export function PartDetailsCard({ detail }: { detail: PartDetail }) {
  const { part } = detail;
  // The template chain ends at this part's direct template; never link a part to itself.
  const templates = detail.templatePath.filter((entry) => entry.id !== part.id);
  return (
    <DetailsCard text={{ label: 'Description', value: part.description }}>
      <DetailField label="IPN">{part.ipn ? <Text span ff="monospace" size="sm">{part.ipn}</Text> : noValue}</DetailField>
      <DetailField label="Category">
        {part.categoryId !== null && part.categoryName ? (
          <Anchor component={Link} to={`/categories/${part.categoryId}`} size="sm">
            {part.categoryName}
          </Anchor>
        ) : (
          noValue
        )}
      </DetailField>
      <DetailField label="Units">{part.units || noValue}</DetailField>
      <DetailField label="Variant of">
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
          noValue
        )}
      </DetailField>
    </DetailsCard>
  );
}
