/** The standard extraction pipeline: reader output in, records out. */
import { loadActorDictionary } from "../actors/dictionary.js";
import { actorsStage } from "../actors/stage.js";
import { loadContextCues } from "../events/contexts.js";
import { loadPatterns } from "../events/patterns.js";
import { eventsStage } from "../events/stage.js";
import { cleanStage, languageStage, publishedStage } from "../ingest/index.js";
import { type Document, newDocument, type RawDocument } from "../model/document.js";
import { segmentStage } from "../nlp/segment.js";
import { dictionariesDir } from "./data-file.js";
import { Pipeline, type Stage } from "./stage.js";

export interface PipelineOptions {
  /** Folder with actors/, patterns/, places/ (default: the bundled dictionaries). */
  dictionaries?: string;
  /** Publication date for documents that neither metadata nor a dateline dates (`--date`). */
  fallbackDate?: string | null;
}

/** `--date`: used only where the document itself gives no publication date. */
function fallbackDateStage(date: string): Stage {
  return {
    name: "fallback-date",
    version: "1.0.0",
    requires: ["published"],
    assigns: ["published"],
    run(doc) {
      if (!doc.published) {
        doc.published = date;
        doc.publishedSource = "cli";
      }
    },
  };
}

export function createPipeline(opts: PipelineOptions = {}): Pipeline {
  const dict = loadActorDictionary(opts.dictionaries ?? dictionariesDir());
  const stages: Stage[] = [cleanStage, languageStage, publishedStage];
  if (opts.fallbackDate) stages.push(fallbackDateStage(opts.fallbackDate));
  const dir = opts.dictionaries ?? dictionariesDir();
  const patterns = loadPatterns(dir);
  const contexts = loadContextCues(dir);
  stages.push(segmentStage, actorsStage(dict), eventsStage(dict, patterns, contexts));
  return new Pipeline(stages, { ...dict.versions, ...patterns.versions, "dict:contexts": contexts.version });
}

export function processDocument(pipeline: Pipeline, raw: RawDocument): Document {
  return pipeline.run(newDocument(raw));
}
