import { Anchor, Group, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { BuildView } from '../../../../main/contract';
import { DetailField, DetailsCard, noValue } from '../../components/DetailsCard';
import { QuantityText } from '../../components/QuantityText';
import { TimeText } from '../../components/TimeText';
import { OverdueBadge } from './BuildStatusBadge';
import { formatTargetDate } from './targetDate';

export function BuildDetailsCard({ build }: { build: BuildView }) {
  return (
    <DetailsCard text={{ label: 'Notes', value: build.notes }}>
      <DetailField label="Assembly">
        <Anchor component={Link} to={`/parts/${build.assembly.id}`} size="sm" fw={500}>
          {build.assembly.name}
        </Anchor>
      </DetailField>
      <DetailField label="Quantity">
        <QuantityText value={build.quantity} units={build.assembly.units} fw={500} />
      </DetailField>
      <DetailField label="Target date">
        {build.targetDate ? (
          <Group gap={8} component="span" wrap="nowrap">
            <Text span size="sm" c={build.overdue ? 'red.7' : undefined}>
              {formatTargetDate(build.targetDate)}
            </Text>
            {build.overdue && <OverdueBadge />}
          </Group>
        ) : (
          noValue
        )}
      </DetailField>
      <DetailField label="Created">
        {/* Demo and imported orders have no known author; their time alone reads better than "Someone". */}
        {build.createdBy !== null && `${build.createdBy}, `}
        <TimeText value={build.createdAt} />
      </DetailField>
      {build.status === 'complete' && (
        <>
          <DetailField label="Completed">
            {build.completedBy ?? 'Someone'}
            {build.completedAt !== null && (
              <>
                , <TimeText value={build.completedAt} />
              </>
            )}
          </DetailField>
          <DetailField label="Built into">
            {build.outputLocation ? (
              <Anchor component={Link} to={`/locations/${build.outputLocation.id}`} size="sm">
                {build.outputLocation.name}
              </Anchor>
            ) : (
              noValue
            )}
          </DetailField>
        </>
      )}
    </DetailsCard>
  );
}
