/** Overview: corpus counts, events by type per month, the most active dyads and the latest documents. */
import type { DocumentList, DocumentListItem, DyadSummary, Histogram, Stats } from "../api";
import { Chart } from "../chart";
import { drawStackedMonths } from "../charts";
import { typeColor } from "../colors";
import { href } from "../route";
import {
  Async,
  Empty,
  ExportLinks,
  fmt,
  type Loaded,
  navigate,
  ScoreBar,
  Swatch,
  useApi,
  useMeta,
} from "../ui";

export function TypeLegend({ types, onPick }: { types?: string[]; onPick?: (type: string) => void }) {
  const meta = useMeta();
  const shown = types ? meta.types.filter((t) => types.includes(t.name)) : meta.types;
  return (
    <ul class="legend" aria-label="event types">
      {shown.map((t) => {
        const title = `${t.quad.replace("_", " ")}, weight ${t.weight}`;
        return (
          <li key={t.name} title={onPick ? `${title} — click to show only ${t.name}` : title}>
            {onPick ? (
              <button type="button" class="legend-item" onClick={() => onPick(t.name)}>
                <Swatch color={typeColor(meta, t.name)} />
                {t.name}
              </button>
            ) : (
              <>
                <Swatch color={typeColor(meta, t.name)} />
                {t.name}
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function NoEvents({ stats }: { stats: Stats | null }) {
  if (stats && stats.documents === 0)
    return (
      <Empty>
        No events yet — run <code>dyad ingest PATH</code> with a folder of news articles (text, HTML or JSON
        Lines), then reload this page.
      </Empty>
    );
  return (
    <Empty>
      No events match. Loosen the filters above (Clear), or ingest more articles with{" "}
      <code>dyad ingest PATH</code>.
    </Empty>
  );
}

function Counts({ stats }: { stats: Stats }) {
  const items: [string, number][] = [
    ["documents", stats.documents],
    ["sentences", stats.sentences],
    ["actors", stats.actors],
    ["events", stats.events],
    ["stories", stats.stories],
  ];
  const run = stats.runs[0];
  return (
    <div>
      <ul class="counts">
        {items.map(([k, v]) => (
          <li key={k}>
            <span class="count-value">{fmt(v)}</span>
            <span class="count-label">{k}</span>
          </li>
        ))}
      </ul>
      {run && (
        <p class="muted small">
          Last run: {run.command} #{run.id} ({run.status}), {run.startedAt.replace("T", " ").slice(0, 16)} —{" "}
          {fmt(run.documents.new)} new, {fmt(run.documents.changed)} changed, {fmt(run.documents.failed)}{" "}
          failed documents; +{fmt(run.events.added)} −{fmt(run.events.removed)} events.
        </p>
      )}
    </div>
  );
}

export function DyadTable({ dyads, compact }: { dyads: DyadSummary[]; compact?: boolean }) {
  const maxAbs = Math.max(1, ...dyads.map((d) => Math.abs(d.score)));
  return (
    <table class="table dyads">
      <thead>
        <tr>
          <th>Actor → recipient</th>
          <th class="num">Events</th>
          {!compact && <th>Main types</th>}
          <th>Score</th>
        </tr>
      </thead>
      <tbody>
        {dyads.map((d) => {
          const target = href(["timeline"], { dyad: `${d.actor.key},${d.recipient.key}` });
          const top = Object.entries(d.types)
            .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
            .slice(0, 3);
          return (
            <tr
              key={`${d.actor.key}>${d.recipient.key}`}
              class="clickable"
              onClick={(e) => {
                if ((e.target as HTMLElement).closest("a")) return;
                navigate(target);
              }}
            >
              <td>
                <a href={href(["actors", d.actor.key])}>{d.actor.name}</a>
                <span class="arrow"> → </span>
                <a href={href(["actors", d.recipient.key])}>{d.recipient.name}</a>
              </td>
              <td class="num">
                <a href={target} title="the events of this pair on the timeline">
                  {fmt(d.events)}
                </a>
              </td>
              {!compact && (
                <td class="small">
                  {top.map(([t, n]) => (
                    <span key={t} class="type-count">
                      {t} {n}
                    </span>
                  ))}
                </td>
              )}
              <td>
                <ScoreBar score={d.score} max={maxAbs} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function DocumentTable({ items }: { items: DocumentListItem[] }) {
  return (
    <table class="table documents">
      <thead>
        <tr>
          <th>Title</th>
          <th>Published</th>
          <th class="num">Events</th>
        </tr>
      </thead>
      <tbody>
        {items.map((d) => (
          <tr key={d.id}>
            <td>
              <a href={href(["documents", d.id])}>{d.title || d.docId}</a>
              <div class="muted small source">{d.source}</div>
            </td>
            <td class="nowrap">{d.published ?? "undated"}</td>
            <td class="num">{fmt(d.events)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MonthChart({ state, stats }: { state: Loaded<Histogram>; stats: Stats | null }) {
  const meta = useMeta();
  return (
    <Async state={state} what="the monthly counts">
      {(h) => {
        const dated = h.months.filter((m) => m.month);
        if (dated.length === 0 && !h.undated) return <NoEvents stats={stats} />;
        const present = [...new Set(dated.flatMap((m) => Object.keys(m.types)))];
        return (
          <div>
            <TypeLegend types={present} onPick={(t) => navigate(href(["timeline"], { type: t }))} />
            {dated.length > 0 ? (
              <Chart
                height={190}
                label="events per month, stacked by PLOVER type"
                deps={[h, meta]}
                draw={(svg, w) =>
                  drawStackedMonths(svg, w, dated, {
                    height: 190,
                    meta,
                    yLabel: "events",
                    onMonth: (m) => navigate(href(["timeline"], { since: m, until: m })),
                  })
                }
              />
            ) : (
              <Empty>All events are undated.</Empty>
            )}
            {h.undated > 0 && (
              <p class="muted small">
                {fmt(h.undated)} undated event{h.undated === 1 ? "" : "s"} not shown (no date in the text or
                the document).
              </p>
            )}
          </div>
        );
      }}
    </Async>
  );
}

export function OverviewPage() {
  const stats = useApi<Stats>("/api/stats");
  const hist = useApi<Histogram>("/api/histogram");
  const dyads = useApi<DyadSummary[]>("/api/dyads?limit=12");
  const docs = useApi<DocumentList>("/api/documents?limit=10");
  const empty = stats.data?.documents === 0;
  return (
    <section class="page overview">
      <div class="page-head">
        <h1>Overview</h1>
        <ExportLinks filters={{}} formats={["csv", "plover-jsonl"]} label="All events" />
      </div>
      <Async state={stats} what="the counts">
        {(s) => <Counts stats={s} />}
      </Async>
      {empty ? (
        <NoEvents stats={stats.data} />
      ) : (
        <>
          <div class="card">
            <h2>Events by type per month</h2>
            <MonthChart state={hist} stats={stats.data} />
          </div>
          <div class="columns">
            <div class="card">
              <h2>Most active dyads</h2>
              <Async state={dyads} what="the dyads">
                {(d) =>
                  d.length ? (
                    <DyadTable dyads={d} />
                  ) : (
                    <Empty>No actor pairs yet: events need a recipient to form a dyad.</Empty>
                  )
                }
              </Async>
            </div>
            <div class="card">
              <h2>
                Latest documents{" "}
                <a class="small" href="#/documents">
                  all
                </a>
              </h2>
              <Async state={docs} what="the documents">
                {(d) =>
                  d.items.length ? (
                    <DocumentTable items={d.items} />
                  ) : (
                    <Empty>
                      No documents yet — run <code>dyad ingest PATH</code>.
                    </Empty>
                  )
                }
              </Async>
            </div>
          </div>
        </>
      )}
    </section>
  );
}
