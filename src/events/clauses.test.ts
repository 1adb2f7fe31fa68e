import { describe, expect, it } from "vitest";
import { code, triples } from "../../test/event-fixture.js";

describe("clause readings", () => {
  it("does not take the place a noun is set in ('the crisis in Libya') for a partner", () => {
    expect(triples(code("Russia held talks on the crisis in Libya."))).not.toContain(
      "RUS CONSULT LBY asserted",
    );
  });

  it("reads a second infinitive after 'and' as governed by the first one's verb", () => {
    // The urging is the event; opening an office and joining talks are what was asked for.
    const doc = code("Qatar urged the Houthis to release the prisoners and take part in peace talks.");
    expect(triples(doc)).toEqual(["QAT REQUEST YEM asserted"]);
    // An infinitive that is itself governed governs nothing: "a desire to break out ... and make concessions".
    expect(
      triples(code("Kabul speaks of a desire to break out of isolation and make concessions.")),
    ).toContain("AFG CONCEDE - asserted");
  });

  it("takes what talks are held for as no event of its own", () => {
    const doc = code("Turkey has been holding negotiations to resolve the dispute with Greece.");
    expect(doc.events.map((e) => e.event)).toEqual(["CONSULT"]);
  });

  it("gives an infinitive completing 'N of N' to that noun, not to the sentence subject", () => {
    const doc = code(
      "President Obama lifted all restrictions on the ability of individuals to visit relatives in Cuba.",
    );
    expect(doc.events.map((e) => e.event)).toEqual(["CONCEDE"]);
    // A purpose infinitive keeps the subject: "sent troops to the border to deter" is the sender's.
    expect(triples(code("Rahmon used the summit on Friday to demand aid from Russia."))).toContain(
      "TJK REQUEST RUS asserted",
    );
  });

  it("skips the object of a participle that modifies the subject ('the coalition fighting X has declared')", () => {
    const doc = code(
      "The Saudi-led coalition fighting Houthi rebels in Yemen has declared a two-week ceasefire.",
    );
    const ceasefire = doc.events.find((e) => e.event === "RETREAT");
    expect(ceasefire?.actor.name).toBe("Saudi-led coalition");
  });

  it("stops a subject search at a dash that opens a clause", () => {
    const doc = code(
      "With the participation of the main arbiter in the region - Russia - all players can discuss the plan.",
    );
    expect(doc.events.filter((e) => e.actor.country === "RUS")).toEqual([]);
  });

  it("takes the members a subject names with 'including' as the actors", () => {
    expect(triples(code("Ten countries, including the Baltic states, condemned Russia."))).toEqual([
      "EST ACCUSE RUS asserted",
      "LVA ACCUSE RUS asserted",
      "LTU ACCUSE RUS asserted",
    ]);
    // After a verb, "including" names objects: "struck cities, including Kyiv".
    expect(triples(code("Russia struck several cities, including Kyiv, on Monday.")).join(" ")).not.toMatch(
      /^UKR/,
    );
  });

  it("takes a participle between an article and its noun for an adjective, past a demonym or an adverb", () => {
    expect(
      code("A Sudanese armed group attacked a police post in Darfur.").events.map((e) => e.event),
    ).toEqual(["ASSAULT"]);
    expect(
      code("Police stopped a heavily armed convoy near Kabul.").events.map((e) => e.event),
    ).not.toContain("AID");
    // A country is no adjective: "the US armed rebels" is the arming.
    expect(code("The US armed rebels in Syria.").events.map((e) => e.event)).toContain("AID");
  });

  it("takes no partner from 'according to', which names the source", () => {
    const doc = code("Egypt has agreed to reopen the border crossing, according to Palestinian officials.");
    expect(triples(doc)).toEqual(["EGY AGREE - asserted"]);
  });

  it("reads 'a group banned in Russia' as the state's ban on the group named before it", () => {
    const doc = code("Hizb ut-Tahrir, a movement banned in Russia, held a rally in London.");
    const ban = doc.events.find((e) => e.event === "COERCE");
    expect(ban?.actor.country).toBe("RUS");
    expect(ban?.recipient?.name).toBe("Hizb ut-Tahrir");
    expect(ban?.pattern).toBe("COERCE.ban+where");
    expect(triples(code("The Taliban (banned in Russia) took part in the talks."))).toContain(
      "RUS COERCE AFG asserted",
    );
  });

  it("takes no partner for an act from a place a participle or a border names", () => {
    const doc = code(
      "A fierce offensive on the part of Boko Haram (a group banned in Nigeria) hit villages at the border with Cameroon.",
    );
    expect(triples(doc).filter((x) => x.includes("ASSAULT"))).toEqual(["NGA ASSAULT - asserted"]);
  });

  it("gives 'it' opening a subordinate clause to the state named before it in the sentence", () => {
    const doc = code("Much depends on Iran: if it agrees to new talks, sanctions could be eased.");
    expect(triples(doc)[0]).toBe("IRN AGREE - hypothetical");
    // The nearest name before a plural pronoun may be a role: "expelled ten ambassadors after they called".
    expect(
      triples(code("Turkey expelled ten ambassadors after they called for the release of an activist.")).some(
        (x) => x.startsWith("TUR REQUEST"),
      ),
    ).toBe(false);
  });

  it("lets a name after a description win the apposition: 'a unity government, the Taliban will'", () => {
    const doc = code("If Kabul agrees to a unity government, the Taliban will stop fighting.");
    expect(doc.events.find((e) => e.event === "RETREAT")?.actor.name).toBe("Taliban");
  });

  it("reads support someone seeks as a request to its giver (+sought), through a pronoun too", () => {
    const doc = code("Moldova sought the backing of the European Union for its bid.");
    expect(triples(doc)).toEqual(["MDA REQUEST EU asserted"]);
    expect(doc.events[0].pattern).toMatch(/\+sought$/);
    const later = code("Zelensky met Duda in Warsaw. Now he is trying to enlist the support of Erdogan.");
    expect(triples(later)).toContain("UKR REQUEST TUR asserted");
    // Support won was given: "won the support of Poland" is Poland's.
    expect(triples(code("Kyiv won the support of Poland.")).join(" ")).not.toContain("REQUEST");
  });

  it("lets an adverb stand between a clause opening and its pronoun ('and now he', 'Later he')", () => {
    expect(triples(code("Putin met Erdogan in Sochi. Later he criticized NATO."))).toContain(
      "RUS ACCUSE NATO asserted",
    );
    expect(
      triples(code("Rahmon met Macron in Paris. He stayed a day, and now he is urging Erdogan to help.")),
    ).toContain("TJK REQUEST TUR asserted");
  });

  it("takes a battle with a named side for an attack, and a retreat's destination for no partner", () => {
    const doc = code("Iraqi soldiers retreated into Syrian territory after a battle with Islamic State.");
    expect(triples(doc)).toEqual([
      "IRQ RETREAT Islamic State asserted",
      "IRQ ASSAULT Islamic State asserted",
    ]);
    expect(triples(code("The government is waging a fight against corruption."))).toEqual([]);
  });

  it("looks for no guessed partner inside a relative clause after the trigger", () => {
    const doc = code(
      "If Qatar succeeds as a mediator, it would be a step forward to end the war that neither the UN nor the EU could stop.",
    );
    expect(triples(doc).filter((x) => x.includes("RETREAT"))).toEqual(["QAT RETREAT - hypothetical"]);
  });

  it("takes the speaker after the comma that closes a report, and no partner from a preposition inside an infinitive", () => {
    const doc = code(
      "Indonesia's central bank rejected a request by exporters to stop them losing orders to Vietnam and Thailand, a spokesman for the exporters' federation said.",
    );
    const reject = doc.events.find((e) => e.event === "REJECT");
    expect(reject?.pattern).toBe("REJECT.reject+nearby");
    expect(reject?.reported_by?.name).toBe("spokesman");
  });

  it("joins a list with 'as well as' but not with a lone 'as'", () => {
    expect(
      triples(code("Russia is seeking to build ties with the Taliban as US troops leave Afghanistan.")),
    ).toEqual(["RUS SUPPORT AFG asserted", "USA RETREAT AFG asserted"]);
    expect(triples(code("Russia, China as well as Iran condemned the strike."))).toEqual([
      "RUS ACCUSE - asserted",
      "CHN ACCUSE - asserted",
      "IRN ACCUSE - asserted",
    ]);
  });

  it("takes 'a banned terrorist organization' for a description, not a ban", () => {
    expect(code("Egypt considers the Muslim Brotherhood a banned terrorist organization.").events).toEqual(
      [],
    );
  });

  it("reads no 'by X' agent past a participle clause after a comma", () => {
    const doc = code(
      "It sheltered al-Shabaab, the network that planned the 2008 attacks, resulting in an invasion by Ethiopian forces.",
    );
    expect(
      doc.events.filter((e) => e.evidence.trigger.text === "attacks" && e.actor.country === "ETH"),
    ).toEqual([]);
  });

  it("reads a person named after a description of the same side as that description, not a second member", () => {
    const doc = code(
      "A meeting was held between the leader of Hamas, Ismail Haniyeh, and Turkish President Recep Tayyip Erdogan.",
      "2019-12-15",
    );
    expect(doc.events.map((e) => `${e.actor.name} ${e.event} ${e.recipient?.name}`)).toEqual([
      "Ismail Haniyeh CONSULT Recep Tayyip Erdogan",
    ]);
  });

  it("reads an act someone is reluctant or unlikely to do as hypothetical", () => {
    expect(triples(code("India is unlikely to attend the summit."))).toEqual(["IND CONSULT - hypothetical"]);
    expect(triples(code("Hungary is reluctant to support new sanctions on Russia."))[0]).toMatch(
      / hypothetical$/,
    );
  });

  it("makes no one who condemns or welcomes an act a party to it", () => {
    expect(triples(code("The UN condemned the attack, which killed 12 people in Nigeria."))).toEqual([
      "UN ACCUSE - asserted",
    ]);
    expect(triples(code("Egypt criticized the talks in Jeddah."))).toEqual(["EGY ACCUSE - asserted"]);
    expect(triples(code("Russia held talks with Iran."))).toEqual(["RUS CONSULT IRN asserted"]);
  });

  it("gives a relative clause's verb its antecedent, and skips the clause when guessing partners", () => {
    const doc = code("Hamas, which attacked Israel on Saturday, rejected the proposal.");
    expect(triples(doc)).toEqual(["PSE ASSAULT ISR asserted", "PSE REJECT - asserted"]);
    const pkk = code(
      "The PKK, which is listed as a terrorist group by Turkey, the US and the EU, attacked a police post.",
    );
    expect(triples(pkk).filter((x) => x.includes("ASSAULT"))).toEqual(["TUR ASSAULT - asserted"]);
  });

  it("gives a verb after 'and did not' the first verb's subject", () => {
    const doc = code(
      "He said Moscow would not send troops to Afghanistan and did not discuss it with Kabul.",
    );
    expect(triples(doc).filter((x) => x.includes("CONSULT"))).toEqual(["RUS CONSULT AFG negated"]);
  });

  it("gives 'he' in a reported or coordinated clause to the person who opens the sentence", () => {
    expect(
      triples(code("Czech President Vaclav Klaus said Thursday he had rejected the proposed government.")),
    ).toContain("CZE REJECT government asserted");
    const doc = code(
      "Kenyan President William Ruto asked parliament to pass the budget and said he would veto any cuts.",
    );
    expect(doc.events.find((e) => e.event === "REJECT")?.actor.country).toBe("KEN");
  });

  it("gives a verb after 'and' the subject of the clause's main verb, past an infinitive", () => {
    expect(triples(code("Russia urged Kyiv to stop shelling Donetsk and threatened to respond."))).toContain(
      "RUS THREATEN UKR asserted",
    );
  });

  it("reads an act in an if-clause as hypothetical even after a 'will', and a plan noun as no future", () => {
    expect(triples(code("Iran will resume enrichment if the US imposes new sanctions."))).toEqual([
      "USA SANCTION - hypothetical",
    ]);
    expect(triples(code("The plan has the backing of Egypt and Qatar."))).toEqual([
      "EGY SUPPORT - asserted",
      "QAT SUPPORT - asserted",
    ]);
  });

  it("reads 'urged the EU to sanction Belarus' as a request to the EU, 'urged sanctions against X' as an accusation", () => {
    expect(triples(code("Estonia urged the EU to sanction Iran over drone sales."))).toEqual([
      "EST REQUEST EU asserted",
    ]);
    expect(triples(code("Kyiv urged new sanctions against Russia after the strike."))).toEqual([
      "UKR ACCUSE RUS asserted",
    ]);
  });

  it("reads 'it' in an if-clause as the group named just before it, not the main subject", () => {
    const doc = code("Israel said it would strike Hezbollah if it attacked again.");
    expect(triples(doc)).toContain("LBN ASSAULT - hypothetical");
    expect(triples(doc).filter((x) => x.startsWith("ISR ASSAULT"))).toEqual([]);
  });

  it("gives support someone has or won to them as recipient", () => {
    expect(triples(code("Israel has the support of the United States."))).toEqual([
      "USA SUPPORT ISR asserted",
    ]);
    expect(triples(code("Kyiv won the backing of Poland."))).toEqual(["POL SUPPORT UKR asserted"]);
  });

  it("reads 'X, and Y rejected the demand' as Y's new clause rejecting the demand just made", () => {
    expect(
      triples(code("India urged Pakistan to act against militants, and Islamabad rejected the demand.")),
    ).toEqual(["IND REQUEST PAK asserted", "PAK REJECT IND asserted"]);
    expect(triples(code("The US asked Iran to free the sailors. Tehran rejected the request."))).toContain(
      "IRN REJECT USA asserted",
    );
  });

  it("governs a second infinitive with its own 'to' after 'and'", () => {
    expect(triples(code("Germany pressed Poland to accept refugees and to respect court rulings."))).toEqual([
      "DEU REQUEST POL asserted",
    ]);
  });

  it("takes 'it was no coincidence that' for a judgement, not a negation", () => {
    expect(triples(code("It was no coincidence that Rahmon went to Paris to see Macron."))).toEqual([
      "TJK CONSULT FRA asserted",
    ]);
  });

  it("reads 'the refusal of X to …' as X's refusal", () => {
    const doc = code("The refusal of Hungary to ratify Ukraine's bid angered Brussels.");
    expect(doc.events.find((e) => e.event === "REJECT")?.actor.country).toBe("HUN");
  });

  it("gives an act judged by a comment no actor in its 'that' clause, and keeps a doer's", () => {
    expect(triples(code("The UN condemned the attack that killed 12 people in Nigeria."))).toEqual([
      "UN ACCUSE - asserted",
    ]);
    expect(triples(code("Russia launched missiles that hit Kyiv."))).toEqual(["RUS ASSAULT UKR asserted"]);
  });

  it("takes no topic after 'on' as whom praise is for", () => {
    expect(triples(code("Iran welcomed the talks on Yemen."))).toEqual(["IRN SUPPORT - asserted"]);
  });
});
