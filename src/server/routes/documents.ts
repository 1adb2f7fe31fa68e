/** `/api/documents`, `/api/documents/:id` and `/api/search`. */
import { documentView, listDocuments, searchSentences } from "../../store/index.js";
import type { Routes } from "../context.js";
import { idParam, query, schemas } from "../params.js";

export const documentRoutes: Routes = (api, { store }) => {
  api.get("/documents", async (c) => {
    const p = query(c, schemas.documents);
    return c.json(await listDocuments(store, { limit: p.limit, offset: p.offset }));
  });

  api.get("/documents/:id", async (c) => c.json(await documentView(store, idParam(c))));

  api.get("/search", async (c) => {
    const p = query(c, schemas.search);
    return c.json(await searchSentences(store, p.q as string, p.limit));
  });
};
