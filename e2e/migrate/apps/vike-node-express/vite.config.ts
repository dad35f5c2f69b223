import react from '@vitejs/plugin-react'
import vike from 'vike/plugin'
import vikeNode from 'vike-node/plugin'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [vike(), vikeNode('server/index.ts'), react()],
})
