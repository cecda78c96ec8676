import { Button, Group } from '@mantine/core';
import { IconDownload, IconShoppingCart } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useClient } from '../../client/client';
import { notifyDone, notifyFailed } from '../../components/notify';
import { SectionCard } from '../../components/SectionCard';
import { downloadText } from '../../components/downloadText';

type ExportKind = 'parts' | 'stock' | 'lowStock';

export function CsvExportCard() {
  const { call } = useClient();
  // A read, not a write: no need to refresh every other read afterwards, as useMutate would.
  const exportCsv = useMutation({
    mutationFn: (kind: ExportKind) => call('export.csv', { kind }),
    onSuccess: ({ filename, content }) => {
      downloadText(filename, content);
      notifyDone('Export ready', filename);
    },
    onError: (error) => notifyFailed('Could not export', error),
  });
  const busy = (kind: ExportKind) => exportCsv.isPending && exportCsv.variables === kind;

  return (
    <SectionCard title="CSV export" description="Download your inventory as CSV files that open in any spreadsheet. The parts and stock files can be imported back.">
      <Group gap="sm">
        <Button variant="default" leftSection={<IconDownload size={16} />} loading={busy('parts')} onClick={() => exportCsv.mutate('parts')}>
          Export parts
        </Button>
        <Button variant="default" leftSection={<IconDownload size={16} />} loading={busy('stock')} onClick={() => exportCsv.mutate('stock')}>
          Export stock
        </Button>
        <Button variant="default" leftSection={<IconShoppingCart size={16} />} loading={busy('lowStock')} onClick={() => exportCsv.mutate('lowStock')}>
          Export low-stock list (for ordering)
        </Button>
      </Group>
    </SectionCard>
  );
}
