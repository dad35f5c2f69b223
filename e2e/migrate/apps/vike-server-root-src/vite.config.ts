import react from '@vitejs/plugin-react'
import vike from 'vike/plugin'
import { defineConfig } from 'vite'

// The app's code lives in src/ (pages, server): Vite's root is that folder.
export default defineConfig({
  root: 'src',
  plugins: [vike(), react()],
})
