import { describe, expect, it } from "vitest";
import { DataFileError } from "../pipeline/data-file.js";
import { boilerplate, boilerplateData, compileBoilerplate } from "./boilerplate.js";
import { corpusNote, goldArticles, hasCorpus, squash } from "./fixtures/corpus.js";

describe("boilerplate.json", () => {
  it("has a version and compiles", () => {
    expect(boilerplate.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(boilerplate.rules.length).toBe(boilerplateData.rules.length);
  });

  describe.each(boilerplateData.rules.map((r, i) => [`${i} ${r.kind}/${r.match}`, r] as const))(
    "rule %s",
    (_, rule) => {
      const re = new RegExp(rule.pattern, "iu");
      const unless = rule.unless ? new RegExp(rule.unless, "iu") : null;
      const max = rule.maxLength ?? 200;
      it("matches its examples", () => {
        for (const ex of rule.examples) {
          expect(ex.length, ex).toBeLessThanOrEqual(max);
          expect(re.test(ex), ex).toBe(true);
        }
      });
      it("does not match its counter-examples", () => {
        for (const ex of rule.notExamples ?? []) {
          expect(re.test(ex) && ex.length <= max && !unless?.test(ex), ex).toBe(false);
        }
      });
    },
  );

  it("rejects bad data with the file and field named", () => {
    const bad = structuredClone(boilerplateData) as unknown as { rules: { pattern: string }[] };
    bad.rules[0].pattern = "(unclosed";
    expect(() => compileBoilerplate(bad, "bp.json")).toThrow(DataFileError);
    expect(() => compileBoilerplate(bad, "bp.json")).toThrow(
      /bp\.json: rules\.0\.pattern: not a valid regular expression/,
    );
    expect(() => compileBoilerplate({ ...boilerplateData, version: "one" }, "bp.json")).toThrow(/version/);
  });
});

describe.skipIf(!hasCorpus)(`rules against gold evidence${corpusNote}`, () => {
  it("no line rule matches an evidence sentence", () => {
    for (const article of goldArticles()) {
      for (const ev of article.events) {
        const text = squash(ev.evidence);
        const hit = boilerplate.lineRules.find((r) => text.length <= r.maxLength && r.re.test(text));
        expect(hit?.kind, text).toBeUndefined();
      }
    }
  });
});
