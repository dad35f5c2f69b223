import vikeReact from 'vike-react/config'
import vikeServer from 'vike-server/config'

const extensions = [vikeReact]
if (process.env.WITH_SERVER) extensions.push(vikeServer)

export default {
  extends: extensions,
  server: 'server/index.js',
}
