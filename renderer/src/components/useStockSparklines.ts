import { useMemo } from 'react';
import { useCall } from '../client/hooks';

const NONE_YET: ReadonlyMap<number, number[]> = new Map();

/**
 * One `forecast.sparklines` call for the page of parts on screen, looked up by part: undefined when
 * not wanted, empty until it arrives.
 */
export function useStockSparklines(partIds: number[], enabled: boolean): ReadonlyMap<number, number[]> | undefined {
  const query = useCall('forecast.sparklines', { partIds }, { enabled: enabled && partIds.length > 0, placeholderData: (previous) => previous });
  const byPart = useMemo(() => (query.data ? new Map(query.data.map((line) => [line.partId, line.points])) : NONE_YET), [query.data]);
  return enabled ? byPart : undefined;
}
