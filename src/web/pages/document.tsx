/**
 * The document view: the cleaned text with actor mentions and event triggers
 * marked from the API's offsets (text nodes only — article text is never
 * parsed as HTML), the document's events beside it, and `?event=ID` or
 * `?sentence=N` scrolling to the evidence sentence and marking it.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useMemo } from "preact/hooks";
import { actorId, actorName, type DocumentList, type DocumentView, type EventDetail } from "../api";
import { kindColor } from "../colors";
import { href } from "../route";
import { type Block, cutText, type MentionSpan, type Piece } from "../spans";
import {
  Async,
  Empty,
  ErrorBanner,
  ExportLinks,
  Loading,
  ModalityBadge,
  navigate,
  Pager,
  Swatch,
  TypeBadge,
  useApi,
} from "../ui";
import { DocumentTable } from "./overview";

/** Only http(s) links leave the app: a stored URL like `javascript:…` is shown as text. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

function pieceClass(p: Piece, selected: number | null): string {
  const c: string[] = [];
  if (p.triggerOf.length) c.push("trigger");
  if (selected !== null && p.triggerOf.some((e) => e.id === selected)) c.push("trigger-selected");
  if (selected !== null && p.actorOf.includes(selected)) c.push("role-actor");
  if (selected !== null && p.recipientOf.includes(selected)) c.push("role-recipient");
  return c.join(" ");
}

function PieceText({ p, selected }: { p: Piece; selected: number | null }) {
  const cls = pieceClass(p, selected);
  if (!cls) return <>{p.text}</>;
  const title = p.triggerOf.length
    ? p.triggerOf.map((e) => `${e.event} (event ${e.id})`).join(", ")
    : undefined;
  return (
    <span class={cls} title={title} data-event={p.triggerOf[0]?.id}>
      {p.text}
    </span>
  );
}

function Mention({ m, children }: { m: MentionSpan; children: ComponentChildren }) {
  return (
    <a
      class={`mention kind-${m.kind}`}
      href={href(["actors", m.actor])}
      title={`${m.name} (${m.kind}) — open the dossier`}
      style={{ borderBottomColor: kindColor(m.kind) }}
    >
      {children}
    </a>
  );
}

/** Runs of pieces under the same mention become one link. */
function Pieces({ pieces, selected }: { pieces: Piece[]; selected: number | null }) {
  const out: ComponentChildren[] = [];
  let i = 0;
  while (i < pieces.length) {
    const m = pieces[i].mention;
    if (!m) {
      out.push(<PieceText key={pieces[i].start} p={pieces[i]} selected={selected} />);
      i++;
      continue;
    }
    const run: Piece[] = [];
    while (i < pieces.length && pieces[i].mention === m) run.push(pieces[i++]);
    out.push(
      <Mention key={run[0].start} m={m}>
        {run.map((p) => (
          <PieceText key={p.start} p={p} selected={selected} />
        ))}
      </Mention>,
    );
  }
  return <>{out}</>;
}

function DocText({
  blocks,
  marked,
  selected,
}: {
  blocks: Block[];
  marked: number | null;
  selected: number | null;
}) {
  return (
    <div class="doc-text" lang="en">
      {blocks.map((b) =>
        b.sentence === null ? (
          <Pieces key={`g${b.pieces[0].start}`} pieces={b.pieces} selected={selected} />
        ) : (
          <span
            key={`s${b.pieces[0].start}`}
            id={`s${b.sentence}`}
            data-sentence={b.sentence}
            class={b.sentence === marked ? "sentence marked" : "sentence"}
          >
            <Pieces pieces={b.pieces} selected={selected} />
          </span>
        ),
      )}
    </div>
  );
}

