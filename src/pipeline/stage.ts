/**
 * The stage contract, like spaCy's components: a name, a version, the document
 * fields it requires and the ones it assigns. A pipeline is an ordered list of
 * stages whose requirements are checked once, when it is built.
 */
import type { Document, DocumentField } from "../model/document.js";

export interface Stage {
  readonly name: string;
  readonly version: string;
  readonly requires: readonly DocumentField[];
  readonly assigns: readonly DocumentField[];
  /** Fills the assigned fields of `doc` in place. */
  run(doc: Document): void;
}

/** Fields a document has as soon as a reader made it. */
export const READER_FIELDS: readonly DocumentField[] = ["rawText", "published"];

export class PipelineError extends Error {}

export class Pipeline {
  readonly stages: readonly Stage[];
  /** Stage and dictionary versions, stamped on every document and record. */
  readonly versions: Record<string, string>;

  constructor(stages: readonly Stage[], extraVersions: Record<string, string> = {}) {
    const available = new Set<DocumentField>(READER_FIELDS);
    const names = new Set<string>();
    for (const stage of stages) {
      if (names.has(stage.name))
        throw new PipelineError(`stage "${stage.name}" appears twice in the pipeline`);
      names.add(stage.name);
      const missing = stage.requires.filter((f) => !available.has(f));
      if (missing.length > 0) {
        throw new PipelineError(
          `stage "${stage.name}" requires ${missing.join(", ")}, which no earlier stage assigns`,
        );
      }
      for (const f of stage.assigns) available.add(f);
    }
    this.stages = stages;
    this.versions = { ...Object.fromEntries(stages.map((s) => [s.name, s.version])), ...extraVersions };
  }

  run(doc: Document): Document {
    for (const stage of this.stages) stage.run(doc);
    Object.assign(doc.versions, this.versions);
    return doc;
  }
}
