import vike from "vike/plugin"

export default {
  // TODO(vike-photon migrate): `vikePhoton({ target: "node" })` was removed: vike-photon picks its deploy target from the installed @photonjs/cloudflare or @photonjs/vercel (none: Node); remove those packages to build for Node
  plugins: [vike()],
}
