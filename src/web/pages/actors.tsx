/** Actors: the list (search by name, kind) and one actor's dossier with its dyad trends. */
import { useEffect, useState } from "preact/hooks";
import type { ActorSummary, DossierWithTrends, DyadSummary } from "../api";
import { Chart } from "../chart";
import { drawScoreMonths, type ScoreSeries } from "../charts";
import { kindColor, typeColor } from "../colors";
import { type CounterpartTrend, groupTrends } from "../model";
import { href } from "../route";
import {
  Async,
  Empty,
  ErrorBanner,
  ExportLinks,
  fmt,
  Loading,
  navigate,
  ScoreBar,
  Swatch,
  useApi,
  useMeta,
} from "../ui";

export function KindLabel({ kind }: { kind: string | null }) {
  return (
    <span class="kind">
      <Swatch color={kindColor(kind)} shape="circle" />
      {(kind ?? "unknown").replace("_", " ")}
    </span>
  );
}

export function ActorsPage({ params }: { params: URLSearchParams }) {
  const meta = useMeta();
  const q = params.get("q") ?? "";
  const kind = params.get("kind") ?? "";
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  const sp = new URLSearchParams({ limit: "200" });
  if (q) sp.set("q", q);
  if (kind) sp.set("kind", kind);
  const actors = useApi<ActorSummary[]>(`/api/actors?${sp}`);
  return (
    <section class="page actors">
      <div class="page-head">
        <h1>Actors</h1>
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            navigate(href(["actors"], { q: draft.trim(), kind }));
          }}
        >
          <label>
            Name
            <input
              name="q"
              type="search"
              placeholder="part of a name or alias"
              value={draft}
              onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
            />
          </label>
          <label>
            Kind
            <select
              name="kind"
              value={kind}
              onChange={(e) => navigate(href(["actors"], { q, kind: (e.target as HTMLSelectElement).value }))}
            >
              <option value="">any</option>
              {meta.kinds.map((k) => (
                <option key={k} value={k}>
                  {k.replace("_", " ")}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" class="primary">
            Find
          </button>
        </form>
      </div>
      <div class="card">
        <Async state={actors} what="the actors">
          {(list) =>
            list.length === 0 ? (
              q || kind ? (
                <Empty>No actor matches. Try part of a name (“Putin”, “Taliban”) or another kind.</Empty>
              ) : (
                <Empty>
                  No actors yet — run <code>dyad ingest PATH</code>.
                </Empty>
              )
            ) : (
              <table class="table">
                <thead>
                  <tr>
                    <th>Name</th>
                    <th>Id</th>
                    <th>Kind</th>
                    <th>Country</th>
                    <th>Sector</th>
                    <th>Affiliation</th>
                    <th class="num">Mentions</th>
                    <th class="num">As actor</th>
                    <th class="num">As recipient</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((a) => (
                    <tr key={a.id}>
                      <td>
                        <a href={href(["actors", a.id])}>{a.name}</a>
                      </td>
                      <td class="muted small">{a.id}</td>
                      <td>
                        <KindLabel kind={a.kind} />
                      </td>
                      <td>{a.country ?? ""}</td>
                      <td>{a.sector ?? ""}</td>
                      <td>{a.affiliation ? a.affiliation.name : ""}</td>
                      <td class="num">{fmt(a.mentions)}</td>
                      <td class="num">{fmt(a.asActor)}</td>
                      <td class="num">{fmt(a.asRecipient)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Async>
      </div>
    </section>
  );
}

function TypeCounts({
  asActor,
  asRecipient,
}: {
  asActor: Record<string, number>;
  asRecipient: Record<string, number>;
}) {
  const meta = useMeta();
  const types = meta.types.map((t) => t.name).filter((t) => asActor[t] || asRecipient[t]);
  const extra = [...new Set([...Object.keys(asActor), ...Object.keys(asRecipient)])].filter(
    (t) => !types.includes(t),
  );
  const all = [...types, ...extra];
  if (all.length === 0) return <Empty>No events with this actor on either side.</Empty>;
  const top = Math.max(1, ...all.map((t) => Math.max(asActor[t] ?? 0, asRecipient[t] ?? 0)));
  const bar = (n: number, t: string) => (
    <span class="hbar">
      <span class="hbar-fill" style={{ width: `${(n / top) * 100}%`, background: typeColor(meta, t) }} />
      <span class="hbar-n">{n || ""}</span>
    </span>
  );
  return (
    <table class="table typecounts">
      <thead>
        <tr>
          <th>Type</th>
          <th>As actor (did it)</th>
          <th>As recipient (had it done)</th>
        </tr>
      </thead>
      <tbody>
        {all.map((t) => (
          <tr key={t}>
            <td>{t}</td>
            <td>{bar(asActor[t] ?? 0, t)}</td>
            <td>{bar(asRecipient[t] ?? 0, t)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Trends({ dossier }: { dossier: DossierWithTrends }) {
  const { groups } = groupTrends(dossier.trends, [dossier.actor.id, dossier.actor.country]);
  const shown = groups.slice(0, 10);
  if (shown.length === 0)
    return (
      <Empty>No dyads yet: no event links this actor with a recipient or an actor at state level.</Empty>
    );
  const all = shown.flatMap((g) => [g.out, g.back]).filter((t): t is DyadSummary => t !== null);
  const months = all
    .flatMap((t) => t.months.map((m) => m.month))
    .filter(Boolean)
    .sort();
  const domain: [string, string] | undefined = months.length
    ? [months[0], months[months.length - 1]]
    : undefined;
  const maxAbs = Math.max(1, ...all.flatMap((t) => t.months.map((m) => Math.abs(m.score))));
  const scoreMax = Math.max(1, ...all.map((t) => Math.abs(t.score)));
  const selfName = (g: CounterpartTrend) =>
    g.out ? g.out.actor.name : (g.back?.recipient.name ?? dossier.actor.name);
  return (
    <div class="trends">
      <p class="muted small">
        Monthly cooperation–conflict score (sum of the type weights of asserted events), green for
        cooperation, red for conflict; solid bars: {dossier.actor.name} towards the counterpart, light bars:
        the counterpart back. Same time axis and scale for every counterpart.
      </p>
      {shown.map((g) => {
        const series: ScoreSeries[] = [];
        if (g.out) series.push({ months: g.out.months, label: `${selfName(g)} → ${g.name}` });
        if (g.back) series.push({ months: g.back.months, light: true, label: `${g.name} → ${selfName(g)}` });
        return (
          <div class="trend" key={g.key}>
            <div class="trend-head">
              <a href={href(["actors", g.key])}>{g.name}</a>
              <span class="muted small">
                {" "}
                ·{" "}
                <a href={href(["timeline"], { dyad: `${dossier.actor.id},${g.key}` })}>
                  {fmt(g.events)} event{g.events === 1 ? "" : "s"}
                </a>
              </span>
              <span class="trend-scores">
                {g.out && (
                  <span title={`${selfName(g)} → ${g.name}`}>
                    to <ScoreBar score={g.out.score} max={scoreMax} />
                  </span>
                )}
                {g.back && (
                  <span title={`${g.name} → ${selfName(g)}`}>
                    from <ScoreBar score={g.back.score} max={scoreMax} />
                  </span>
                )}
              </span>
            </div>
            <Chart
              height={64}
              label={`monthly scores between ${dossier.actor.name} and ${g.name}`}
              deps={[g, domain?.[0], domain?.[1], maxAbs]}
              draw={(svg, w) => drawScoreMonths(svg, w, series, { height: 64, domain, maxAbs })}
            />
          </div>
        );
      })}
      {groups.length > shown.length && (
        <p class="muted small">… and {groups.length - shown.length} more counterparts with fewer events.</p>
      )}
    </div>
  );
}

export function ActorPage({ id }: { id: string }) {
  const dossier = useApi<DossierWithTrends>(`/api/actors/${encodeURIComponent(id)}`);
  if (dossier.error) return <ErrorBanner error={dossier.error} what={`the dossier of “${id}”`} />;
  if (!dossier.data) return <Loading what="the dossier" />;
  const d = dossier.data;
  const a = d.actor;
  const asActor = Object.values(d.asActor).reduce((s, n) => s + n, 0);
  const asRecipient = Object.values(d.asRecipient).reduce((s, n) => s + n, 0);
  return (
    <section class="page dossier">
      <div class="page-head">
        <div>
          <h1>{a.name}</h1>
          <p class="muted">
            <code>{a.id}</code> · <KindLabel kind={a.kind} />
            {a.country ? ` · ${a.country}` : ""}
            {a.sector ? ` · ${a.sector}` : ""}
            {a.affiliation ? (
              <>
                {" · "}affiliated with <a href={href(["actors", a.affiliation.id])}>{a.affiliation.name}</a>
              </>
            ) : null}
            {" · "}
            {fmt(d.documents)} document{d.documents === 1 ? "" : "s"}
            {a.firstSeen ? ` · first seen ${a.firstSeen.slice(0, 10)}` : ""}
          </p>
          {d.scope === "state" && (
            <p class="muted small">
              Counts include the state's organs and officials (events at state level).
            </p>
          )}
        </div>
        <div class="head-links">
          <a href={href(["timeline"], { actor: a.id })}>Timeline as actor ({fmt(asActor)})</a>
          <a href={href(["timeline"], { recipient: a.id })}>as recipient ({fmt(asRecipient)})</a>
          <a href={href(["network"], { actor: a.id })}>Network</a>
          <ExportLinks filters={{ actor: a.id }} formats={["csv", "plover-jsonl"]} />
        </div>
      </div>
      <div class="columns">
        <div class="card">
          <h2>Names in the texts</h2>
          {d.names.length ? (
            <ul class="chips">
              {d.names.map((n) => (
                <li key={n.text} class="chip">
                  {n.text} <span class="muted">×{n.count}</span>
                </li>
              ))}
            </ul>
          ) : (
            <Empty>No mentions in current documents.</Empty>
          )}
          <h2>Identity over time</h2>
          {d.identities.length ? (
            <table class="table">
              <thead>
                <tr>
                  <th>Country</th>
                  <th>Sector</th>
                  <th>Affiliation</th>
                  <th>From</th>
                  <th>To</th>
                  <th class="num">Mentions</th>
                </tr>
              </thead>
              <tbody>
                {d.identities.map((i) => (
                  <tr key={`${i.country}|${i.sector}|${i.affiliation?.id}|${i.first}`}>
                    <td>{i.country ?? "—"}</td>
                    <td>{i.sector ?? "—"}</td>
                    <td>
                      {i.affiliation ? (
                        <a href={href(["actors", i.affiliation.id])}>{i.affiliation.name}</a>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td class="nowrap">{i.first ?? "undated"}</td>
                    <td class="nowrap">{i.last ?? "undated"}</td>
                    <td class="num">{fmt(i.mentions)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <Empty>No identity recorded.</Empty>
          )}
          <h2>Events by type</h2>
          <TypeCounts asActor={d.asActor} asRecipient={d.asRecipient} />
        </div>
        <div class="card">
          <h2>Counterparts</h2>
          {d.counterparts.length ? (
            <table class="table">
              <thead>
                <tr>
                  <th>Counterpart</th>
                  <th class="num" title={`${a.name} did something to them`}>
                    to them
                  </th>
                  <th class="num" title={`they did something to ${a.name}`}>
                    from them
                  </th>
                  <th class="num">Total</th>
                </tr>
              </thead>
              <tbody>
                {d.counterparts.map((c) => (
                  <tr key={c.key}>
                    <td>
                      <a href={href(["actors", c.key])}>{c.name}</a>{" "}
                      <a class="small" href={href(["timeline"], { dyad: `${a.id},${c.key}` })}>
                        events
                      </a>
                    </td>
                    <td class="num">{fmt(c.asRecipient)}</td>
                    <td class="num">{fmt(c.asActor)}</td>
                    <td class="num">{fmt(c.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <Empty>No counterparts: no event with this actor has another actor on the other side.</Empty>
          )}
          <h2>Dyad trends</h2>
          <Trends dossier={d} />
        </div>
      </div>
    </section>
  );
}
