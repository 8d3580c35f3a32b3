export { compileModule } from './compile.js'
export { findModules, loadConfig } from './load.js'
export { checkDuplicateModuleIds } from './module-ids.js'
export { rules, type Rule } from './rules.js'
export type {
  CompiledModule,
  CompileOptions,
  CompileResult,
  ModuleAsset,
  ModuleFrontMatter,
  ModuleMeta,
  ProjectConfig,
} from './types.js'
