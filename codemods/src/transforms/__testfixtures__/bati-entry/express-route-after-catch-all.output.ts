import { createHandler } from "@universal-middleware/express";
import express from "express";
import { telefuncHandler } from "./server/telefunc-handler";
import { apply, serve } from "@photonjs/express";

export default (await startServer()) as unknown;

async function startServer() {
  const app = express();

  // TODO(vike-photon migrate): vike-photon serves the client files (dist/client) and runs Vite in development itself: delete what this does about them
  app.use(express.static("public"));

  app.post("/_telefunc", createHandler(telefuncHandler)());

  // TODO(vike-photon migrate): apply(app) from @photonjs/express renders the pages now, in place of the Vike route; `./server/vike-handler` is no longer imported here
  apply(app);

  // TODO(vike-photon migrate): apply(app) above answers every request, so this is never reached: move it above apply(app)
  app.get("/late", (_req, res) => {
    res.send("never reached");
  });

  return serve(app, {
    port: 3000
  });
}
