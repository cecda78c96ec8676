import { Box, Group, Paper, Text } from '@mantine/core';
import { useMemo } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import type { StockHistoryView } from '../../../../main/contract/forecast';
import { formatQuantityText } from '../../components/QuantityText';
import { fullDate, shortDate } from './forecastWords';
import { dayTicks, hasNothingToChart, minimumCrossing, quantityTicks, stockChartRows } from './stockChartRows';

// Stock over the forecast's window and the forecast after it. Told apart without colour: the record
// is a solid filled line, the forecast a dashed one, the minimum and orders due are lines named in
// text on the chart, and the legend says which line is which.

const COLOURS = {
  stock: 'var(--mantine-color-indigo-6)',
  forecast: 'var(--mantine-color-indigo-4)',
  minimum: 'var(--mantine-color-red-7)',
  arrival: 'var(--mantine-color-teal-7)',
  today: 'var(--mantine-color-gray-6)',
  grid: 'var(--mantine-color-default-border)',
  text: 'var(--mantine-color-dimmed)',
};
const TICK = { fill: COLOURS.text, fontSize: 12 };
const HEIGHT = 300;

function quantity(value: number, units: string): string {
  return `${formatQuantityText(String(value))} ${units}`;
}

function isoDay(time: number): string {
  const date = new Date(time);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** One sentence for a screen reader, saying what the lines show. */
function chartSummary(view: StockHistoryView, partName: string, belowMinimumOn: string | null): string {
  const drawn = stockChartRows(view).filter((row) => row.stock !== undefined);
  const first = drawn[0];
  const now = drawn.at(-1);
  const from = first && now && first.stock !== undefined && now.stock !== undefined ? `from ${quantity(first.stock, view.units)} on ${shortDate(first.at)} to ${quantity(now.stock, view.units)} today` : '';
  const forecast = belowMinimumOn ? `, forecast to fall below it on ${fullDate(belowMinimumOn)}` : '';
  const orders = view.arrivals.length === 0 ? '' : `, with ${view.arrivals.map((arrival) => `${arrival.reference} bringing ${quantity(arrival.quantity, view.units)} on ${shortDate(arrival.at)}`).join(' and ')}`;
  return `Stock of ${partName} ${from} against a minimum of ${quantity(view.minimum, view.units)}${forecast}${orders}.`;
}

function ChartTooltip({ active, payload, label, units }: TooltipContentProps & { units: string }) {
  if (!active || payload.length === 0 || typeof label !== 'number') return null;
  return (
    <Paper withBorder shadow="sm" px="sm" py={6} radius="sm">
      <Text size="xs" c="dimmed" mb={2}>
        {fullDate(isoDay(label))}
      </Text>
      {payload.map((entry) => (
        <Group key={String(entry.dataKey)} gap={6} wrap="nowrap">
          <Text size="sm">{entry.name}:</Text>
          <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {typeof entry.value === 'number' ? quantity(entry.value, units) : '–'}
          </Text>
        </Group>
      ))}
    </Paper>
  );
}

interface StockHistoryChartProps {
  view: StockHistoryView;
  partName: string;
  belowMinimumOn: string | null;
}

export function StockHistoryChart({ view, partName, belowMinimumOn }: StockHistoryChartProps) {
  const rows = useMemo(() => stockChartRows(view), [view]);
  const now = view.history.at(-1)?.at ?? 0;
  const start = rows[0]?.at ?? now;
  const end = Math.max(rows.at(-1)?.at ?? now, ...view.arrivals.map((arrival) => arrival.at));
  const ticks = useMemo(() => dayTicks(start, end), [start, end]);
  const highest = Math.max(view.minimum, ...rows.map((row) => Math.max(row.stock ?? 0, row.forecast ?? 0)));
  const levels = useMemo(() => quantityTicks(highest), [highest]);
  const crossing = belowMinimumOn === null ? null : minimumCrossing(view);

  if (hasNothingToChart(view)) {
    return (
      <Text size="sm" c="dimmed">
        Nothing has been in stock or on order yet, so there is no history to chart.
      </Text>
    );
  }

  return (
    <Box role="img" aria-label={chartSummary(view, partName, belowMinimumOn)} h={HEIGHT}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke={COLOURS.grid} strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={[start, end]}
            ticks={ticks}
            tickFormatter={(time: number) => shortDate(time)}
            tick={TICK}
            tickLine={false}
            axisLine={{ stroke: COLOURS.grid }}
            tickMargin={8}
          />
          <YAxis
            domain={[0, levels.at(-1) ?? highest]}
            ticks={levels}
            tickFormatter={(value: number) => formatQuantityText(String(value))}
            tick={TICK}
            tickLine={false}
            axisLine={false}
            width="auto"
            allowDecimals={false}
          />
          <Tooltip content={(props) => <ChartTooltip {...props} units={view.units} />} cursor={{ stroke: COLOURS.grid }} />
          {/* In drawing order (the record, then the forecast), each word in the text colour. */}
          <Legend
            verticalAlign="top"
            align="right"
            height={32}
            iconSize={18}
            itemSorter={null}
            wrapperStyle={{ fontSize: 13 }}
            formatter={(value: string) => <span style={{ color: 'var(--mantine-color-text)' }}>{value}</span>}
          />
          <ReferenceLine
            y={view.minimum}
            stroke={COLOURS.minimum}
            strokeDasharray="2 3"
            strokeWidth={1.5}
            label={{ value: `Minimum ${formatQuantityText(String(view.minimum))}`, position: 'insideBottomLeft', fill: COLOURS.minimum, fontSize: 12, fontWeight: 600 }}
          />
          <ReferenceLine x={now} stroke={COLOURS.today} strokeWidth={1} label={{ value: 'Today', position: 'insideBottomRight', fill: COLOURS.text, fontSize: 12 }} />
          {view.arrivals.map((arrival, index) => (
            <ReferenceLine
              key={`${arrival.reference}-${arrival.at}`}
              x={arrival.at}
              stroke={COLOURS.arrival}
              strokeDasharray="4 2"
              strokeWidth={1.5}
              // Orders due close together would write over each other: each label a line lower.
              label={{ value: `${arrival.reference} +${formatQuantityText(String(arrival.quantity))}`, position: 'insideTopLeft', offset: 6 + (index % 3) * 16, fill: COLOURS.arrival, fontSize: 12, fontWeight: 600 }}
            />
          ))}
          <Area
            name="Stock"
            dataKey="stock"
            type="linear"
            stroke={COLOURS.stock}
            strokeWidth={2}
            fill={COLOURS.stock}
            fillOpacity={0.12}
            legendType="plainline"
            connectNulls
            isAnimationActive={false}
            dot={false}
            activeDot={{ r: 4 }}
          />
          <Line
            name="Forecast"
            dataKey="forecast"
            type="linear"
            stroke={COLOURS.forecast}
            strokeWidth={2}
            strokeDasharray="6 4"
            legendType="plainline"
            connectNulls
            isAnimationActive={false}
            dot={false}
            activeDot={{ r: 4 }}
          />
          {crossing !== null && belowMinimumOn !== null && (
            <ReferenceDot
              x={crossing}
              y={view.minimum}
              r={4}
              fill={COLOURS.minimum}
              stroke="var(--mantine-color-body)"
              strokeWidth={1.5}
              // Above and to the right: the forecast comes down from the left, so that corner is clear.
              label={{ value: `Below minimum ${shortDate(crossing)}`, position: 'right', offset: 6, dy: -12, fill: COLOURS.minimum, fontSize: 12, fontWeight: 600 }}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </Box>
  );
}
