/**
 * Map: located events on an offline world map (world-atlas TopoJSON served
 * with the app, Natural Earth projection from d3-geo), one circle per event
 * coloured by type, a list by place beside it; a click opens the evidence.
 */
import { geoGraticule10, geoNaturalEarth1, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { useEffect, useMemo, useState } from "preact/hooks";
import { feature } from "topojson-client";
import type { Topology } from "topojson-specification";
import { actorName, getJson, type MapItem, type MapResponse, type Stats } from "../api";
import { useWidth } from "../chart";
import { typeColor } from "../colors";
import { FilterBar } from "../filters";
import { apiQuery, filtersFrom, href } from "../route";
import {
  Empty,
  ErrorBanner,
  ExportLinks,
  fmt,
  Loading,
  ModalityBadge,
  TypeBadge,
  useApi,
  useMeta,
} from "../ui";
import { NoEvents, TypeLegend } from "./overview";

const MAX_POINTS = 4000;

let world: Promise<FeatureCollection<Geometry>> | null = null;

/** The country shapes, loaded once from the app's own server (never the internet). */
function loadWorld(): Promise<FeatureCollection<Geometry>> {
  if (!world) {
    world = getJson<Topology>("/countries-110m.json").then((topo) => {
      const countries = topo.objects.countries;
      return feature(topo, countries) as unknown as FeatureCollection<Geometry>;
    });
    world.catch(() => {
      world = null;
    });
  }
  return world;
}

interface Placed {
  item: MapItem;
  x: number;
  y: number;
}

/** Events at the same place fan out on a small spiral so each circle can be pointed at. */
function place(items: MapItem[], project: (p: [number, number]) => [number, number] | null): Placed[] {
  const byPlace = new Map<string, MapItem[]>();
  for (const it of items) {
    const k = `${it.place.lat.toFixed(3)},${it.place.lon.toFixed(3)}`;
    const list = byPlace.get(k);
    if (list) list.push(it);
    else byPlace.set(k, [it]);
  }
  const out: Placed[] = [];
  for (const list of byPlace.values()) {
    const p = project([list[0].place.lon, list[0].place.lat]);
    if (!p) continue;
    list.forEach((item, i) => {
      const r = i === 0 ? 0 : 4.2 * Math.sqrt(i);
      const a = i * 2.4;
      out.push({ item, x: p[0] + r * Math.cos(a), y: p[1] + r * Math.sin(a) });
    });
  }
  return out;
}

function WorldMap({ items, fit }: { items: MapItem[]; fit: "events" | "world" }) {
  const meta = useMeta();
  const [box, width] = useWidth<HTMLDivElement>();
  const [countries, setCountries] = useState<FeatureCollection<Geometry> | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [hover, setHover] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    loadWorld().then(
      (w) => live && setCountries(w),
      (e: Error) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, []);
  const height = Math.max(260, Math.min(Math.round(width * 0.52), window.innerHeight - 250));
  const hovered = hover === null ? null : (items.find((i) => i.id === hover) ?? null);
  const drawn = useMemo(() => {
    if (!width) return null;
    const projection = geoNaturalEarth1();
    const pad = 12;
    const extent: [[number, number], [number, number]] = [
      [pad, pad],
      [width - pad, height - pad],
    ];
    if (fit === "events" && items.length > 0) {
      const lons = items.map((i) => i.place.lon);
      const lats = items.map((i) => i.place.lat);
      // At least 30° × 20°, so a single place still shows its region.
      let [w, e] = [Math.min(...lons), Math.max(...lons)];
      let [s, n] = [Math.min(...lats), Math.max(...lats)];
      if (e - w < 30) [w, e] = [(w + e) / 2 - 15, (w + e) / 2 + 15];
      if (n - s < 20) [s, n] = [(s + n) / 2 - 10, (s + n) / 2 + 10];
      // The box's outline, sampled: meridians curve in this projection, so corners alone are not enough.
      const [x0, x1] = [Math.max(-180, w - 5), Math.min(180, e + 5)];
      const [y0, y1] = [Math.max(-85, s - 5), Math.min(85, n + 5)];
      const outline: [number, number][] = [];
      for (let i = 0; i <= 8; i++) {
        const lon = x0 + ((x1 - x0) * i) / 8;
        const lat = y0 + ((y1 - y0) * i) / 8;
        outline.push([lon, y0], [lon, y1], [x0, lat], [x1, lat]);
      }
      const box: Feature = {
        type: "Feature",
        properties: {},
        geometry: { type: "MultiPoint", coordinates: outline },
      };
      projection.fitExtent(extent, box);
    } else projection.fitExtent(extent, { type: "Sphere" });
    const path = geoPath(projection);
    return {
      sphere: path({ type: "Sphere" }) ?? "",
      graticule: path(geoGraticule10()) ?? "",
      countries: countries
        ? countries.features.map((f, i) => ({
            key: String(f.id ?? i),
            d: path(f) ?? "",
            name: String(f.properties?.name ?? ""),
          }))
        : [],
      points: place(items, (p) => projection(p)),
    };
  }, [width, height, fit, items, countries]);
  return (
    <div ref={box} class="map-box">
      {error && <ErrorBanner error={error} what="the world map" />}
      {drawn && (
        <svg
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={`world map with ${items.length} located events`}
        >
          <defs>
            <clipPath id="map-clip">
              <path d={drawn.sphere} />
            </clipPath>
          </defs>
          <path class="sphere" d={drawn.sphere} />
          <g clip-path="url(#map-clip)">
            <path class="graticule" d={drawn.graticule} />
            {drawn.countries.map((c) => (
              <path key={c.key} class="country" d={c.d}>
                <title>{c.name}</title>
              </path>
            ))}
          </g>
          <g class="points">
            {drawn.points.map(({ item, x, y }) => (
              <a
                key={item.id}
                href={href(["events", item.id])}
                onMouseEnter={() => setHover(item.id)}
                onMouseLeave={() => setHover(null)}
                onFocus={() => setHover(item.id)}
                onBlur={() => setHover(null)}
              >
                <circle
                  class={hover === item.id ? "event-dot hover" : "event-dot"}
                  data-event={item.id}
                  cx={x}
                  cy={y}
                  r={hover === item.id ? 7 : 5}
                  fill={typeColor(meta, item.event)}
                >
                  <title>
                    {`${item.event}: ${actorName(item.actor)} → ${actorName(item.recipient)}, ${item.date ?? "undated"}, ${item.place.name}${item.modality !== "asserted" ? ` (${item.modality})` : ""} — click for the evidence`}
                  </title>
                </circle>
              </a>
            ))}
          </g>
        </svg>
      )}
      {!drawn && <Loading what="the map" />}
      {hovered && (
        <div class="map-hover" role="status">
          <TypeBadge type={hovered.event} /> <strong>{actorName(hovered.actor)}</strong> →{" "}
          <strong>{actorName(hovered.recipient)}</strong>
          {hovered.modality !== "asserted" && <ModalityBadge modality={hovered.modality} />}
          <span class="muted">
            {" "}
            · {hovered.date ?? "undated"} · {hovered.place.name}
            {hovered.place.iso3 ? ` (${hovered.place.iso3})` : ""} — click for the evidence
          </span>
        </div>
      )}
    </div>
  );
}

function PlaceList({ items }: { items: MapItem[] }) {
  const groups = new Map<string, MapItem[]>();
  for (const it of items) {
    const k = it.place.name + (it.place.iso3 ? ` (${it.place.iso3})` : "");
    const list = groups.get(k);
    if (list) list.push(it);
    else groups.set(k, [it]);
  }
  const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  return (
    <ul class="place-list">
      {sorted.map(([name, list]) => (
        <li key={name}>
          <div class="place-name">
            {name} <span class="muted">{fmt(list.length)}</span>
          </div>
          <ul>
            {list.slice(0, 20).map((e) => (
              <li key={e.id}>
                <a href={href(["events", e.id])}>
                  <span class="muted nowrap">{e.date ?? "undated"}</span> {actorName(e.actor)} →{" "}
                  <TypeBadge type={e.event} /> → {actorName(e.recipient)}
                </a>
                {e.modality !== "asserted" && <ModalityBadge modality={e.modality} />}
              </li>
            ))}
            {list.length > 20 && <li class="muted small">… and {list.length - 20} more</li>}
          </ul>
        </li>
      ))}
    </ul>
  );
}

export function MapPage({ params }: { params: URLSearchParams }) {
  const filters = filtersFrom(params);
  const data = useApi<MapResponse>(`/api/map${apiQuery(filters)}`);
  const stats = useApi<Stats>("/api/stats");
  const [fit, setFit] = useState<"events" | "world">("events");
  const located = useMemo(
    () =>
      (data.data?.items ?? []).filter((i) => Number.isFinite(i.place.lat) && Number.isFinite(i.place.lon)),
    [data.data],
  );
  // An SVG stays responsive up to a few thousand circles; beyond that, narrow the filters.
  const items = useMemo(() => located.slice(0, MAX_POINTS), [located]);
  const types = [...new Set(items.map((i) => i.event))];
  return (
    <section class="page map">
      <FilterBar parts={["map"]} params={params} />
      <div class="map-layout">
        <div class="card map-main">
          <div class="card-head">
            <h2>
              Where
              {data.data ? <span class="muted small"> {fmt(located.length)} located events</span> : null}
            </h2>
            <span class="map-tools">
              <button
                type="button"
                class={fit === "world" ? "active" : undefined}
                onClick={() => setFit("world")}
              >
                World
              </button>
              <button
                type="button"
                class={fit === "events" ? "active" : undefined}
                onClick={() => setFit("events")}
              >
                Zoom to events
              </button>
              <ExportLinks filters={filters} formats={["geojson", "csv"]} />
            </span>
          </div>
          {types.length > 0 && <TypeLegend types={types} />}
          {located.length > items.length && (
            <p class="muted small">
              Showing the first {fmt(items.length)} of {fmt(located.length)} located events: narrow the
              filters (a date range, a type) to see them all.
            </p>
          )}
          {data.error ? (
            <ErrorBanner error={data.error} what="the located events" />
          ) : (
            <WorldMap items={items} fit={fit} />
          )}
          {data.data && items.length === 0 && stats.data?.events === 0 && <NoEvents stats={stats.data} />}
          {data.data && items.length === 0 && stats.data && stats.data.events > 0 && (
            <Empty>
              No located events match. Events get a place when the sentence names one (a city, a country, a
              region); clear the filters, or ingest more articles with <code>dyad ingest PATH</code>.
            </Empty>
          )}
        </div>
        <aside class="card map-side">
          <h2>By place</h2>
          {!data.data && !data.error ? (
            <Loading />
          ) : items.length ? (
            <PlaceList items={items} />
          ) : (
            <p class="muted">Nothing to list.</p>
          )}
        </aside>
      </div>
    </section>
  );
}
