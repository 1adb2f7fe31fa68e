import { describe, expect, it } from "vitest";
import { newDocument } from "../model/document.js";
import { Pipeline, PipelineError, type Stage } from "./stage.js";

const stage = (name: string, requires: Stage["requires"], assigns: Stage["assigns"]): Stage => ({
  name,
  version: "1",
  requires,
  assigns,
  run(doc) {
    doc.warnings.push(name);
  },
});

describe("Pipeline", () => {
  it("refuses a stage whose requirement no earlier stage assigns", () => {
    expect(
      () => new Pipeline([stage("tok", ["text"], ["tokens"]), stage("clean", ["rawText"], ["text"])]),
    ).toThrow(/stage "tok" requires text/);
  });

  it("refuses the same stage twice", () => {
    expect(() => new Pipeline([stage("a", [], ["text"]), stage("a", [], ["text"])])).toThrow(PipelineError);
  });

  it("runs stages in order and stamps their versions", () => {
    const p = new Pipeline([stage("clean", ["rawText"], ["text"]), stage("tok", ["text"], ["tokens"])], {
      "dict:actors": "2026.1",
    });
    const doc = p.run(
      newDocument({
        id: "x",
        source: "x",
        rawText: "a",
        title: null,
        published: null,
        publishedSource: null,
        format: "text",
      }),
    );
    expect(doc.warnings).toEqual(["clean", "tok"]);
    expect(doc.versions).toEqual({ clean: "1", tok: "1", "dict:actors": "2026.1" });
  });
});
