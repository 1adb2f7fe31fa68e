/**
 * SVG charts drawn with d3 into an element Preact owns: stacked month bars by
 * PLOVER type (overview, timeline, with an optional brush for a date range)
 * and a monthly score bar chart (dyad trends). Labels are text nodes only.
 */
import { max } from "d3-array";
import { brushX, type D3BrushEvent } from "d3-brush";
import { scaleLinear, scaleUtc } from "d3-scale";
import { select } from "d3-selection";
import type { DyadMonth, HistogramMonth, Meta } from "./api";
import { scoreColor, typeColor } from "./colors";
import { addMonths, monthKey, monthStart } from "./route";

const M = { top: 10, right: 14, bottom: 38, left: 46 };

function clear(svg: SVGSVGElement, width: number, height: number) {
  const s = select(svg);
  s.selectAll("*").remove();
  s.attr("width", width).attr("height", height).attr("viewBox", `0 0 ${width} ${height}`);
  return s;
}

function timeDomain(months: string[], pad = 0): [Date, Date] {
  const sorted = [...months].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  return [monthStart(addMonths(first, -pad)), monthStart(addMonths(last, 1 + pad))];
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * Axis ticks for a month scale: month starts (every k months) over short spans, d3's
 * round dates (years) over long ones — never the weeks d3 picks for a span of two months.
 */
export function monthTicks(domain: [Date, Date], maxTicks: number): { date: Date; label: string }[] {
  const first = monthKey(domain[0]);
  const last = monthKey(new Date(domain[1].getTime() - 1));
  const [y0, m0] = first.split("-").map(Number);
  const [y1, m1] = last.split("-").map(Number);
  const span = (y1 - y0) * 12 + (m1 - m0) + 1;
  if (span > 36) {
    const step = Math.max(1, Math.ceil(span / 12 / Math.max(1, maxTicks)));
    const out: { date: Date; label: string }[] = [];
    for (let y = y0 + (m0 > 1 ? 1 : 0); y <= y1; y++)
      if (y % step === 0) out.push({ date: new Date(Date.UTC(y, 0, 1)), label: String(y) });
    return out;
  }
  const step = [1, 2, 3, 4, 6, 12].find((k) => span / k <= Math.max(1, maxTicks)) ?? 12;
  const out: { date: Date; label: string }[] = [];
  for (let i = 0; i < span; i++) {
    const m = addMonths(first, i);
    const month = Number(m.slice(5, 7));
    if ((month - 1) % step !== 0) continue;
    const label =
      month === 1 || out.length === 0 ? `${MONTHS[month - 1]} ${m.slice(0, 4)}` : MONTHS[month - 1];
    out.push({ date: monthStart(m), label });
  }
  return out;
}

export interface StackedOptions {
  height: number;
  meta: Meta;
  /** First and last month shown (default: those of the data). */
  domain?: [string, string];
  yLabel?: string;
  xLabel?: string;
  /** With a brush: the selected months, and what to do when the user changes them. */
  brush?: {
    since?: string;
    until?: string;
    onChange: (range: [string, string] | null) => void;
  };
  /** Clicking a bar (no brush): its month. */
  onMonth?: (month: string) => void;
}

export function drawStackedMonths(
  svg: SVGSVGElement,
  width: number,
  months: HistogramMonth[],
  opts: StackedOptions,
): void {
  const { height, meta } = opts;
  const s = clear(svg, width, height);
  const all = months.filter((m) => /^\d{4}-\d{2}$/.test(m.month));
  const dated = opts.domain
    ? all.filter(
        (m) =>
          m.month >= (opts.domain as [string, string])[0] && m.month <= (opts.domain as [string, string])[1],
      )
    : all;
  if (all.length === 0) return;
  const x = scaleUtc()
    .domain(timeDomain(opts.domain ?? dated.map((m) => m.month)))
    .range([M.left, width - M.right]);
  const y = scaleLinear()
    .domain([0, max(dated, (m) => m.total) || 1])
    .nice()
    .range([height - M.bottom, M.top]);

  // Grid and y axis.
  const grid = s.append("g").attr("class", "axis axis-y");
  for (const t of y.ticks(Math.max(2, Math.min(5, Math.floor((height - M.top - M.bottom) / 28))))) {
    if (!Number.isInteger(t)) continue;
    grid
      .append("line")
      .attr("class", "gridline")
      .attr("x1", M.left)
      .attr("x2", width - M.right)
      .attr("y1", y(t))
      .attr("y2", y(t));
    grid
      .append("text")
      .attr("x", M.left - 6)
      .attr("y", y(t))
      .attr("dy", "0.32em")
      .attr("text-anchor", "end")
      .text(String(t));
  }
  if (opts.yLabel)
    grid
      .append("text")
      .attr("class", "axis-label")
      .attr("transform", `translate(12,${(height - M.bottom + M.top) / 2}) rotate(-90)`)
      .attr("text-anchor", "middle")
      .text(opts.yLabel);

  // X axis: ticks at round dates.
  const xa = s.append("g").attr("class", "axis axis-x");
  xa.append("line")
    .attr("x1", M.left)
    .attr("x2", width - M.right)
    .attr("y1", height - M.bottom)
    .attr("y2", height - M.bottom);
  for (const t of monthTicks(x.domain() as [Date, Date], Math.floor((width - M.left - M.right) / 80))) {
    xa.append("line")
      .attr("x1", x(t.date))
      .attr("x2", x(t.date))
      .attr("y1", height - M.bottom)
      .attr("y2", height - M.bottom + 4);
    xa.append("text")
      .attr("x", x(t.date))
      .attr("y", height - M.bottom + 16)
      .attr("text-anchor", "middle")
      .text(t.label);
  }
  xa.append("text")
    .attr("class", "axis-label")
    .attr("x", (M.left + width - M.right) / 2)
    .attr("y", height - 4)
    .attr("text-anchor", "middle")
    .text(opts.xLabel ?? "month of the event");

  // Bars: one stack per month, types in PLOVER order.
  const order = meta.types.map((t) => t.name);
  const bars = s.append("g").attr("class", "bars");
  for (const m of dated) {
    const x0 = x(monthStart(m.month));
    const x1 = x(monthStart(addMonths(m.month, 1)));
    const w = Math.max(1.5, x1 - x0 - (x1 - x0 > 4 ? 1 : 0));
    let acc = 0;
    const g = bars.append("g").attr("class", "month").attr("data-month", m.month);
    const types = [...order, ...Object.keys(m.types).filter((t) => !order.includes(t))];
    for (const t of types) {
      const n = m.types[t] ?? 0;
      if (!n) continue;
      g.append("rect")
        .attr("x", x0)
        .attr("width", w)
        .attr("y", y(acc + n))
        .attr("height", Math.max(0.5, y(acc) - y(acc + n)))
        .attr("fill", typeColor(meta, t))
        .append("title")
        .text(`${m.month} · ${t}: ${n}`);
      acc += n;
    }
    if (acc < m.total)
      g.append("rect")
        .attr("x", x0)
        .attr("width", w)
        .attr("y", y(m.total))
        .attr("height", y(acc) - y(m.total))
        .attr("fill", "#bbb")
        .append("title")
        .text(`${m.month}: ${m.total - acc} other`);
    if (opts.onMonth && !opts.brush) {
      const on = opts.onMonth;
      g.attr("class", "month clickable").on("click", () => on(m.month));
      g.append("title").text(`${m.month}: ${m.total} events — click for the timeline of that month`);
    }
  }

  if (opts.brush) {
    const { onChange, since, until } = opts.brush;
    const snap = (px: [number, number]): [string, string] => {
      const a = x.invert(px[0]);
      const b = x.invert(px[1]);
      const first = monthKey(a);
      // The month the right edge falls in, unless it is exactly on a month boundary.
      const endMonth = monthKey(new Date(b.getTime() - 1));
      return [first, endMonth < first ? first : endMonth];
    };
    const brush = brushX<unknown>()
      .extent([
        [M.left, M.top],
        [width - M.right, height - M.bottom],
      ])
      .on("end", (ev: D3BrushEvent<unknown>) => {
        if (!ev.sourceEvent) return;
        const sel = ev.selection as [number, number] | null;
        if (!sel) {
          onChange(null);
          return;
        }
        const [a, b] = snap(sel);
        // Snap the drawn selection to whole months.
        g.call(brush.move, [x(monthStart(a)), x(monthStart(addMonths(b, 1)))]);
        onChange([a, b]);
      });
    const g = s.append("g").attr("class", "brush").call(brush);
    if (since || until) {
      const [d0, d1] = x.domain();
      const a = since ? monthStart(since.slice(0, 7)) : d0;
      const b = until ? monthStart(addMonths(until.slice(0, 7), 1)) : d1;
      const pa = Math.max(M.left, Math.min(width - M.right, x(a)));
      const pb = Math.max(M.left, Math.min(width - M.right, x(b)));
      if (pb > pa) g.call(brush.move, [pa, pb]);
    }
  }
}

export interface ScoreSeries {
  months: DyadMonth[];
  /** Drawn lighter, in the right half of each month (the other direction of the pair). */
  light?: boolean;
  label: string;
}

/**
 * Monthly cooperation–conflict scores of a pair, as bars above (green) and
 * below (red) zero; two series (both directions) share each month's slot.
 */
export function drawScoreMonths(
  svg: SVGSVGElement,
  width: number,
  series: ScoreSeries[],
  opts: { height: number; domain?: [string, string]; maxAbs?: number },
): void {
  const { height } = opts;
  const m = { top: 6, right: 10, bottom: 20, left: 40 };
  const s = clear(svg, width, height);
  const dated = series.flatMap((ser) => ser.months.filter((d) => /^\d{4}-\d{2}$/.test(d.month)));
  if (dated.length === 0) {
    s.append("text")
      .attr("class", "axis-label")
      .attr("x", m.left)
      .attr("y", height / 2)
      .text("only undated events");
    return;
  }
  const sorted = dated.map((d) => d.month).sort();
  const domain = opts.domain ?? [sorted[0], sorted[sorted.length - 1]];
  const x = scaleUtc()
    .domain(timeDomain(domain))
    .range([m.left, width - m.right]);
  const top = opts.maxAbs ?? Math.max(1, max(dated, (d) => Math.abs(d.score)) ?? 1);
  const y = scaleLinear()
    .domain([-top, top])
    .range([height - m.bottom, m.top]);
  const axis = s.append("g").attr("class", "axis");
  axis
    .append("line")
    .attr("class", "zero")
    .attr("x1", m.left)
    .attr("x2", width - m.right)
    .attr("y1", y(0))
    .attr("y2", y(0));
  for (const t of [-top, top]) {
    axis
      .append("text")
      .attr("x", m.left - 5)
      .attr("y", y(t))
      .attr("dy", t > 0 ? "0.7em" : "0")
      .attr("text-anchor", "end")
      .text(t > 0 ? `+${Math.round(t)}` : String(Math.round(t)));
  }
  for (const t of monthTicks(x.domain() as [Date, Date], Math.floor((width - m.left - m.right) / 90)))
    axis
      .append("text")
      .attr("x", x(t.date))
      .attr("y", height - 5)
      .attr("text-anchor", "middle")
      .text(t.label);
  const g = s.append("g");
  const shown = series.filter((ser) => ser.months.length > 0);
  shown.forEach((ser, k) => {
    for (const d of ser.months) {
      if (!/^\d{4}-\d{2}$/.test(d.month)) continue;
      const x0 = x(monthStart(d.month));
      const x1 = x(monthStart(addMonths(d.month, 1)));
      const slot = Math.max(3, x1 - x0 - 1);
      const w = Math.max(2, shown.length > 1 ? slot / 2 : slot);
      const h = Math.max(1, Math.abs(y(d.score) - y(0)));
      g.append("rect")
        .attr("class", ser.light ? "light" : null)
        .attr("x", x0 + (shown.length > 1 ? k * w : 0))
        .attr("width", w)
        .attr("y", d.score === 0 ? y(0) - 0.5 : y(Math.max(0, d.score)))
        .attr("height", h)
        .attr("fill", scoreColor(d.score))
        .attr("fill-opacity", ser.light ? 0.45 : 1)
        .append("title")
        .text(
          `${ser.label}, ${d.month}: ${d.events} event${d.events === 1 ? "" : "s"}, score ${d.score > 0 ? "+" : ""}${d.score}`,
        );
    }
  });
}
