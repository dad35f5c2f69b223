import { createHandler } from "@universal-middleware/hono";
import { Hono } from "hono";
import { vikeHandler } from "./vike-handler.js";

const app = new Hono();

app.post("/api/echo", async (c) => c.json(await c.req.json()));

app.get("*", createHandler(vikeHandler));

export default app;
