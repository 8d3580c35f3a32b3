import { existsSync } from 'node:fs'
import type { Browser } from 'playwright-core'

/** Debian's Chromium (never a downloaded browser); `CAFES_CHROMIUM` points elsewhere. */
export function chromiumPath(): string {
  return process.env.CAFES_CHROMIUM ?? '/usr/bin/chromium'
}

export function hasChromium(): boolean {
  return existsSync(chromiumPath())
}

/** Headless Chromium, offline, as the e2e tests run it. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core')
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}
