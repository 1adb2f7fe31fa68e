/**
 * Every pattern's examples run through the whole pipeline: the sentence must
 * yield an event of the pattern's type with the example's actor and recipient
 * (and modality, where the example gives one). The share that passes is
 * printed and held above a floor in test/floors.json.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ActorRef } from "../model/actor.js";
import { createPipeline, processDocument } from "../pipeline/default.js";
import { loadPatterns } from "./patterns.js";

const floors = JSON.parse(readFileSync(new URL("../../test/floors.json", import.meta.url), "utf8"));

/** The example's notation: ISO3 for states (and their organs), the canonical name otherwise. */
function keyOf(ref: ActorRef | null): string | null {
  if (!ref) return null;
  if ((ref.kind === "state" || ref.kind === "person") && ref.country && !ref.affiliation) return ref.country;
  return ref.name;
}

/** An example names the actor as ISO3 or by name; an organisation's body may stand for it ("UN Security Council" for "UN"). */
function fits(ref: ActorRef | null, wanted: string | null): boolean {
  if (wanted === null) return true;
  if (!ref) return false;
  return (
    keyOf(ref) === wanted || ref.affiliation?.name === wanted || ref.name === wanted || ref.country === wanted
  );
}

describe("pattern examples", () => {
  const pipeline = createPipeline();
  const patterns = loadPatterns();

  it("code as their pattern says", () => {
    let total = 0;
    const failures: string[] = [];
    for (const p of patterns.patterns) {
      for (const ex of p.examples) {
        total++;
        const doc = processDocument(pipeline, {
          id: p.id,
          source: p.id,
          rawText: ex.text,
          title: null,
          published: "2021-07-10",
          publishedSource: "jsonl",
          format: "jsonl",
        });
        const ok = doc.events.some(
          (e) =>
            e.event === p.event &&
            fits(e.actor, ex.actor) &&
            fits(e.recipient, ex.recipient) &&
            (!ex.modality || e.modality === ex.modality),
        );
        if (!ok) {
          const got = doc.events
            .map((e) => `${keyOf(e.actor)} ${e.event} ${keyOf(e.recipient)} ${e.modality}`)
            .join("; ");
          failures.push(
            `${p.id}: "${ex.text}" wanted ${ex.actor} ${p.event} ${ex.recipient}; got ${got || "nothing"}`,
          );
        }
      }
    }
    const share = (total - failures.length) / total;
    console.log(`pattern examples: ${total - failures.length}/${total} = ${share.toFixed(3)}`);
    if (process.env.DYAD_VERBOSE) console.log(failures.join("\n"));
    expect(share).toBeGreaterThanOrEqual(floors.patternExamples);
  });
});
