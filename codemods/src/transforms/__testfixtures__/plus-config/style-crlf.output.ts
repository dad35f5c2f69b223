import vikePhoton from "vike-photon/config";

export default {
  extends: [vikePhoton],
  photon: {
    server: "server/index.ts", // Windows checkout
  },
};
