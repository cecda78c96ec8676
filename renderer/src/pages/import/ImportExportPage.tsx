import { Stack } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { CsvExportCard } from './CsvExportCard';
import { CsvImportCard } from './CsvImportCard';
import { InvenTreeImportCard } from './InvenTreeImportCard';

export function ImportExportPage() {
  return (
    <>
      <PageHeader
        title="Import & export"
        crumbs={[{ label: 'Home', to: '/' }]}
        description="Bring data in from InvenTree or a spreadsheet, and take it out again."
      />
      <Stack gap="lg">
        <InvenTreeImportCard />
        <CsvImportCard />
        <CsvExportCard />
      </Stack>
    </>
  );
}
