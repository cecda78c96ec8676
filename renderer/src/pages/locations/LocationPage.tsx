import { Title } from '@mantine/core';
import { useCall, usePrefetchCall } from '../../client/hooks';
import { StockListCard, stockListInput } from '../../components/StockListCard';
import { TreeNodePage } from '../../components/TreeNodePage';
import { useIdParam } from '../../components/useIdParam';

export function LocationPage() {
  const id = useIdParam();
  // The stock card mounts only once the location has answered; asked now, both reach the host (which
  // answers in turn) together, the location first for the header.
  usePrefetchCall('locations.get', { id: id ?? 0 }, { enabled: id !== null });
  usePrefetchCall('stock.list', stockListInput(id ?? undefined, 1), { enabled: id !== null });
  const location = useCall('locations.get', { id: id ?? 0 }, { enabled: id !== null });
  const data = location.data;

  return (
    <TreeNodePage
      kind="location"
      id={id}
      query={location}
      detail={data && { node: data.location, path: data.path, children: data.children }}
      count={(child) => (child.itemCount === 1 ? '1 item' : `${child.itemCount.toLocaleString()} items`)}
    >
      {(current) => (
        <section aria-label="Stock at this location">
          <Title order={2} fz={17} mb="sm">
            Stock here
          </Title>
          <StockListCard key={current.id} locationId={current.id} caption={`Stock at ${current.name}`} emptyTitle="Nothing is stored here yet" />
        </section>
      )}
    </TreeNodePage>
  );
}
