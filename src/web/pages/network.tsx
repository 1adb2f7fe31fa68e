/**
 * Network: the directed actor graph of /api/graph drawn with sigma.js (WebGL),
 * laid out with ForceAtlas2; nodes sized by activity and coloured by kind,
 * edges coloured from conflict (red) to cooperation (green); a month range
 * slider refilters; hovering highlights neighbours; a click opens the dossier.
 */
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import Sigma from "sigma";
import type { ActorGraph, Histogram, Stats } from "../api";
import { KIND_COLORS, kindColor, scoreColor } from "../colors";
import { FilterBar, withFilters } from "../filters";
import { autoMin, MIN_CHOICES, prune } from "../model";
import { apiQuery, type Filters, filtersFrom, monthRange } from "../route";
import { Async, Empty, ErrorBanner, ExportLinks, fmt, Loading, navigate, Swatch, useApi } from "../ui";
import { NoEvents } from "./overview";

interface NodeAttrs {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  kind: string;
  events: number;
}

interface EdgeAttrs {
  size: number;
  color: string;
  score: number;
  events: number;
}

export function buildGraph(data: ActorGraph): Graph<NodeAttrs, EdgeAttrs> {
  const g = new Graph<NodeAttrs, EdgeAttrs>({ type: "directed", multi: false, allowSelfLoops: false });
  const maxEvents = Math.max(1, ...data.nodes.map((n) => n.events));
  const n = data.nodes.length;
  data.nodes.forEach((node, i) => {
    // Start on a circle (deterministic), then let ForceAtlas2 pull related actors together.
    const angle = (2 * Math.PI * i) / Math.max(1, n);
    g.addNode(node.id, {
      x: Math.cos(angle) * 100,
      y: Math.sin(angle) * 100,
      size: 4 + 16 * Math.sqrt(node.events / maxEvents),
      color: kindColor(node.kind),
      label: node.name || node.id,
      kind: node.kind ?? "unknown",
      events: node.events,
    });
  });
  const maxEdge = Math.max(1, ...data.edges.map((e) => e.events));
  const maxScore = Math.max(1, ...data.edges.map((e) => Math.abs(e.score)));
  for (const e of data.edges) {
    if (!g.hasNode(e.source) || !g.hasNode(e.target) || e.source === e.target) continue;
    if (g.hasEdge(e.source, e.target)) continue;
    g.addEdge(e.source, e.target, {
      size: 1 + 4 * Math.sqrt(e.events / maxEdge),
      color: scoreColor(e.score, maxScore),
      score: e.score,
      events: e.events,
    });
  }
  if (g.order > 1)
    forceAtlas2.assign(g, {
      iterations: g.order > 1000 ? 50 : g.order > 300 ? 120 : 250,
      settings: { ...forceAtlas2.inferSettings(g), gravity: 1.5, barnesHutOptimize: g.order > 300 },
    });
  return g;
}

