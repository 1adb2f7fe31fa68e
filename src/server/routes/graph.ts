/** `/api/graph` (the actor network) and `/api/map` (located events). */
import { actorGraph, mapEvents } from "../../store/index.js";
import type { Routes } from "../context.js";
import { query, schemas, toFilter } from "../params.js";

export const graphRoutes: Routes = (api, { store, types }) => {
  api.get("/graph", async (c) => {
    const p = query(c, schemas.graph);
    return c.json(await actorGraph(store, types, toFilter(p), p.limit));
  });

  api.get("/map", async (c) => {
    const p = query(c, schemas.map);
    return c.json({ items: await mapEvents(store, { ...toFilter(p), limit: p.limit }) });
  });
};
