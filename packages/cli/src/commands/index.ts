import type { Command } from '../command.js'
import { buildCommand } from './build.js'
import { lintCommand } from './lint.js'
import { newCommand } from './new.js'
import { previewCommand } from './preview.js'
import { validateCommand } from './validate.js'

/** Every command, in the order `cafes --help` lists them. */
export const COMMANDS: readonly Command[] = [
  buildCommand,
  lintCommand,
  newCommand,
  previewCommand,
  validateCommand,
]
