import type { Settings } from './measure'
import type { Variant } from './variants'

export async function runProfiles(_variants: Variant[], _settings: Settings): Promise<void> {
  throw new Error('not yet')
}
