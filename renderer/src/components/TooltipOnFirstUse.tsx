import { Tooltip, type TooltipProps } from '@mantine/core';
import { MountOnFirstUse, type Trigger } from './MountOnFirstUse';

/** Mantine's Tooltip, mounted once its target is first pointed at or focused: for one in every row of a list. */
export function TooltipOnFirstUse({ children, ...tooltip }: Omit<TooltipProps, 'children'> & { children: Trigger }) {
  return <MountOnFirstUse trigger={children}>{(target) => <Tooltip {...tooltip}>{target}</Tooltip>}</MountOnFirstUse>;
}
