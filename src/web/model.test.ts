import { describe, expect, it } from "vitest";
import type { ActorGraph, DyadSummary } from "./api";
import { monthTicks } from "./charts";
import { autoMin, groupTrends, prune } from "./model";
import { monthStart } from "./route";

const dyad = (a: string, r: string, events: number): DyadSummary => ({
  actor: { key: a, name: a.toLowerCase() },
  recipient: { key: r, name: r.toLowerCase() },
  events,
  types: {},
  quads: {},
  score: 0,
  months: [],
});

describe("groupTrends", () => {
  it("pairs both directions under the counterpart, busiest first", () => {
    const { self, groups } = groupTrends(
      [dyad("RUS", "TALIBAN", 5), dyad("TALIBAN", "RUS", 2), dyad("USA", "RUS", 1), dyad("RUS", "TJK", 6)],
      ["VLADIMIR_PUTIN", "RUS"],
    );
    expect(self).toBe("RUS");
    expect(groups.map((g) => [g.key, g.events, !!g.out, !!g.back])).toEqual([
      ["TALIBAN", 7, true, true],
      ["TJK", 6, true, false],
      ["USA", 1, false, true],
    ]);
  });

  it("finds the dossier's side when it is only ever the recipient", () => {
    const { self, groups } = groupTrends([dyad("USA", "ISIS", 3)], ["ISIS", null]);
    expect(self).toBe("ISIS");
    expect(groups[0].key).toBe("USA");
    expect(groups[0].back?.events).toBe(3);
  });
});

describe("the network's threshold", () => {
  const data: ActorGraph = {
    nodes: [
      { id: "A", name: "A", kind: "state", country: null, events: 10 },
      { id: "B", name: "B", kind: "state", country: null, events: 3 },
      { id: "C", name: "C", kind: "state", country: null, events: 1 },
    ],
    edges: [
      { source: "A", target: "B", events: 3, score: 1, types: {}, first: null, last: null },
      { source: "A", target: "C", events: 1, score: -1, types: {}, first: null, last: null },
    ],
  };

  it("keeps actors with enough events and the pairs between them", () => {
    expect(prune(data, 1)).toBe(data);
    const p = prune(data, 2);
    expect(p.nodes.map((n) => n.id)).toEqual(["A", "B"]);
    expect(p.edges).toHaveLength(1);
  });

  it("starts at the lowest threshold that keeps the graph readable", () => {
    expect(autoMin(data, 150)).toBe(1);
    expect(autoMin(data, 2)).toBe(2);
    expect(autoMin(data, 1)).toBe(5);
  });
});

describe("monthTicks", () => {
  const span = (a: string, b: string): [Date, Date] => [monthStart(a), monthStart(b)];

  it("labels months over short spans, with the year where it changes", () => {
    const t = monthTicks(span("2017-11", "2018-03"), 10);
    expect(t.map((x) => x.label)).toEqual(["Nov 2017", "Dec", "Jan 2018", "Feb"]);
  });

  it("thins months and switches to years over long spans", () => {
    expect(monthTicks(span("2017-01", "2019-01"), 5).map((x) => x.label)).toEqual([
      "Jan 2017",
      "Jul",
      "Jan 2018",
      "Jul",
    ]);
    const years = monthTicks(span("1989-01", "2022-01"), 8).map((x) => x.label);
    expect(years[0]).toBe("1990");
    expect(years.length).toBeLessThanOrEqual(9);
    expect(years.every((y) => /^\d{4}$/.test(y))).toBe(true);
  });
});
