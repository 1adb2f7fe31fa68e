/** A responsive SVG box for the d3 drawings in charts.ts: redrawn when its width or data change. */
import { useEffect, useRef, useState } from "preact/hooks";

export function Chart({
  height,
  draw,
  deps,
  label,
  class: cls,
}: {
  height: number;
  draw: (svg: SVGSVGElement, width: number) => void;
  deps: unknown[];
  label: string;
  class?: string;
}) {
  const [box, width] = useWidth<HTMLDivElement>();
  const svg = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (svg.current && width > 0) draw(svg.current, width);
  }, [width, height, ...deps]);
  return (
    <div ref={box} class={`chart ${cls ?? ""}`}>
      <svg ref={svg} role="img" aria-label={label} height={height} />
    </div>
  );
}

/** A ref for a box and the box's width in pixels, followed as it resizes (0 until it is laid out). */
export function useWidth<T extends HTMLElement>() {
  const box = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [box, width] as const;
}
