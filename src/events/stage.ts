/** The events stage: PLOVER records from the document's sentences and actor mentions. */
import type { ActorDictionary } from "../actors/dictionary.js";
import type { Stage } from "../pipeline/stage.js";
import { codeDocument } from "./coder.js";
import type { ContextCues } from "./contexts.js";
import type { PatternSet } from "./patterns.js";

export function eventsStage(dict: ActorDictionary, patterns: PatternSet, contexts: ContextCues): Stage {
  return {
    name: "events",
    version: "1.1.0",
    requires: ["sentences", "tokens", "mentions", "published"],
    assigns: ["events"],
    run(doc) {
      doc.events = codeDocument({ dict, patterns, contexts }, doc);
    },
  };
}
