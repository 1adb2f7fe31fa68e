/** Ingest: readers, encoding, cleaning, language and publication date. */
export { boilerplate } from "./boilerplate.js";
export { type CleanResult, cleanStage, cleanText } from "./clean.js";
export { normaliseDate } from "./dates.js";
export { type Decoded, decodeBytes } from "./encoding.js";
export { htmlToRawDocument } from "./html.js";
export { parseJsonlRecord } from "./jsonl.js";
export { detectLanguages, languageStage, paragraphLanguage } from "./language.js";
export { findDateline, publishedStage } from "./published.js";
export {
  DEFAULT_MAX_BYTES,
  isReadFailure,
  type ReadFailure,
  type ReadOptions,
  type ReadResult,
} from "./read-types.js";
export { bytesToDocument, readInputs, textDocument } from "./readers.js";
