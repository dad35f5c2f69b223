// Loaded with `node --import` by `in-process` (see in-process-loader.mjs).
import { register } from 'node:module'

register('./in-process-loader.mjs', import.meta.url)
