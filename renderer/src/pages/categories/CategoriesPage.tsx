import { Button } from '@mantine/core';
import { IconCategory, IconFolder, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useCall } from '../../client/hooks';
import { EmptyPanel } from '../../components/EmptyPanel';
import { TreeNodeFormModal } from '../../components/forms/TreeNodeForm';
import { HierarchyTreeCard } from '../../components/HierarchyTreeCard';
import { PageHeader } from '../../components/PageHeader';

export function CategoriesPage() {
  const categories = useCall('categories.list', {});
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title="Categories"
        crumbs={[{ label: 'Home', to: '/' }]}
        description="Group parts by what they are; open a category to see its parts."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            New category
          </Button>
        }
      />
      <HierarchyTreeCard
        query={categories}
        label="Category tree"
        icon={<IconFolder size={18} />}
        linkTo={(category) => `/categories/${category.id}`}
        count={(category) => (category.partCount === 1 ? '1 part' : `${category.partCount.toLocaleString()} parts`)}
        empty={
          <EmptyPanel
            icon={<IconCategory size={28} />}
            title="No categories yet"
            description="Categories such as “Resistors” or “Fasteners” keep parts easy to find."
            action={
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                Create a category
              </Button>
            }
          />
        }
      />
      <TreeNodeFormModal kind="category" opened={creating} onClose={() => setCreating(false)} onSaved={(category) => void navigate(`/categories/${category.id}`)} />
    </>
  );
}

