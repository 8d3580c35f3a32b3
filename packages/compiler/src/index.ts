export { compileModule } from './compile.js'
export { findModules, loadConfig } from './load.js'
export { checkDuplicateModuleIds } from './module-ids.js'
export { rules, type Rule } from './rules.js'
export { configSchema, moduleSchema, type JsonSchema } from './schema.js'
export { directiveAttributePlace, readModuleSources, type SourcePage } from './source.js'
export type { AssetReference, ParsedPage } from './page.js'
export type { Nodes as MarkdownNode, Root as MarkdownRoot } from 'mdast'
export type {
  CompiledModule,
  CompileOptions,
  CompileResult,
  ModuleAsset,
  ModuleFrontMatter,
  ModuleMeta,
  ProjectConfig,
} from './types.js'
