import vikeServer from "vike-server/config";

export default {
  extends: [vikeServer],
  server: "server/index.ts", // Windows checkout
};
