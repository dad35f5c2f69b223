// Imported first by the Node launcher, so it runs before Vike and the user's server are evaluated:
// `node dist/server/index.mjs` is production unless the user says otherwise.
process.env.NODE_ENV ??= 'production'
