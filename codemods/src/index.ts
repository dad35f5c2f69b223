export type { MigrateContext, SourceId } from './context.js'
export { TODO_MARKER } from './lib/todo.js'
export {
  ApplyError,
  applyPlan,
  detectSources,
  detectSourcesInCode,
  dirtyFiles,
  MigrateError,
  type MigrationPlan,
  type PackageManager,
  planMigration,
  type Todo,
  touchedPaths,
} from './migrate.js'
export type { FileChange } from './project.js'
export { type Migration, migrations } from './registry.js'
export { type DetectedSource, sourceDefinitions } from './sources.js'
export { transforms } from './transforms/index.js'
