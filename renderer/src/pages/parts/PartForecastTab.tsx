import { Badge, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { lazy, Suspense, useId } from 'react';
import type { PartRow } from '../../../../main/contract';
import { useCall } from '../../client/hooks';
import { QueryError } from '../../components/QueryError';
import { forecastWords } from './forecastWords';

// The charting library is loaded when a chart is first drawn, not with every page of the app.
const StockHistoryChart = lazy(() => import('./StockHistoryChart').then((module) => ({ default: module.StockHistoryChart })));

/** Shown wherever the forecast's standing warning is: the part counts as running low. */
export function WillRunLowBadge({ size = 'sm' }: { size?: 'sm' | 'md' }) {
  return (
    <Badge color="orange" variant="light" size={size} radius="sm" leftSection={<IconAlertTriangle size={12} />} style={{ flexShrink: 0 }}>
      Will run low
    </Badge>
  );
}

/** How fast the part is used and when it will fall below its minimum, with its working and the chart behind it. */
export function PartForecastTab({ part }: { part: PartRow }) {
  const headingId = useId();
  // Both re-read on every inventory push (see ClientProvider), so stock and orders changing move them.
  const forecast = useCall('forecast.part', { partId: part.id });
  const history = useCall('forecast.history', { partId: part.id });
  const failed = forecast.error ?? history.error;

  return (
    <Card component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="center" mb="sm" wrap="nowrap">
        <Title order={2} fz="lg" id={headingId}>
          Stock forecast
        </Title>
        {forecast.data?.warned && <WillRunLowBadge size="md" />}
      </Group>
      {failed ? (
        <QueryError
          error={failed}
          onRetry={() => {
            void forecast.refetch();
            void history.refetch();
          }}
          title="Could not load the forecast"
        />
      ) : !forecast.data || !history.data ? (
        <Stack gap="sm" aria-busy="true">
          <Skeleton height={18} width="50%" />
          <Skeleton height={14} width="90%" />
          <Skeleton height={280} mt="sm" />
        </Stack>
      ) : (
        <Stack gap="lg">
          <ForecastText words={forecastWords(forecast.data, history.data.arrivals, { active: part.active })} />
          <Suspense fallback={<Skeleton height={300} />}>
            <StockHistoryChart view={history.data} partName={part.name} belowMinimumOn={forecast.data.status === 'projected' ? forecast.data.belowMinimumOn : null} />
          </Suspense>
        </Stack>
      )}
    </Card>
  );
}

function ForecastText({ words }: { words: ReturnType<typeof forecastWords> }) {
  return (
    <Stack gap={4} maw={760}>
      <Text fw={600}>{words.headline}</Text>
      {words.working.length > 0 && (
        <Text size="sm" lh={1.6}>
          {words.working.join(' ')}
        </Text>
      )}
    </Stack>
  );
}
