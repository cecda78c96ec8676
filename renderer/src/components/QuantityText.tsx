import { Text, type TextProps } from '@mantine/core';

/** Groups the whole part of an exact decimal string ("12345.5" -> "12,345.5") without going through floats. */
export function formatQuantityText(value: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(value);
  if (!match) return value;
  const [, sign = '', whole = '', fraction = ''] = match;
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction}`;
}

interface QuantityTextProps extends TextProps {
  value: string;
  units?: string;
  /** Show a leading "+" for positive changes. */
  signed?: boolean;
}

export function QuantityText({ value, units, signed, ...textProps }: QuantityTextProps) {
  const shown = formatQuantityText(value);
  const withSign = signed && !value.startsWith('-') && !/^0(\.0*)?$/.test(value) ? `+${shown}` : shown;
  return (
    <Text component="span" inherit style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} {...textProps}>
      {withSign}
      {units ? (
        <Text component="span" c="dimmed" inherit>
          {' '}
          {units}
        </Text>
      ) : null}
    </Text>
  );
}
