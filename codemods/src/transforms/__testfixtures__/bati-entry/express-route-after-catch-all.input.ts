import { createHandler } from "@universal-middleware/express";
import express from "express";
import { telefuncHandler } from "./server/telefunc-handler";
import { vikeHandler } from "./server/vike-handler";

export default (await startServer()) as unknown;

async function startServer() {
  const app = express();

  app.use(express.static("public"));

  app.post("/_telefunc", createHandler(telefuncHandler)());

  app.all("*", createHandler(vikeHandler)());

  app.get("/late", (_req, res) => {
    res.send("never reached");
  });

  app.listen(3000);

  return app;
}
