import { Skeleton, Stack } from '@mantine/core';

/** Placeholder rows while a list loads, so the page keeps its shape. */
export function TableSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <Stack gap="xs" aria-busy="true" aria-label="Loading">
      <Skeleton height={34} radius="sm" />
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} height={28} radius="sm" opacity={1 - index * 0.1} />
      ))}
    </Stack>
  );
}
