import vikeServer from 'vike-server/config'

// tab-indented, like the rest of this app
export default {
	extends: [vikeServer],
	server: 'server/index.ts' // the Hono app
}
