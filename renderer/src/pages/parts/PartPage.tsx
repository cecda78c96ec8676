import { Button, Group, Skeleton, Stack, Tabs } from '@mantine/core';
import { IconChartLine, IconHammer, IconBuildingStore, IconHistory, IconListDetails, IconPencil, IconStack2, IconVersions } from '@tabler/icons-react';
import { useState } from 'react';
import { useCall } from '../../client/hooks';
import { PartFormModal } from '../../components/forms/PartForm';
import { isNotFound } from '../../components/isNotFound';
import { PageHeader } from '../../components/PageHeader';
import { PartStatusBadges } from '../../components/PartStatusBadges';
import { QueryError } from '../../components/QueryError';
import { useIdParam } from '../../components/useIdParam';
import { HearingPopover } from '../../subscriptions/HearingPopover';
import { MuteControl } from '../../subscriptions/MuteControl';
import { SubscribeToggle } from '../../subscriptions/SubscribeToggle';
import { NotFoundPage } from '../NotFoundPage';
import { PartBomTab } from './PartBomTab';
import { PartBuildsTab } from './PartBuildsTab';
import { PartDetailsCard } from './PartDetailsCard';
import { PartForecastTab, WillRunLowBadge } from './PartForecastTab';
import { PartHistoryTab } from './PartHistoryTab';
import { PartStats } from './PartStats';
import { PartStockTab } from './PartStockTab';
import { PartSuppliersTab } from './PartSuppliersTab';
import { PartVariantsTab } from './PartVariantsTab';

export function PartPage() {
  const id = useIdParam();
  const detail = useCall('parts.get', { id: id ?? 0 }, { enabled: id !== null });
  // Asked after the part itself: only its standing "Will run low" is shown up here, beside "Low".
  const forecast = useCall('forecast.part', { partId: id ?? 0 }, { enabled: id !== null && detail.data !== undefined });
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState<string | null>('stock');

  if (id === null || isNotFound(detail.error)) return <NotFoundPage what="part" />;
  if (detail.isError) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} title="Could not load this part" />;
  if (!detail.data) {
    return (
      <Stack gap="md" aria-busy="true">
        <Skeleton height={16} width={240} />
        <Skeleton height={32} width={360} />
        <Skeleton height={110} />
        <Skeleton height={240} />
      </Stack>
    );
  }

  const { part, categoryPath } = detail.data;
  const showVariants = part.isTemplate || detail.data.variants.length > 0;
  const activeTab = (tab === 'variants' && !showVariants) || ((tab === 'bom' || tab === 'builds') && !part.isAssembly) ? 'stock' : tab;

  return (
    <>
      <PageHeader
        title={part.name}
        crumbs={[{ label: 'Parts', to: '/parts' }, ...categoryPath.map((entry) => ({ label: entry.name, to: `/categories/${entry.id}` }))]}
        badges={
          <Group gap={4} wrap="nowrap">
            <PartStatusBadges part={part} size="md" />
            {forecast.data?.warned && <WillRunLowBadge size="md" />}
          </Group>
        }
        actions={
          <>
            <SubscribeToggle target={{ kind: 'part', id: part.id }} name={part.name} />
            <HearingPopover partId={part.id} name={part.name} />
            <MuteControl target={{ kind: 'part', id: part.id }} name={part.name} isLow={part.isLow} />
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
              Edit
            </Button>
          </>
        }
      />
      <Stack gap="lg">
        <PartStats detail={detail.data} />
        <PartDetailsCard detail={detail.data} />
        <Tabs value={activeTab} onChange={setTab} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="stock" leftSection={<IconStack2 size={16} />}>
              Stock
            </Tabs.Tab>
            <Tabs.Tab value="forecast" leftSection={<IconChartLine size={16} />}>
              Forecast
            </Tabs.Tab>
            {showVariants && (
              <Tabs.Tab value="variants" leftSection={<IconVersions size={16} />}>
                Variants
              </Tabs.Tab>
            )}
            {part.isAssembly && (
              <>
                <Tabs.Tab value="bom" leftSection={<IconListDetails size={16} />}>
                  BOM
                </Tabs.Tab>
                <Tabs.Tab value="builds" leftSection={<IconHammer size={16} />}>
                  Build orders
                </Tabs.Tab>
              </>
            )}
            <Tabs.Tab value="suppliers" leftSection={<IconBuildingStore size={16} />}>
              Suppliers
            </Tabs.Tab>
            <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>
              History
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="stock">
            <PartStockTab detail={detail.data} />
          </Tabs.Panel>
          <Tabs.Panel value="forecast">
            <PartForecastTab part={part} />
          </Tabs.Panel>
          {showVariants && (
            <Tabs.Panel value="variants">
              <PartVariantsTab detail={detail.data} />
            </Tabs.Panel>
          )}
          {part.isAssembly && (
            <>
              <Tabs.Panel value="bom">
                <PartBomTab part={part} />
              </Tabs.Panel>
              <Tabs.Panel value="builds">
                <PartBuildsTab part={part} />
              </Tabs.Panel>
            </>
          )}
          <Tabs.Panel value="suppliers">
            <PartSuppliersTab part={part} />
          </Tabs.Panel>
          <Tabs.Panel value="history">
            <PartHistoryTab partId={part.id} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
      <PartFormModal opened={editing} onClose={() => setEditing(false)} part={part} />
    </>
  );
}
