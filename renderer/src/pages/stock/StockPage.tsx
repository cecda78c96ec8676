import { PageHeader } from '../../components/PageHeader';
import { StockListCard } from '../../components/StockListCard';

export function StockPage() {
  return (
    <>
      <PageHeader title="Stock" crumbs={[{ label: 'Home', to: '/' }]} description="Every stock item: which part, where, and how many." />
      <StockListCard caption="Stock items" emptyTitle="No stock recorded yet" />
    </>
  );
}