function GraphView({ data }: { data: ActorGraph }) {
  const box = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [hover, setHover] = useState<string | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || data.nodes.length === 0) return;
    const graph = buildGraph(data);
    let hovered: string | null = null;
    let renderer: Sigma<NodeAttrs, EdgeAttrs> | null = null;
    try {
      renderer = new Sigma<NodeAttrs, EdgeAttrs>(graph, el, {
        defaultEdgeType: "arrow",
        renderEdgeLabels: false,
        labelFont: "system-ui, sans-serif",
        labelSize: 12,
        labelDensity: 0.6,
        labelRenderedSizeThreshold: 7,
        zIndex: true,
        nodeReducer: (node, attrs) => {
          if (!hovered || node === hovered || graph.areNeighbors(node, hovered))
            return node === hovered ? { ...attrs, highlighted: true, zIndex: 2 } : { ...attrs, zIndex: 1 };
          return { ...attrs, color: "#e2e2e2", label: "", zIndex: 0 };
        },
        edgeReducer: (edge, attrs) => {
          if (!hovered) return attrs;
          return graph.hasExtremity(edge, hovered) ? { ...attrs, zIndex: 1 } : { ...attrs, hidden: true };
        },
      });
    } catch (err) {
      setFailure(
        `The network needs WebGL, which this browser refused (${(err as Error).message}). Export GEXF and open it in Gephi instead.`,
      );
      return;
    }
    const r = renderer;
    r.on("enterNode", ({ node }) => {
      hovered = node;
      setHover(node);
      el.classList.add("pointer");
      r.refresh({ skipIndexation: true });
    });
    r.on("leaveNode", () => {
      hovered = null;
      setHover(null);
      el.classList.remove("pointer");
      r.refresh({ skipIndexation: true });
    });
    r.on("clickNode", ({ node }) => navigate(`#/actors/${encodeURIComponent(node)}`));
    // Sigma draws synchronously when it is created: mark the box for readers and tests.
    el.dataset.rendered = String(graph.order);
    setFailure(null);
    return () => {
      delete el.dataset.rendered;
      r.kill();
    };
  }, [data]);
  const node = hover ? data.nodes.find((n) => n.id === hover) : null;
  const edges = hover ? data.edges.filter((e) => e.source === hover || e.target === hover) : [];
  return (
    <div class="graph-wrap">
      {failure && <ErrorBanner error={failure} what="the network" />}
      <div ref={box} class="graph-box" aria-label="actor network (drag to pan, scroll to zoom)" role="img" />
      {node && (
        <div class="graph-hover" role="status">
          <strong>{node.name}</strong> · {node.kind ?? "unknown"} · {fmt(node.events)} events · {edges.length}{" "}
          link{edges.length === 1 ? "" : "s"} — click for the dossier
        </div>
      )}
    </div>
  );
}

function Legend() {
  return (
    <div class="graph-legend">
      <h3>Nodes: actor kind</h3>
      <ul class="legend vertical">
        {Object.keys(KIND_COLORS).map((k) => (
          <li key={k}>
            <Swatch color={kindColor(k)} shape="circle" /> {k.replace("_", " ")}
          </li>
        ))}
      </ul>
      <p class="muted small">Size: events as actor or recipient.</p>
      <h3>Edges: actor → recipient</h3>
      <div class="ramp" aria-hidden="true">
        {[-1, -0.6, -0.3, 0, 0.3, 0.6, 1].map((t) => (
          <span key={t} style={{ background: scoreColor(t * 10) }} />
        ))}
      </div>
      <div class="ramp-labels small">
        <span>conflict</span>
        <span>neutral</span>
        <span>cooperation</span>
      </div>
      <p class="muted small">Colour: the pair's cooperation–conflict score; width: its number of events.</p>
    </div>
  );
}

/** Two range inputs over the months of the matching events; releasing one refilters. */
function TimeSlider({
  months,
  filters,
  params,
}: {
  months: string[];
  filters: Filters;
  params: URLSearchParams;
}) {
  const last = months.length - 1;
  const idx = (m: string | undefined, dflt: number) => {
    if (!m) return dflt;
    const i = months.indexOf(m.slice(0, 7));
    if (i >= 0) return i;
    return m < months[0] ? 0 : last;
  };
  const [from, setFrom] = useState(idx(filters.since, 0));
  const [to, setTo] = useState(idx(filters.until, last));
  useEffect(() => {
    setFrom(idx(filters.since, 0));
    setTo(idx(filters.until, last));
  }, [filters.since, filters.until, months.join()]);
  const commit = (a: number, b: number) => {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const f: Filters = {
      ...filters,
      since: lo > 0 ? months[lo] : undefined,
      until: hi < last ? months[hi] : undefined,
    };
    navigate(withFilters(["network"], params, f));
  };
  if (months.length < 2) return null;
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  return (
    <div class="time-slider">
      <span class="small">
        Time: <strong>{months[lo]}</strong> to <strong>{months[hi]}</strong>
      </span>
      <div class="slider-pair">
        <input
          type="range"
          aria-label="first month"
          min={0}
          max={last}
          value={from}
          onInput={(e) => setFrom(Number((e.target as HTMLInputElement).value))}
          onChange={(e) => commit(Number((e.target as HTMLInputElement).value), to)}
        />
        <input
          type="range"
          aria-label="last month"
          min={0}
          max={last}
          value={to}
          onInput={(e) => setTo(Number((e.target as HTMLInputElement).value))}
          onChange={(e) => commit(from, Number((e.target as HTMLInputElement).value))}
        />
      </div>
      {(filters.since || filters.until) && (
        <button type="button" onClick={() => commit(0, last)}>
          All time
        </button>
      )}
    </div>
  );
}

