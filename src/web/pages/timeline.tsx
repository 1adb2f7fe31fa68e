/** Timeline: month histogram with a brush for the date range, and the matching events beneath, paged. */
import type { EventSummary, Histogram, Page, Stats } from "../api";
import { Chart } from "../chart";
import { drawStackedMonths } from "../charts";
import { FilterBar, withFilters } from "../filters";
import { apiQuery, type Filters, filtersFrom, href } from "../route";
import {
  Async,
  Empty,
  ExportLinks,
  fmt,
  type Loaded,
  ModalityBadge,
  navigate,
  Pager,
  snippet,
  TypeBadge,
  useApi,
  useMeta,
} from "../ui";
import { NoEvents, TypeLegend } from "./overview";

const LIMIT = 50;

export function eventHref(e: { id: number; document: { id: number } }): string {
  return href(["documents", e.document.id], { event: e.id });
}

export function EventRow({ e }: { e: EventSummary }) {
  const target = eventHref(e);
  return (
    <li class="event-row">
      <a class="event-link" href={target}>
        <span class="event-date nowrap">{e.date ?? e.day ?? "undated"}</span>
        <span class="event-who">
          <span class="actor">{e.actor.name}</span>
          <span class="arrow"> → </span>
          <TypeBadge type={e.event} />
          <span class="arrow"> → </span>
          <span class="actor">{e.recipient ? e.recipient.name : "—"}</span>
        </span>
        {e.modality !== "asserted" && <ModalityBadge modality={e.modality} />}
        <span class="event-sentence">{snippet(e.sentence, 260) || e.record.evidence.trigger.text}</span>
        <span class="event-source muted small">
          {e.document.title || e.document.docId}
          {e.document.published ? ` · ${e.document.published}` : ""}
          {e.story && e.story.documents > 1 ? ` · reported by ${e.story.documents} documents` : ""}
        </span>
      </a>
    </li>
  );
}

export function EventList({ page, onPage }: { page: Page<EventSummary>; onPage: (offset: number) => void }) {
  return (
    <div>
      <ol class="events" start={page.offset + 1}>
        {page.items.map((e) => (
          <EventRow key={e.id} e={e} />
        ))}
      </ol>
      <Pager total={page.total} offset={page.offset} limit={page.limit || LIMIT} onPage={onPage} />
    </div>
  );
}