function EventRecordCard({ id }: { id: number }) {
  const detail = useApi<EventDetail>(`/api/events/${id}`);
  if (detail.error) return <ErrorBanner error={detail.error} what={`event ${id}`} />;
  if (!detail.data) return <Loading what="the record" />;
  const d = detail.data;
  const r = d.record;
  return (
    <dl class="record">
      <dt>date</dt>
      <dd>
        {r.date ?? "none in the text"}
        {r.date_precision ? ` (${r.date_precision})` : ""}
      </dd>
      {r.location && (
        <>
          <dt>place</dt>
          <dd>
            {r.location.name}
            {r.location.country ? ` (${r.location.country})` : ""}
          </dd>
        </>
      )}
      {r.mode && (
        <>
          <dt>mode</dt>
          <dd>{r.mode}</dd>
        </>
      )}
      {r.context.length > 0 && (
        <>
          <dt>context</dt>
          <dd>{r.context.join(", ")}</dd>
        </>
      )}
      {r.reported_by && (
        <>
          <dt>reported by</dt>
          <dd>{r.reported_by.name}</dd>
        </>
      )}
      {r.quantities.length > 0 && (
        <>
          <dt>quantities</dt>
          <dd>{r.quantities.map((q) => q.text).join("; ")}</dd>
        </>
      )}
      <dt>pattern</dt>
      <dd>
        <code>{r.pattern}</code>
      </dd>
      <dt>story</dt>
      <dd>
        {d.story.events} report{d.story.events === 1 ? "" : "s"} in {d.story.documents} document
        {d.story.documents === 1 ? "" : "s"}
        {d.story.others.length > 0 && (
          <ul class="story-others">
            {d.story.others.slice(0, 8).map((o) => (
              <li key={o.id}>
                <a href={href(["events", o.id])}>{o.title || o.docId}</a>
                {o.date ? <span class="muted"> · {o.date}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}

const LEGEND_KINDS = ["state", "organization", "igo", "armed_group", "person", "unknown"];

export function DocumentPage({ id, params }: { id: string; params: URLSearchParams }) {
  const doc = useApi<DocumentView>(/^\d+$/.test(id) ? `/api/documents/${id}` : null);
  const eventParam = params.get("event");
  const sentenceParam = params.get("sentence");
  const selected = eventParam && /^\d+$/.test(eventParam) ? Number(eventParam) : null;
  const data = doc.data;
  const blocks = useMemo(
    () =>
      data
        ? cutText(
            data.text,
            data.sentences,
            data.mentions,
            data.events.map((e) => ({
              id: e.id,
              event: e.event,
              trigger: e.trigger,
              actorSpan: e.actorSpan,
              recipientSpan: e.recipientSpan,
            })),
          )
        : [],
    [data],
  );
  const selectedEvent = data?.events.find((e) => e.id === selected) ?? null;
  const marked =
    selectedEvent?.sentence ?? (sentenceParam && /^\d+$/.test(sentenceParam) ? Number(sentenceParam) : null);
  useEffect(() => {
    if (!data) return;
    if (marked === null) {
      window.scrollTo(0, 0);
      return;
    }
    const el = document.getElementById(`s${marked}`);
    el?.scrollIntoView({ block: "center" });
  }, [data, marked]);
  useEffect(() => {
    if (selected !== null) document.getElementById(`ev${selected}`)?.scrollIntoView({ block: "nearest" });
  }, [data, selected]);
  if (!/^\d+$/.test(id)) return <ErrorBanner error={`"${id}" is not a document id`} />;
  if (doc.error) return <ErrorBanner error={doc.error} what={`document ${id}`} />;
  if (!data) return <Loading what="the document" />;
  const d = data.document;
  const url = safeUrl(d.url);
  const missing = selected !== null && !selectedEvent;
  return (
    <section class="page document">
      <div class="doc-head">
        <h1>{d.title || d.docId}</h1>
        <p class="muted small">
          {d.published ? `published ${d.published}` : "no publication date"} · {d.source}
          {url ? (
            <>
              {" · "}
              <a href={url} rel="noopener noreferrer" target="_blank">
                original
              </a>
            </>
          ) : d.url ? (
            ` · ${d.url}`
          ) : null}
          {d.version > 1 ? ` · version ${d.version}` : ""}
          {d.current === false ? " · replaced by a newer version" : ""}
        </p>
      </div>
      {missing && <ErrorBanner error={`event ${selected} is not in this document`} />}
      <div class="doc-layout">
        <article class="card doc-body">
          <ul class="legend small" aria-label="highlights">
            {LEGEND_KINDS.map((k) => (
              <li key={k}>
                <Swatch color={kindColor(k)} shape="line" /> {k.replace("_", " ")}
              </li>
            ))}
            <li>
              <span class="trigger legend-sample">trigger</span>
            </li>
            <li>
              <span class="sentence marked legend-sample">evidence sentence</span>
            </li>
          </ul>
          {data.text ? (
            <DocText blocks={blocks} marked={marked} selected={selected} />
          ) : (
            <Empty>This document has no text.</Empty>
          )}
        </article>
        <aside class="card doc-events">
          <div class="card-head">
            <h2>
              {data.events.length} event{data.events.length === 1 ? "" : "s"}
            </h2>
            {data.events.length > 0 && (
              <ExportLinks filters={{ document: String(d.id) }} formats={["csv", "plover-jsonl"]} />
            )}
          </div>
          {data.events.length === 0 ? (
            <Empty>No events were coded in this document.</Empty>
          ) : (
            <ul class="doc-event-list">
              {data.events.map((e) => {
                const a = actorId(e.actor);
                const r = actorId(e.recipient);
                return (
                  <li key={e.id} id={`ev${e.id}`} class={e.id === selected ? "selected" : undefined}>
                    <a
                      class="event-link"
                      href={href(["documents", d.id], { event: e.id })}
                      onClick={(ev) => {
                        ev.preventDefault();
                        navigate(href(["documents", d.id], { event: e.id }));
                      }}
                    >
                      <span>
                        {actorName(e.actor)} <span class="arrow">→</span> <TypeBadge type={e.event} />{" "}
                        <span class="arrow">→</span> {actorName(e.recipient)}
                      </span>
                      {e.modality !== "asserted" && <ModalityBadge modality={e.modality} />}
                      <span class="muted small"> sentence {e.sentence + 1}</span>
                    </a>
                    {e.id === selected && (
                      <div class="event-detail">
                        <p class="small">
                          {a && <a href={href(["actors", a])}>{actorName(e.actor)}</a>}
                          {a && r && " · "}
                          {r && <a href={href(["actors", r])}>{actorName(e.recipient)}</a>}
                        </p>
                        <EventRecordCard id={e.id} />
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </aside>
      </div>
    </section>
  );
}

export function DocumentsPage({ params }: { params: URLSearchParams }) {
  const offset = Math.max(0, Number(params.get("offset")) || 0);
  const limit = 50;
  const docs = useApi<DocumentList>(`/api/documents?limit=${limit}&offset=${offset}`);
  return (
    <section class="page">
      <div class="page-head">
        <h1>Documents{docs.data ? ` (${docs.data.total})` : ""}</h1>
      </div>
      <div class="card">
        <Async state={docs} what="the documents">
          {(d) =>
            d.items.length ? (
              <>
                <DocumentTable items={d.items} />
                <Pager
                  total={d.total}
                  offset={offset}
                  limit={limit}
                  onPage={(o) => navigate(href(["documents"], { offset: o }))}
                />
              </>
            ) : (
              <Empty>
                No documents yet — run <code>dyad ingest PATH</code> with a folder of articles, then reload.
              </Empty>
            )
          }
        </Async>
      </div>
    </section>
  );
}

/** `#/events/ID`: the event's document, scrolled to its sentence. */
export function EventRedirect({ id }: { id: string }) {
  const detail = useApi<EventDetail>(/^\d+$/.test(id) ? `/api/events/${id}` : null);
  useEffect(() => {
    if (detail.data)
      location.replace(href(["documents", detail.data.document.id], { event: detail.data.id }));
  }, [detail.data]);
  if (!/^\d+$/.test(id)) return <ErrorBanner error={`"${id}" is not an event id`} />;
  if (detail.error) return <ErrorBanner error={detail.error} what={`event ${id}`} />;
  return <Loading what={`event ${id}`} />;
}
