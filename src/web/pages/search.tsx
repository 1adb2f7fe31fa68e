/** Search: full text over the sentences of current documents; each hit opens its document at the sentence. */
import { useEffect, useState } from "preact/hooks";
import type { SearchHit } from "../api";
import { href } from "../route";
import { markTerms } from "../spans";
import { Async, Empty, ExportLinks, ModalityBadge, navigate, TypeBadge, useApi } from "../ui";

function Marked({ text, query }: { text: string; query: string }) {
  return (
    <>{markTerms(text, query).map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : part.text))}</>
  );
}

export function SearchPage({ params }: { params: URLSearchParams }) {
  const q = (params.get("q") ?? "").trim();
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  const hits = useApi<SearchHit[]>(q ? `/api/search?q=${encodeURIComponent(q)}&limit=50` : null);
  return (
    <section class="page search">
      <form
        class="searchbar"
        aria-label="search sentences"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(href(["search"], { q: draft.trim() }));
        }}
      >
        <label for="search-q" class="visually-hidden">
          Search sentences
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          placeholder='Search every sentence: Taliban, "peace talks", sanction*'
          value={draft}
          onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
        />
        <button type="submit" class="primary">
          Search
        </button>
      </form>
      {!q ? (
        <Empty>
          Type words to find the sentences that contain them, across all documents. Quote a phrase for exact
          matches; events found in a sentence are listed under it.
        </Empty>
      ) : (
        <div class="card">
          <Async state={hits} what="the search results">
            {(list) =>
              list.length === 0 ? (
                <Empty>No sentence contains “{q}”. Try fewer or other words, or check the spelling.</Empty>
              ) : (
                <div>
                  <div class="card-head">
                    <h2>
                      {list.length}
                      {list.length === 50 ? "+" : ""} sentence{list.length === 1 ? "" : "s"}
                    </h2>
                    <ExportLinks
                      filters={{ text: q }}
                      formats={["csv", "plover-jsonl"]}
                      label="Events in them"
                    />
                  </div>
                  <ol class="hits">
                    {list.map((h) => {
                      const target =
                        h.events.length === 1
                          ? href(["documents", h.document.id], { event: h.events[0].id })
                          : href(["documents", h.document.id], { sentence: h.sentence.index });
                      return (
                        <li key={h.sentence.id} class="hit">
                          <a class="hit-text" href={target}>
                            <Marked text={h.sentence.text} query={q} />
                          </a>
                          <div class="muted small">
                            <a href={href(["documents", h.document.id], { sentence: h.sentence.index })}>
                              {h.document.title || h.document.docId}
                            </a>
                            {h.document.published ? ` · ${h.document.published}` : ""}
                          </div>
                          {h.events.length > 0 && (
                            <ul class="hit-events">
                              {h.events.map((e) => (
                                <li key={e.id}>
                                  <a href={href(["documents", h.document.id], { event: e.id })}>
                                    {e.actor} → <TypeBadge type={e.event} /> → {e.recipient ?? "—"}
                                  </a>
                                  {e.modality !== "asserted" && <ModalityBadge modality={e.modality} />}
                                </li>
                              ))}
                            </ul>
                          )}
                        </li>
                      );
                    })}
                  </ol>
                </div>
              )
            }
          </Async>
        </div>
      )}
    </section>
  );
}
