export { isIgnoredChange } from './editor-temp-files.js'
export { errorOverlay, type ErrorOverlay, type ExcerptLine, type OverlayError } from './error-overlay.js'
export type { LmsRecord, RecordedInteraction, RecordedStatement, RefusedCall } from './lms-record.js'
export { measureReload, type MeasureReloadOptions, type ReloadTimes } from './measure-reload.js'
export {
  DEFAULT_PORT,
  PreviewStartError,
  startPreview,
  type PanelState,
  type Preview,
  type PreviewLog,
  type PreviewOptions,
  type RebuildEvent,
} from './preview-server.js'
export { RULES as PREVIEW_RULES } from './rules.js'
export { DEFAULT_DEBOUNCE_MS, watchModule, type ModuleWatcher, type WatchModuleOptions } from './watch-module.js'
