/** `/api/events`, `/api/events/:id` and `/api/histogram`. */
import { countEvents, type EventSummary, eventDetail, findEvents, histogram } from "../../store/index.js";
import type { Routes } from "../context.js";
import { filterSchema, idParam, query, schemas, toFilter } from "../params.js";

export const eventRoutes: Routes = (api, { store }) => {
  api.get("/events", async (c) => {
    const p = query(c, schemas.events);
    const filter = toFilter(p);
    const total = await countEvents(store, filter);
    const items: EventSummary[] = [];
    if (p.offset < total)
      for await (const e of findEvents(
        store,
        { ...filter, limit: p.limit, offset: p.offset },
        { sentences: true },
      ))
        items.push(e);
    return c.json({ total, limit: p.limit, offset: p.offset, items });
  });

  api.get("/events/:id", async (c) => c.json(await eventDetail(store, idParam(c))));

  api.get("/histogram", async (c) => c.json(await histogram(store, toFilter(query(c, filterSchema)))));
};
