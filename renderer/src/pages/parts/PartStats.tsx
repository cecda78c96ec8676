import { Card, SimpleGrid, Text } from '@mantine/core';
import type { PartDetail } from '../../../../main/contract';
import { QuantityText } from '../../components/QuantityText';

function Stat({ label, value, units, hint, color }: { label: string; value: string; units?: string; hint: string; color?: string }) {
  return (
    <Card aria-label={label} component="section">
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.3} mt={2} c={color}>
        <QuantityText value={value} units={units} />
      </Text>
      <Text size="xs" c="dimmed" mt={2}>
        {hint}
      </Text>
    </Card>
  );
}

/** Total includes every variant's stock: a template is low only when all its variants together are. */
export function PartStats({ detail }: { detail: PartDetail }) {
  const { part } = detail;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
      <Stat
        label="Total stock"
        value={part.stockTotal}
        units={part.units}
        color={part.isLow ? 'red.7' : undefined}
        hint={`${detail.variants.length > 0 ? 'Including all variants' : 'Across all locations'}${part.onOrder !== '0' ? ` · ${part.onOrder} on order` : ''}`}
      />
      <Stat label="Own stock" value={detail.ownStock} units={part.units} hint="Stock items of this part itself" />
      <Stat
        label="Minimum stock"
        value={part.minimumStock}
        units={part.units}
        hint={part.isLow ? 'Below minimum: reorder soon' : 'Alert when total stock falls below'}
      />
    </SimpleGrid>
  );
}
