import { Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconDatabaseImport, IconFolderPlus, IconPackages } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutate } from '../../client/hooks';
import { TreeNodeFormModal } from '../../components/forms/TreeNodeForm';
import { notifyDone, notifyFailed } from '../../components/notify';
import { useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../../session/CurrentUser';

/** First steps for a new database: try Stockbell with sample data, or start your own. */
export function EmptyInventoryCard() {
  const load = useMutate('demo.load');
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  // Loading the demo creates its people, so it is an administrator's step.
  const isAdmin = useCurrentUser().role === 'admin';

  const loadDemo = () =>
    load.mutate(
      {},
      {
        onSuccess: (result) =>
          notifyDone(
            'Demo data loaded',
            `${result.parts.toLocaleString()} parts in ${result.categories.toLocaleString()} categories, ${result.stockItems.toLocaleString()} stock items. The demo's people have no password until you set one on the Users page.`,
          ),
        onError: (error) => notifyFailed('Could not load demo data', error),
      },
    );

  return (
    <Card p="xl" mb="lg" style={{ borderStyle: 'dashed' }}>
      <Group wrap="nowrap" align="flex-start" gap="lg">
        <ThemeIcon size={56} radius="xl" variant="light" aria-hidden="true">
          <IconPackages size={28} />
        </ThemeIcon>
        <Stack gap="xs" style={{ flex: 1 }}>
          <Title order={2} fz={20}>
            Your inventory is empty
          </Title>
          <Text c="dimmed" size="sm" maw={560}>
            {isAdmin
              ? 'Load a sample workshop inventory to look around, or start with your own categories. Demo data can be mixed with your own and edited like anything else.'
              : 'Start with your own categories, or ask an administrator to load a sample workshop inventory to look around.'}
          </Text>
          <Group gap="sm" mt="xs">
            {isAdmin && (
              <Button leftSection={<IconDatabaseImport size={16} />} onClick={loadDemo} loading={load.isPending}>
                Load demo data
              </Button>
            )}
            <Button variant="default" leftSection={<IconFolderPlus size={16} />} onClick={() => setCreating(true)}>
              Create a category
            </Button>
          </Group>
        </Stack>
      </Group>
      <TreeNodeFormModal kind="category" opened={creating} onClose={() => setCreating(false)} onSaved={(category) => void navigate(`/categories/${category.id}`)} />
    </Card>
  );
}
