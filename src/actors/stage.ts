/** The actors stage: mentions in every English sentence, grouped into the document's actors. */
import type { ActorMention, ResolvedActor } from "../model/actor.js";
import type { Stage } from "../pipeline/stage.js";
import { resolveGroupAnaphora } from "./anaphora.js";
import { type ActorDictionary, loadActorDictionary } from "./dictionary.js";
import { findMentions } from "./mentions.js";

export function groupActors(mentions: ActorMention[]): ResolvedActor[] {
  const byId = new Map<string, ResolvedActor>();
  for (const m of mentions) {
    let actor = byId.get(m.id);
    if (!actor) {
      actor = {
        id: m.id,
        name: m.name,
        kind: m.kind,
        country: m.country,
        sector: m.sector,
        affiliation: m.affiliation ?? null,
        mentions: [],
      };
      byId.set(m.id, actor);
    }
    actor.mentions.push({ text: m.text, start: m.start, end: m.end, sentence: m.sentence });
  }
  return [...byId.values()];
}

export function actorsStage(dict: ActorDictionary = loadActorDictionary()): Stage {
  return {
    name: "actors",
    version: "1.1.0",
    requires: ["sentences", "tokens", "published"],
    assigns: ["mentions", "actors"],
    run(doc) {
      doc.mentions = resolveGroupAnaphora(doc, findMentions(dict, doc));
      doc.actors = groupActors(doc.mentions);
    },
  };
}
