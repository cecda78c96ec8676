import { Box } from '@mantine/core';
import { Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import { formatQuantityText } from './QuantityText';

const DAYS = 30;
const WIDTH = 96;
const HEIGHT = 28;

interface StockSparklineProps {
  /** Closing stock for each day of the last 30 the part has a record for, oldest first, today last. */
  points: number[];
  minimum: number;
  units: string;
}

/** A part's last 30 days at a glance in a table row: the trend against its minimum, said in words too. */
export function StockSparkline({ points, minimum, units }: StockSparklineProps) {
  if (points.length === 0) return null;
  const first = points[0] ?? 0;
  const last = points.at(-1) ?? 0;
  // Today at the right edge of every row's line, so a younger part's shorter record lines up with the rest.
  const data = points.map((stock, index) => ({ day: DAYS - points.length + index, stock }));
  const label = `Stock over ${points.length === 1 ? '1 day' : `${points.length} days`}: ${formatQuantityText(String(first))} to ${formatQuantityText(String(last))} ${units}`;
  return (
    <Box role="img" aria-label={label} w={WIDTH} h={HEIGHT} style={{ display: 'inline-block' }}>
      <LineChart width={WIDTH} height={HEIGHT} data={data} margin={{ top: 3, right: 2, bottom: 3, left: 2 }} accessibilityLayer={false}>
        <XAxis hide dataKey="day" type="number" domain={[0, DAYS - 1]} />
        {/* Zero to the higher of the stock and the minimum, so a fall below it shows as one. */}
        <YAxis hide domain={[0, Math.max(minimum, ...points)]} />
        <ReferenceLine y={minimum} stroke="var(--mantine-color-red-4)" strokeDasharray="2 2" />
        <Line dataKey="stock" type="linear" stroke="var(--mantine-color-indigo-6)" strokeWidth={1.5} dot={false} isAnimationActive={false} />
      </LineChart>
    </Box>
  );
}
