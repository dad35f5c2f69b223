import react from "@vitejs/plugin-react";
import vike from "vike/plugin";
import vikeNode from "vike-node/plugin";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [
    react(),
    vike(), // SSR
    vikeNode("server/index.ts")
  ],
  build: {
    target: "es2022",
  }
});
