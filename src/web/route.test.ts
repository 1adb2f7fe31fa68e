import { describe, expect, it } from "vitest";
import { addMonths, apiQuery, filtersFrom, href, isPartialDate, monthRange, parseHash } from "./route";

describe("hash routes", () => {
  it("parses path segments and parameters", () => {
    const r = parseHash("#/documents/12?event=34");
    expect(r.parts).toEqual(["documents", "12"]);
    expect(r.params.get("event")).toBe("34");
    expect(parseHash("").parts).toEqual([]);
    expect(parseHash("#/actors/role%3Aleaders").parts).toEqual(["actors", "role:leaders"]);
  });

  it("builds links that parse back, without empty parameters", () => {
    const link = href(["actors", "role:leaders"], { q: "", kind: "state" });
    expect(link).toBe("#/actors/role%3Aleaders?kind=state");
    expect(parseHash(link).parts).toEqual(["actors", "role:leaders"]);
    expect(href([])).toBe("#/");
  });

  it("turns the URL's filters into API parameters", () => {
    const f = filtersFrom(new URLSearchParams("actor=RUS&type=ASSAULT&type=COERCE&offset=50&since="));
    expect(f).toEqual({ actor: "RUS", type: "ASSAULT,COERCE" });
    expect(apiQuery(f, { limit: 50 })).toBe("?actor=RUS&type=ASSAULT%2CCOERCE&limit=50");
    expect(apiQuery({})).toBe("");
  });
});

describe("dates", () => {
  it("accepts the API's partial dates only", () => {
    for (const ok of ["2021", "2021-07", "2021-07-12"]) expect(isPartialDate(ok)).toBe(true);
    for (const bad of ["21", "2021-13", "2021-7", "2021-07-32", "July 2021", "2021-07-12T00:00"])
      expect(isPartialDate(bad)).toBe(false);
  });

  it("steps and ranges months across years", () => {
    expect(addMonths("2021-12", 1)).toBe("2022-01");
    expect(addMonths("2021-01", -1)).toBe("2020-12");
    expect(monthRange("2021-11", "2022-02")).toEqual(["2021-11", "2021-12", "2022-01", "2022-02"]);
  });
});
