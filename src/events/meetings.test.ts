import { describe, expect, it } from "vitest";
import { code, triples } from "../../test/event-fixture.js";

describe("who takes part in a meeting", () => {
  it("gives a meeting its announcers, one record each, still to come", () => {
    const doc = code(
      "Egypt, Jordan and Iraq announced on Sunday that a new round of talks will open in Cairo next month.",
    );
    expect(triples(doc)).toEqual(["EGY CONSULT - future", "JOR CONSULT - future", "IRQ CONSULT - future"]);
    expect(doc.events.every((e) => e.pattern.endsWith("+announced"))).toBe(true);
    expect(triples(code("Brazil and Argentina announced talks on the trade dispute."))).toEqual([
      "BRA CONSULT - future",
      "ARG CONSULT - future",
    ]);
    // Said of talks already held: they happened; said at a meeting: the meeting is only where.
    expect(triples(code("Lavrov said talks with Japan had ended without a deal."))).toContain(
      "RUS CONSULT JPN asserted",
    );
    expect(
      triples(
        code(
          "The Kenyan minister confirmed to those gathered at the meeting in Nairobi that aid would flow.",
        ),
      ),
    ).not.toContain("KEN CONSULT - future");
  });

  it("keeps a meeting without a named partner only for an actor that can be placed", () => {
    expect(triples(code("Russia held talks on the crisis in Libya."))).toEqual(["RUS CONSULT - asserted"]);
    expect(triples(code("The council held a meeting on Tuesday."))).toEqual([]);
  });

  it("gives a refusal to join talks to whoever convened them", () => {
    const doc = code(
      "Kazakhstan hosted talks on Syria in Astana. The United States refused to take part in these talks.",
    );
    expect(triples(doc)).toContain("USA REJECT KAZ asserted");
    expect(doc.events.find((e) => e.event === "REJECT")?.pattern).toBe("REJECT.reject+earlier");
  });

  it("gives each participant of a meeting hosted by someone that host as partner", () => {
    expect(triples(code("India and Brazil attended the summit organised by Japan."))).toEqual([
      "IND CONSULT JPN asserted",
      "BRA CONSULT JPN asserted",
    ]);
  });

  it("takes those named 'with the participation of' as a meeting's partners, the meeting named once", () => {
    expect(triples(code("Kazakhstan hosted a summit with the participation of Iran and Turkey."))).toEqual([
      "KAZ CONSULT IRN asserted",
      "KAZ CONSULT TUR asserted",
    ]);
    expect(
      triples(
        code("Qatar hosted the second meeting of the Doha process with the participation of the Taliban."),
      ),
    ).toEqual(["QAT CONSULT AFG asserted"]);
  });

  it("gives a meeting or a fight set as a clause's scene to the clause's subject", () => {
    expect(triples(code("After talks with Modi, Biden said the partnership would grow."))).toContain(
      "USA CONSULT IND asserted",
    );
    expect(triples(code("During a meeting with Blinken, Wang Yi criticized the new tariffs."))).toContain(
      "CHN CONSULT USA asserted",
    );
    // An attack as the scene is not the subject's: "After the attack on the embassy, the US condemned Iran".
    expect(
      triples(code("After the attack on the embassy, the US condemned Iran.")).filter((x) =>
        x.includes("ASSAULT"),
      ),
    ).toEqual([]);
    // A scene with no side named says nothing of whom the subject met.
    expect(
      triples(code("During the talks, Libya demanded a meeting of the Security Council.")).filter((x) =>
        x.startsWith("LBY CONSULT"),
      ),
    ).toEqual([]);
  });

  it("reads 'an offensive on the part of X' as X's, even where the tagger took the noun for an adjective", () => {
    const doc = code("The pullout was followed by a powerful offensive on the part of Houthi fighters.");
    expect(doc.events.find((e) => e.event === "ASSAULT")?.actor.name).toBe("Houthis");
  });

  it("gives the subject after a scene 'the meeting of X' X as partner", () => {
    const doc = code(
      "During the meeting of the Arab League in Cairo, which took place last week, the Egyptian foreign minister called for calm.",
    );
    expect(triples(doc)).toContain("EGY CONSULT Arab League asserted");
  });

  it("announces no meeting that is judged, cancelled or only said to be held, and sees a date before 'that'", () => {
    expect(
      triples(
        code(
          "Armenia and Azerbaijan announced on Tuesday that peace negotiations would resume in Washington.",
        ),
      ),
    ).toEqual(["ARM CONSULT - future", "AZE CONSULT - future"]);
    expect(
      triples(code("Kenya and Somalia announced that talks on the maritime border had been cancelled.")),
    ).toEqual([]);
    expect(triples(code("Moscow said the meeting on Syria was useless."))).toEqual([]);
  });

  it("dates a meeting whose start is announced with 'will' as to come, not an act that merely has effects", () => {
    expect(
      triples(
        code("Qatar announced that talks between Sudan's army and the RSF will begin in Doha on Monday."),
      ),
    ).toEqual(["SDN CONSULT RSF future"]);
    expect(triples(code("Iran's support for the Houthis will have grave consequences."))[0]).toMatch(
      / asserted$/,
    );
  });

  it("takes those named 'with the participation of' as the sides of an agentless meeting", () => {
    expect(triples(code("The talks were held with the participation of Egypt, Qatar and Turkey."))).toEqual([
      "EGY CONSULT QAT asserted",
      "EGY CONSULT TUR asserted",
    ]);
  });

  it("gives a refusal to return to talks to their convenor", () => {
    const doc = code(
      "Turkey hosted talks between Russia and Ukraine in Istanbul. Ukraine refused to return to the talks.",
    );
    expect(triples(doc)).toContain("UKR REJECT TUR asserted");
  });

  it("gives announced joint drills to their announcers, as joint action to come", () => {
    expect(triples(code("Iran, Russia and China announced joint naval drills in the Gulf of Oman."))).toEqual(
      ["IRN COOPERATE RUS future", "IRN COOPERATE CHN future"],
    );
  });
});
