import { type UIEvent, useState } from 'react';

/** Rows drawn beyond each edge of the viewport, so a fast scroll does not flash empty space. */
const OVERSCAN = 8;

export interface RowWindow {
  /** Index of the first row to draw, and one past the last. */
  first: number;
  last: number;
  /** Heights of the empty space standing for the rows above and below the window. */
  spaceAbove: number;
  spaceBelow: number;
  onScroll: (event: UIEvent<HTMLElement>) => void;
}

/**
 * Fixed-row-height windowing over a scrolling box: only the rows in view (plus a few) are drawn, so 50,000
 * products scroll as smoothly as 50. (A small stand-in for @tanstack/react-virtual, which is not installed.)
 */
export function useRowWindow(count: number, rowHeight: number, viewportHeight: number): RowWindow {
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.min(count, Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN));
  const last = Math.min(count, Math.ceil((scrollTop + viewportHeight) / rowHeight) + OVERSCAN);
  return {
    first,
    last,
    spaceAbove: first * rowHeight,
    spaceBelow: (count - last) * rowHeight,
    onScroll: (event) => setScrollTop(event.currentTarget.scrollTop),
  };
}
