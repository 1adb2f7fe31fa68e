/**
 * The store: documents, sentences, actors, mentions, events and stories in
 * SQLite or PostgreSQL behind one Kysely query layer. The CLI (and a future
 * HTTP server) are thin faces over these functions, which return plain objects.
 */
export { type DatabaseTarget, DEFAULT_DB_PATH, resolveTarget } from "./config.js";
export { openStore, type Store } from "./connection.js";
export { isDatabaseError, SchemaTooNewError, StoreError, toStoreError } from "./errors.js";
export { type DocumentReport, type IngestOptions, ingestDocuments } from "./ingest.js";
export { MIGRATIONS, SCHEMA_VERSION } from "./migrations.js";
export { loadPloverTypes, type PloverTypes } from "./plover-types.js";
export { type ActorDossier, type ActorSummary, actorDossier, listActors } from "./query/actors.js";
export { QueryError } from "./query/common.js";
export {
  type DocumentList,
  type DocumentView,
  documentView,
  listDocuments,
} from "./query/documents.js";
export { type DyadSummary, dyads } from "./query/dyads.js";
export {
  countEvents,
  type EventFilter,
  type EventSummary,
  type FindEventsOptions,
  filteredEvents,
  findEvents,
} from "./query/events.js";
export { type ActorGraph, actorGraph } from "./query/graph.js";
export { type Histogram, histogram } from "./query/histogram.js";
export { type MapItem, mapEvents } from "./query/map.js";
export {
  type DocumentInfo,
  documentInfo,
  documentOutput,
  type EventDetail,
  eventDetail,
  type Stats,
  stats,
} from "./query/records.js";
export { type SearchHit, searchSentences } from "./query/search.js";
export { type ReprocessReport, type ReprocessTotals, reprocessDocuments } from "./reprocess.js";
export { emptyFigures, type RunFigures, type RunInfo, saveRun, startRun } from "./runs.js";
export { STORY_WINDOW_DAYS } from "./stories.js";