function Pruned({ data }: { data: ActorGraph }) {
  const [min, setMin] = useState(() => autoMin(data));
  useEffect(() => setMin(autoMin(data)), [data]);
  const shown = useMemo(() => prune(data, min), [data, min]);
  return (
    <>
      <div class="graph-controls small">
        <label>
          Actors with at least{" "}
          <select
            aria-label="minimum events per actor"
            value={String(min)}
            onChange={(e) => setMin(Number((e.target as HTMLSelectElement).value))}
          >
            {MIN_CHOICES.map((m) => (
              <option key={m} value={String(m)}>
                {m}
              </option>
            ))}
          </select>{" "}
          event{min === 1 ? "" : "s"}
        </label>
        <span class="muted">
          {" "}
          — showing {fmt(shown.nodes.length)} of {fmt(data.nodes.length)} actors, {fmt(shown.edges.length)} of{" "}
          {fmt(data.edges.length)} pairs
        </span>
      </div>
      {shown.nodes.length ? (
        <GraphView data={shown} />
      ) : (
        <Empty>No actor has that many events: choose a lower threshold.</Empty>
      )}
    </>
  );
}

export function NetworkPage({ params }: { params: URLSearchParams }) {
  const filters = filtersFrom(params);
  const { since: _s, until: _u, ...rest } = filters;
  const graph = useApi<ActorGraph>(`/api/graph${apiQuery(filters)}`);
  const hist = useApi<Histogram>(`/api/histogram${apiQuery(rest)}`);
  const stats = useApi<Stats>("/api/stats");
  const dated = (hist.data?.months ?? [])
    .map((m) => m.month)
    .filter((m) => /^\d{4}-\d{2}$/.test(m))
    .sort();
  const months = dated.length ? monthRange(dated[0], dated[dated.length - 1]) : [];
  return (
    <section class="page network">
      <FilterBar parts={["network"]} params={params} hide={["since", "until"]} />
      <div class="network-layout">
        <div class="card network-main">
          <div class="card-head">
            <h2>
              Actor network
              {graph.data ? (
                <span class="muted small">
                  {" "}
                  {fmt(graph.data.nodes.length)} actors, {fmt(graph.data.edges.length)} directed pairs
                </span>
              ) : null}
            </h2>
            <ExportLinks filters={filters} formats={["gexf", "graphml"]} label="Network" />
          </div>
          <TimeSlider months={months} filters={filters} params={params} />
          {graph.error ? (
            <ErrorBanner error={graph.error} what="the network" />
          ) : !graph.data ? (
            <Loading what="the network" />
          ) : graph.data.nodes.length === 0 && stats.data?.events === 0 ? (
            <NoEvents stats={stats.data} />
          ) : graph.data.nodes.length === 0 ? (
            <Empty>
              No actor pairs match these filters. Clear the filters or widen the time range; events need a
              recipient to appear here (run <code>dyad ingest PATH</code> to add articles).
            </Empty>
          ) : (
            <Pruned data={graph.data} />
          )}
        </div>
        <aside class="card network-side">
          <Legend />
          <h3>Most active</h3>
          <Async state={graph} what="the actors">
            {(g) => (
              <ol class="top-nodes small">
                {[...g.nodes]
                  .sort((a, b) => b.events - a.events)
                  .slice(0, 12)
                  .map((n) => (
                    <li key={n.id}>
                      <a href={`#/actors/${encodeURIComponent(n.id)}`}>{n.name}</a>{" "}
                      <span class="muted">{fmt(n.events)}</span>
                    </li>
                  ))}
              </ol>
            )}
          </Async>
        </aside>
      </div>
    </section>
  );
}