export function TimelinePage({ params }: { params: URLSearchParams }) {
  const meta = useMeta();
  const filters = filtersFrom(params);
  const offset = Math.max(0, Number(params.get("offset")) || 0);
  const { since, until, ...rest } = filters;
  const hist = useApi<Histogram>(`/api/histogram${apiQuery(rest)}`);
  // The API lists oldest first (undated before dated); newest first reads the same list from its end.
  const newest = params.get("order") !== "oldest";
  const count = useApi<Page<EventSummary>>(newest ? `/api/events${apiQuery(filters, { limit: 1 })}` : null);
  const total = count.data?.total;
  const past = newest && total !== undefined && total > 0 && offset >= total;
  const window_ =
    newest && total !== undefined && !past
      ? { offset: Math.max(0, total - offset - LIMIT), limit: Math.max(1, Math.min(LIMIT, total - offset)) }
      : null;
  const fetched = useApi<Page<EventSummary>>(
    !newest
      ? `/api/events${apiQuery(filters, { limit: LIMIT, offset })}`
      : window_
        ? `/api/events${apiQuery(filters, window_)}`
        : null,
  );
  let events: Loaded<Page<EventSummary>> = fetched;
  if (newest) {
    if (count.error) events = { data: null, error: count.error, loading: false };
    else if (past && total !== undefined)
      events = { data: { total, limit: LIMIT, offset, items: [] }, error: null, loading: count.loading };
    else if (fetched.data)
      events = {
        data: { total: fetched.data.total, limit: LIMIT, offset, items: [...fetched.data.items].reverse() },
        error: fetched.error,
        loading: fetched.loading || count.loading,
      };
    else if (!fetched.error) events = { data: null, error: null, loading: true };
  }
  const setOrder = (order: string) => {
    const next = new URLSearchParams(params);
    next.delete("offset");
    if (order === "oldest") next.set("order", "oldest");
    else next.delete("order");
    navigate(href(["timeline"], next));
  };
  const stats = useApi<Stats>("/api/stats");
  const setRange = (range: [string, string] | null) => {
    const f: Filters = { ...filters, since: range?.[0], until: range?.[1] };
    navigate(withFilters(["timeline"], params, f));
  };
  const onPage = (o: number) => {
    const next = new URLSearchParams(params);
    next.set("offset", String(o));
    navigate(href(["timeline"], next));
  };
  return (
    <section class="page timeline">
      <FilterBar parts={["timeline"]} params={params} />
      <div class="card">
        <div class="card-head">
          <h2>Events per month</h2>
          <span class="muted small">
            Drag across the bars to choose a date range; click outside it to clear.
          </span>
        </div>
        <Async state={hist} what="the histogram">
          {(h) => {
            const dated = h.months.filter((m) => m.month);
            if (dated.length === 0)
              return (
                <p class="muted">
                  {h.undated ? `${fmt(h.undated)} undated events, no dated ones.` : "No dated events."}
                </p>
              );
            const present = [...new Set(dated.flatMap((m) => Object.keys(m.types)))];
            return (
              <div>
                <TypeLegend
                  types={present}
                  onPick={(t) => navigate(withFilters(["timeline"], params, { ...filters, type: t }))}
                />
                {(since || until) && (
                  <Chart
                    height={130}
                    label={`events per month from ${since ?? "the start"} to ${until ?? "the end"}`}
                    deps={[h, meta, since, until]}
                    draw={(svg, w) =>
                      drawStackedMonths(svg, w, dated, {
                        height: 130,
                        meta,
                        yLabel: "events",
                        xLabel: "the selected months",
                        domain: [
                          since ? since.slice(0, 7) : dated[0].month,
                          until ? until.slice(0, 7) : dated[dated.length - 1].month,
                        ],
                        onMonth: (m) => setRange([m, m]),
                      })
                    }
                  />
                )}
                <Chart
                  height={since || until ? 90 : 140}
                  label="events per month; drag to select a date range"
                  deps={[h, meta, since, until]}
                  draw={(svg, w) =>
                    drawStackedMonths(svg, w, dated, {
                      height: since || until ? 90 : 140,
                      meta,
                      yLabel: since || until ? undefined : "events",
                      xLabel: since || until ? "all months: drag to change the range" : undefined,
                      brush: { since, until, onChange: setRange },
                    })
                  }
                />
                {h.undated > 0 && !since && !until && (
                  <p class="muted small">{fmt(h.undated)} undated events are listed but not drawn.</p>
                )}
              </div>
            );
          }}
        </Async>
      </div>
      <div class="card">
        <div class="card-head">
          <h2>
            {events.data ? `${fmt(events.data.total)} event${events.data.total === 1 ? "" : "s"}` : "Events"}
            {since || until ? (
              <span class="muted small">
                {" "}
                from {since ?? "the start"} to {until ?? "today"}
              </span>
            ) : null}
          </h2>
          <span class="card-tools">
            <label class="small">
              Order{" "}
              <select
                name="order"
                value={newest ? "newest" : "oldest"}
                onChange={(e) => setOrder((e.target as HTMLSelectElement).value)}
              >
                <option value="newest">newest first</option>
                <option value="oldest">oldest first (undated first)</option>
              </select>
            </label>
            <ExportLinks filters={filters} formats={["csv", "plover-jsonl", "geojson"]} />
          </span>
        </div>
        <Async state={events} what="the events">
          {(page) =>
            page.items.length ? (
              <EventList page={page} onPage={onPage} />
            ) : page.total > 0 ? (
              <Empty>
                No events on this page.{" "}
                <a href={withFilters(["timeline"], params, filters)}>Back to the first page</a>.
              </Empty>
            ) : (
              <NoEvents stats={stats.data} />
            )
          }
        </Async>
      </div>
    </section>
  );
}
