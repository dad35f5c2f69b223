// The server entry, in its own plus-file (the layout Bati generates for vike-photon 0.1).
export default {
  server: './server/entry.ts',
}
