import { Button } from '@mantine/core';
import { IconMapPin, IconMapPinPlus, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useCall } from '../../client/hooks';
import { EmptyPanel } from '../../components/EmptyPanel';
import { TreeNodeFormModal } from '../../components/forms/TreeNodeForm';
import { HierarchyTreeCard } from '../../components/HierarchyTreeCard';
import { PageHeader } from '../../components/PageHeader';

export function LocationsPage() {
  const locations = useCall('locations.list', {});
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title="Locations"
        crumbs={[{ label: 'Home', to: '/' }]}
        description="Where stock is kept: rooms, shelves, drawers and bins."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            New location
          </Button>
        }
      />
      <HierarchyTreeCard
        query={locations}
        label="Location tree"
        icon={<IconMapPin size={18} />}
        linkTo={(location) => `/locations/${location.id}`}
        count={(location) => (location.itemCount === 1 ? '1 item' : `${location.itemCount.toLocaleString()} items`)}
        empty={
          <EmptyPanel
            icon={<IconMapPinPlus size={28} />}
            title="No locations yet"
            description="Add the places you keep stock, then record what is in each."
            action={
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                Create a location
              </Button>
            }
          />
        }
      />
      <TreeNodeFormModal kind="location" opened={creating} onClose={() => setCreating(false)} onSaved={(location) => void navigate(`/locations/${location.id}`)} />
    </>
  );
}
