import vikeReact from "vike-react/config";
import vikeServer from "vike-server/config";
import type { Config } from "vike/types";

// Default config (can be overridden by pages)
export default {
  title: "My Vike App",
  extends: [vikeReact, vikeServer], // React + our Express server
  server: "server/index.ts", // see server/index.ts
  prerender: {
    partial: true,
  },
} satisfies Config;
