import { vikePhoton } from "vike-photon/plugin"
import vike from "vike/plugin"

export default {
  plugins: [vike(), vikePhoton({ target: "node" })],
}
