import { Button, Card, Group, Text } from '@mantine/core';
import { IconPlus, IconVersions } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { PartDetail } from '../../../../main/contract';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PartFormModal } from '../../components/forms/PartForm';
import { PartsTable } from '../../components/PartsTable';

export function PartVariantsTab({ detail }: { detail: PartDetail }) {
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const { part, variants } = detail;
  const newVariant = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} size={variants.length ? 'xs' : 'sm'}>
      New variant
    </Button>
  );
  return (
    <Card p={0}>
      {variants.length === 0 ? (
        <EmptyPanel
          icon={<IconVersions size={28} />}
          title="No variants yet"
          description="Variants are specific versions of this template, such as sizes or colours. Their stock counts towards this part."
          action={newVariant}
        />
      ) : (
        <>
          <Group justify="space-between" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
            <Text size="sm" c="dimmed">
              {variants.length === 1 ? '1 variant' : `${variants.length.toLocaleString()} variants`}
            </Text>
            {newVariant}
          </Group>
          <PartsTable rows={variants} caption={`Variants of ${part.name}`} />
        </>
      )}
      <PartFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        defaults={{ variantOfId: part.id, categoryId: part.categoryId }}
        onSaved={(saved) => void navigate(`/parts/${saved.id}`)}
      />
    </Card>
  );
}
