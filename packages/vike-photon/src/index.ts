// `import ... from 'vike-photon'`: the types of the settings. The extension itself is `vike-photon/config`,
// the universal middlewares are `vike-photon/universal-middlewares`.
export type { PhotonSettings, StaticSettings } from './settings.js'
export type { IsrSetting } from './targets/vercel/settings.js'
