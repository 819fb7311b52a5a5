import { useLayoutEffect, useState } from 'react';

/**
 * The plot's width, read from its box before the first paint and followed on
 * resize: the chart draws in the page's first frame instead of after the
 * measuring round trips of Recharts' ResponsiveContainer.
 */
export function usePlotWidth() {
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    if (!box) return;
    const read = () => setWidth(Math.floor(box.clientWidth));
    read();
    const observer = new ResizeObserver(read);
    observer.observe(box);
    return () => observer.disconnect();
  }, [box]);
  return [setBox, width] as const;
}
