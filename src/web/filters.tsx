/** The shared filter bar (actor, recipient, type, modality, context, since/until, words), kept in the URL. */
import { useEffect, useState } from "preact/hooks";
import type { ActorSummary } from "./api";
import { FILTER_KEYS, type Filters, filtersFrom, href, isPartialDate } from "./route";
import { navigate, useApi, useMeta } from "./ui";

/** The route with new filters (paging starts again). */
export function withFilters(parts: string[], params: URLSearchParams, filters: Filters): string {
  const next = new URLSearchParams();
  params.forEach((v, k) => {
    if (!(FILTER_KEYS as readonly string[]).includes(k) && k !== "offset") next.append(k, v);
  });
  for (const k of FILTER_KEYS) {
    const v = filters[k];
    if (v) next.set(k, v);
  }
  return href(parts, next);
}

export function FilterBar({
  parts,
  params,
  hide = [],
}: {
  parts: string[];
  params: URLSearchParams;
  hide?: (keyof Filters)[];
}) {
  const meta = useMeta();
  const current = filtersFrom(params);
  const [draft, setDraft] = useState<Filters>(current);
  const [problem, setProblem] = useState<string | null>(null);
  const key = params.toString();
  useEffect(() => {
    setDraft(filtersFrom(params));
    setProblem(null);
  }, [key]);
  const actors = useApi<ActorSummary[]>("/api/actors?limit=300");
  // Whole quad classes (all material conflict...) as comma lists, which the API takes as "any of".
  const quads = [...new Set(meta.types.map((t) => t.quad))];
  const typeChoices = [
    ...quads.map((q) => ({
      value: meta.types
        .filter((t) => t.quad === q)
        .map((t) => t.name)
        .join(","),
      label: `all ${q.replace("_", " ")}`,
      quad: true,
    })),
    ...meta.types.map((t) => ({ value: t.name, label: t.name, quad: false })),
  ];
  const set = (k: keyof Filters) => (e: Event) =>
    setDraft({ ...draft, [k]: (e.target as HTMLInputElement).value });
  const apply = (e: Event) => {
    e.preventDefault();
    const f: Filters = {};
    for (const k of FILTER_KEYS) {
      const v = draft[k]?.trim();
      if (v) f[k] = v;
    }
    for (const k of ["since", "until"] as const) {
      if (f[k] && !isPartialDate(f[k] as string)) {
        setProblem(`"${f[k]}" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD`);
        return;
      }
    }
    setProblem(null);
    navigate(withFilters(parts, params, f));
  };
  const clearAll = () => navigate(withFilters(parts, params, {}));
  const shown = (k: keyof Filters) => !hide.includes(k);
  const any = Object.keys(current).length > 0;
  return (
    <form class="filterbar" onSubmit={apply} aria-label="event filters">
      <datalist id="actor-names">
        {(actors.data ?? []).map((a) => (
          <option key={a.id} value={a.id} label={a.name} />
        ))}
      </datalist>
      {shown("actor") && (
        <label>
          Actor
          <input
            name="actor"
            list="actor-names"
            placeholder="RUS, Putin…"
            value={draft.actor ?? ""}
            onInput={set("actor")}
            size={11}
          />
        </label>
      )}
      {shown("recipient") && (
        <label>
          Recipient
          <input
            name="recipient"
            list="actor-names"
            placeholder="any"
            value={draft.recipient ?? ""}
            onInput={set("recipient")}
            size={11}
          />
        </label>
      )}
      {shown("type") && (
        <label>
          Type
          <select name="type" value={draft.type ?? ""} onChange={set("type")}>
            <option value="">any</option>
            {draft.type && !typeChoices.some((c) => c.value === draft.type) && (
              <option value={draft.type}>{draft.type}</option>
            )}
            <optgroup label="Quad class">
              {typeChoices
                .filter((c) => c.quad)
                .map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
            </optgroup>
            <optgroup label="Type">
              {meta.types.map((t) => (
                <option key={t.name} value={t.name}>
                  {t.name}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
      )}
      {shown("modality") && (
        <label>
          Modality
          <select name="modality" value={draft.modality ?? ""} onChange={set("modality")}>
            <option value="">any</option>
            {meta.modalities.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
      )}
      {shown("context") && meta.contexts.length > 0 && (
        <label>
          Context
          <select name="context" value={draft.context ?? ""} onChange={set("context")}>
            <option value="">any</option>
            {meta.contexts.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      )}
      {shown("since") && (
        <label>
          Since
          <input
            name="since"
            placeholder="YYYY-MM-DD"
            value={draft.since ?? ""}
            onInput={set("since")}
            size={10}
          />
        </label>
      )}
      {shown("until") && (
        <label>
          Until
          <input
            name="until"
            placeholder="YYYY-MM-DD"
            value={draft.until ?? ""}
            onInput={set("until")}
            size={10}
          />
        </label>
      )}
      {shown("text") && (
        <label>
          Words
          <input
            name="text"
            type="search"
            placeholder="in the sentence"
            value={draft.text ?? ""}
            onInput={set("text")}
            size={12}
          />
        </label>
      )}
      <div class="filter-actions">
        <button type="submit" class="primary">
          Apply
        </button>
        {any && (
          <button type="button" onClick={clearAll}>
            Clear
          </button>
        )}
      </div>
      {current.dyad && (
        <span class="chip">
          dyad {current.dyad.split(",").join(" ↔ ")}
          <button
            type="button"
            aria-label="remove the dyad filter"
            onClick={() => navigate(withFilters(parts, params, { ...current, dyad: undefined }))}
          >
            ×
          </button>
        </span>
      )}
      {problem && <div class="form-problem">{problem}</div>}
    </form>
  );
}
