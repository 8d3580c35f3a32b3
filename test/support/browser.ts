import type { Browser } from 'playwright-core'
import { chromiumPath, hasChromium, launchChromium as launchDebianChromium } from '@cafes/validate'

/** Debian's Chromium; the tests never download a browser, and never skip without one. */
export const CHROMIUM_PATH = chromiumPath()

/** The browser `cafes validate --launch` uses, with the same offline flags; a missing one fails the test. */
export async function launchChromium(): Promise<Browser> {
  if (!hasChromium()) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium (apt-get install -y chromium)`)
  }
  return launchDebianChromium()
}
