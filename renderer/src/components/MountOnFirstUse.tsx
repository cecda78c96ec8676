import { cloneElement, useEffect, useLayoutEffect, useRef, useState, type MouseEvent, type ReactElement, type ReactNode } from 'react';
import { flushSync } from 'react-dom';

/** The control as a person sees it, before and after: a button, or the text a tooltip explains. */
export type Trigger = ReactElement<{ 'aria-haspopup'?: 'menu' | 'dialog'; 'aria-expanded'?: boolean }>;

interface MountOnFirstUseProps {
  trigger: Trigger;
  /** What the control opens, told to assistive technology before it is mounted as Mantine tells it after. */
  popup?: 'menu' | 'dialog';
  /** The real widget (Menu, Popover, Tooltip) around the trigger it is given. */
  children: (trigger: Trigger) => ReactNode;
}

/**
 * Renders the plain trigger until a person points at it, focuses it or presses it, then the real
 * widget around it. Each row of a long list had its own closed menu, popover or tooltip, and mounting
 * them (floating positioning, a portal each, focus handling) was a large part of the list's first render.
 *
 * The swap puts a new element where the trigger was, so focus follows it there, and a press that
 * reached the plain trigger is pressed again on the mounted one: it opens, and hands focus back on
 * Escape, as if it had been there all along.
 */
export function MountOnFirstUse({ trigger, popup, children }: MountOnFirstUseProps) {
  const [used, setUsed] = useState(false);
  // A box-less wrapper that stays put while its content is swapped: it hears the first use, and finds the new trigger.
  const wrapper = useRef<HTMLSpanElement>(null);
  const handOver = useRef<'focus' | 'press' | null>(null);
  const pointedAt = useRef<{ x: number; y: number } | null>(null);

  const mountedTrigger = () => {
    // The trigger comes first: the widgets put their dropdowns and tooltips in portals, or after it.
    const mounted = wrapper.current?.firstElementChild;
    return mounted instanceof HTMLElement ? mounted : null;
  };

  useLayoutEffect(() => {
    const pending = handOver.current;
    handOver.current = null;
    const mounted = mountedTrigger();
    if (!used || !pending || !mounted) return;
    mounted.focus({ preventScroll: true });
    if (pending === 'press') mounted.click();
  }, [used]);

  // A tooltip opens when the pointer enters or moves over its target, and it entered before the tooltip
  // was there: once the tooltip listens (its listeners wait for a render of their own; two frames on),
  // tell it, if the pointer is still over the target.
  useEffect(() => {
    const at = pointedAt.current;
    pointedAt.current = null;
    if (!used || !at) return;
    const follow = (event: PointerEvent) => {
      at.x = event.clientX;
      at.y = event.clientY;
    };
    document.addEventListener('pointermove', follow);
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        document.removeEventListener('pointermove', follow);
        const mounted = mountedTrigger();
        const under = document.elementFromPoint(at.x, at.y);
        if (mounted && under && mounted.contains(under)) mounted.dispatchEvent(new MouseEvent('mouseenter'));
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('pointermove', follow);
    };
  }, [used]);

  const use = (how: 'focus' | 'press' | null) => {
    if (used) return;
    if (how) handOver.current = how === 'press' ? how : (handOver.current ?? how);
    setUsed(true);
  };

  return (
    <span
      ref={wrapper}
      style={{ display: 'contents' }}
      // At once, so the press that follows the pointer lands on the mounted trigger rather than on one being replaced.
      onPointerEnter={(event) => {
        if (used) return;
        pointedAt.current = { x: event.clientX, y: event.clientY };
        flushSync(() => use(null));
      }}
      onFocus={() => use('focus')}
      onClickCapture={(event: MouseEvent) => {
        if (used) return;
        // The press given again to the mounted trigger is the one that reaches its handler and the row.
        event.stopPropagation();
        use('press');
      }}
    >
      {used ? children(trigger) : popup ? cloneElement(trigger, { 'aria-haspopup': popup, 'aria-expanded': false }) : trigger}
    </span>
  );
}
