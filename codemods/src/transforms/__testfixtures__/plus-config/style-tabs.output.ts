import vikePhoton from 'vike-photon/config'

// tab-indented, like the rest of this app
export default {
	extends: [vikePhoton],
	photon: {
		server: 'server/index.ts' // the Hono app
	}
}
