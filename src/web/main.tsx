/** The Dyad analyst UI: a hash-routed Preact app over the read-only JSON API (docs/API.md). */
import { render } from "preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import type { Meta } from "./api";
import { FALLBACK_META, FALLBACK_TYPES } from "./colors";
import { ActorPage, ActorsPage } from "./pages/actors";
import { DocumentPage, DocumentsPage, EventRedirect } from "./pages/document";
import { MapPage } from "./pages/map";
import { NetworkPage } from "./pages/network";
import { OverviewPage } from "./pages/overview";
import { SearchPage } from "./pages/search";
import { TimelinePage } from "./pages/timeline";
import { href, parseHash, type Route } from "./route";
import { ErrorBanner, MetaContext, useApi } from "./ui";

const NAV: { label: string; part: string }[] = [
  { label: "Overview", part: "" },
  { label: "Timeline", part: "timeline" },
  { label: "Network", part: "network" },
  { label: "Map", part: "map" },
  { label: "Actors", part: "actors" },
  { label: "Documents", part: "documents" },
  { label: "Search", part: "search" },
];

function useRoute(): Route {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    window.addEventListener("hashchange", on);
    return () => window.removeEventListener("hashchange", on);
  }, []);
  return useMemo(() => parseHash(hash), [hash]);
}

/** Meta from the server, with colours filled in for types the server gives none for. */
function completeMeta(m: Meta | null): Meta {
  if (!m) return FALLBACK_META;
  const types = (m.types?.length ? m.types : FALLBACK_TYPES).map((t) => ({
    ...t,
    color: t.color || FALLBACK_TYPES.find((f) => f.name === t.name)?.color || "#888",
  }));
  return {
    types,
    modalities: m.modalities?.length ? m.modalities : FALLBACK_META.modalities,
    contexts: m.contexts ?? [],
    kinds: m.kinds?.length ? m.kinds : FALLBACK_META.kinds,
  };
}

function Page({ route }: { route: Route }) {
  const [first, second] = route.parts;
  const p = route.params;
  switch (first ?? "") {
    case "":
      return <OverviewPage />;
    case "timeline":
      return <TimelinePage params={p} />;
    case "network":
      return <NetworkPage params={p} />;
    case "map":
      return <MapPage params={p} />;
    case "actors":
      return second ? <ActorPage id={second} /> : <ActorsPage params={p} />;
    case "documents":
      return second ? <DocumentPage id={second} params={p} /> : <DocumentsPage params={p} />;
    case "events":
      return second ? <EventRedirect id={second} /> : <TimelinePage params={p} />;
    case "search":
      return <SearchPage params={p} />;
    default:
      return (
        <section class="page">
          <h1>Not found</h1>
          <p>
            There is no page “{route.parts.join("/")}”. Go to the <a href="#/">overview</a>.
          </p>
        </section>
      );
  }
}

function App() {
  const route = useRoute();
  const meta = useApi<Meta>("/api/meta");
  const value = useMemo(() => completeMeta(meta.data), [meta.data]);
  const current = route.parts[0] ?? "";
  const section = current === "events" ? "timeline" : current;
  useEffect(() => {
    const label = NAV.find((n) => n.part === section)?.label ?? "Dyad";
    document.title = section ? `${label} · Dyad` : "Dyad — political event data";
    // A new page starts at the top, except the document view, which scrolls to its sentence.
    if (current !== "documents" || !route.parts[1]) window.scrollTo(0, 0);
  }, [section, current, route.parts[1]]);
  return (
    <MetaContext.Provider value={value}>
      <header class="topbar">
        <a class="brand" href="#/">
          <span class="brand-mark" aria-hidden="true">
            ⇄
          </span>{" "}
          Dyad
        </a>
        <nav aria-label="pages">
          {NAV.map((n) => (
            <a
              key={n.part}
              href={href(n.part ? [n.part] : [])}
              class={section === n.part ? "active" : undefined}
            >
              {n.label}
            </a>
          ))}
        </nav>
      </header>
      <main id="main">
        {meta.error && <ErrorBanner error={meta.error} what="the event types" />}
        <Page route={route} />
      </main>
    </MetaContext.Provider>
  );
}

// The server answers any page path with this app: `/actors/RUS` becomes `/#/actors/RUS`.
if (location.pathname !== "/" && !location.hash) {
  history.replaceState(null, "", `/#${location.pathname}${location.search}`);
}

const root = document.getElementById("app");
if (root) {
  root.textContent = "";
  render(<App />, root);
}
