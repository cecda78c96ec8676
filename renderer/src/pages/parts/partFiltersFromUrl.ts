import { defaultPartFilters, type PartFilters } from '../../components/PartListPanel';
import type { PartSortKey } from '../../components/PartsTable';

const SORT_KEYS: readonly PartSortKey[] = ['name', 'ipn', 'category', 'stock', 'minimum'];

/** The Parts page keeps its filters in the address, so links (header search, "View all low") land filtered. */
export function partFiltersFromUrl(params: URLSearchParams): PartFilters {
  const sort = params.get('sort');
  const category = Number(params.get('category'));
  const page = Number(params.get('page'));
  return {
    search: params.get('search') ?? '',
    categoryId: Number.isSafeInteger(category) && category > 0 ? category : null,
    lowOnly: params.get('low') === '1',
    sort: SORT_KEYS.find((key) => key === sort) ?? defaultPartFilters.sort,
    direction: params.get('dir') === 'desc' ? 'desc' : 'asc',
    page: Number.isSafeInteger(page) && page > 0 ? page : 1,
  };
}

export function partFiltersToUrl(filters: PartFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.search) params.set('search', filters.search);
  if (filters.categoryId !== null) params.set('category', String(filters.categoryId));
  if (filters.lowOnly) params.set('low', '1');
  if (filters.sort !== defaultPartFilters.sort) params.set('sort', filters.sort);
  if (filters.direction !== 'asc') params.set('dir', filters.direction);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}
