import vikeReact from "vike-react/config";
import vikePhoton from "vike-photon/config";
import type { Config } from "vike/types";

// Default config (can be overridden by pages)
export default {
  title: "My Vike App",
  extends: [vikeReact, vikePhoton], // React + our Express server
  photon: {
    server: "server/index.ts", // see server/index.ts
  },
  prerender: {
    partial: true,
  },
} satisfies Config;
