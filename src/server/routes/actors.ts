/** `/api/actors`, `/api/actors/:id` (dossier plus its dyads' trends) and `/api/dyads`. */
import { actorDossier, dyads, listActors } from "../../store/index.js";
import type { Routes } from "../context.js";
import { HttpError } from "../errors.js";
import { query, schemas } from "../params.js";

export const actorRoutes: Routes = (api, { store, types }) => {
  api.get("/actors", async (c) => {
    const p = query(c, schemas.actors);
    return c.json(await listActors(store, { kind: p.kind, q: p.q, limit: p.limit }));
  });

  api.get("/actors/:id", async (c) => {
    const id = c.req.param("id").trim();
    if (!id || id.length > 200) throw new HttpError(400, "id: must be an actor id, name or ISO code");
    const dossier = await actorDossier(store, id);
    const trends = await dyads(store, types, { actor: dossier.actor.id });
    return c.json({ ...dossier, trends });
  });

  api.get("/dyads", async (c) => {
    const p = query(c, schemas.dyads);
    return c.json(
      await dyads(store, types, {
        min: p.min,
        limit: p.limit,
        actor: p.actor,
        since: p.since,
        until: p.until,
      }),
    );
  });
};
