import { Hono } from "hono";
import { apply, serve } from "@photonjs/hono";

const app = new Hono();

app.post("/api/echo", async (c) => c.json(await c.req.json()));

// TODO(vike-photon migrate): apply(app) renders the pages now, in place of `createHandler(vikeHandler)`: `./vike-handler.js` is no longer imported here, delete it if nothing else uses it
apply(app);

export default serve(app);
