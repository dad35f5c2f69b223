import vike from 'vike/plugin'
import { defineConfig } from 'vite'

const target = process.env.TARGET

export default defineConfig({
  plugins: [
    vike(),
  ],
})
