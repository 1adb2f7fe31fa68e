/** What every route needs: the open store and the PLOVER type weights. */
import type { Hono } from "hono";
import type { PloverTypes, Store } from "../store/index.js";

export interface ServerContext {
  store: Store;
  types: PloverTypes;
}

/** A module of routes, registered on the `/api` sub-app. */
export type Routes = (api: Hono, ctx: ServerContext) => void;
