import type { Command } from '../command.js'
import { buildCommand } from './build.js'

/** Every command, in the order `cafes --help` lists them. */
export const COMMANDS: readonly Command[] = [
  buildCommand,
]
