import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, get, request, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PreviewStartError, startPreview, type PanelState, type Preview } from '../src/index.js'

const ROOT = resolve(import.meta.dirname, '../../..')

/** A user folder holding a copy of the demo module (examples/ is never edited). */
function userFolder(): { cwd: string; moduleDir: string } {
  const cwd = mkdtempSync(join(tmpdir(), 'cafes-preview-test-'))
  const moduleDir = join(cwd, 'demo-quiz')
  cpSync(join(ROOT, 'examples', 'demo-quiz'), moduleDir, { recursive: true })
  return { cwd, moduleDir }
}

interface ServerEvent {
  event: string
  data: any
}

/** Listens to the preview's Server-Sent Events as the page's EventSource does. */
function listen(url: string): Promise<{ events: ServerEvent[]; close(): void }> {
  return new Promise((resolveClient, reject) => {
    const events: ServerEvent[] = []
    let buffer = ''
    const request = get(`${url}events`, (response: IncomingMessage) => {
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        buffer += chunk
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const event = /^event: (.+)$/m.exec(frame)?.[1]
          const data = /^data: (.+)$/m.exec(frame)?.[1]
          if (event && data) events.push({ event, data: JSON.parse(data) })
        }
      })
      resolveClient({ events, close: () => request.destroy() })
    })
    request.on('error', reject)
  })
}

async function state(preview: Preview): Promise<PanelState> {
  return (await (await fetch(`${preview.url}api/state`)).json()) as PanelState
}

async function post(preview: Preview, path: string, body: unknown = {}): Promise<any> {
  const response = await fetch(`${preview.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  expect(response.status).toBe(200)
  return response.json()
}

describe('startPreview (SCORM 1.2)', () => {
  let preview: Preview
  let folder: { cwd: string; moduleDir: string }
  const logged: string[] = []

  beforeAll(async () => {
    folder = userFolder()
    preview = await startPreview({
      modulePath: 'demo-quiz',
      cwd: folder.cwd,
      target: 'scorm12',
      port: 0,
      log: { info: (line) => logged.push(line), diagnostics: (list) => logged.push(...list.map((d) => `${d.file}:${d.line}: ${d.ruleId}`)) },
    })
  }, 120_000)

  afterAll(async () => {
    await preview?.close()
    rmSync(folder.cwd, { recursive: true, force: true })
  })

  it('serves the page: the module frame and the panel, headed and labelled', async () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    const html = await (await fetch(preview.url)).text()
    expect(html).toContain('<iframe id="module-frame" title="The module, as the LMS launches it"')
    expect(html).toContain('<h2 id="record-title">LMS record</h2>')
    expect(html).toContain('<label for="target">Target</label>')
    expect(html).toContain('Le café de la transparence')
  })

  it('serves the panel data: module, target, learner, limits, an empty record before any launch', async () => {
    const panel = await state(preview)
    expect(panel).toMatchObject({
      module: { id: 'demo-quiz', title: 'Le café de la transparence', version: '1.2.0', language: 'fr' },
      target: 'scorm12',
      learner: 'learner-1',
      uiLanguage: 'fr',
      ok: true,
      overlay: null,
      stateSize: { limit: 4096 },
      record: { status: null, interactions: [], suspendData: { length: 0, limit: 4096 } },
    })
    expect(logged).toEqual(expect.arrayContaining([expect.stringMatching(/^scorm12: built in \d+ ms$/)]))
  })

  it('hands out a launch of the simulated LMS, and a new learner after a reset', async () => {
    const launch = await post(preview, 'api/launch')
    expect(launch).toMatchObject({ target: 'scorm12', overlay: null, build: 1 })
    expect(launch.launchUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/lms\/launch\?launch=/)
    const page = await (await fetch(launch.launchUrl)).text()
    expect(page).toContain('scorm12.min.js')
    await post(preview, 'api/reset')
    expect((await state(preview)).learner).toBe('learner-2')
  })

  it('rebuilds on a save, tells the pages, and the next launch serves the change', async () => {
    const client = await listen(preview.url)
    const rebuilt = preview.rebuilt()
    const page = join(folder.moduleDir, '01-transparence.md')
    writeFileSync(page, readFileSync(page, 'utf8').replace('# Transparence : de quoi parle-t-on ?', '# Transparence, version 2'))
    const event = await rebuilt
    expect(event).toMatchObject({ ok: true, target: 'scorm12', changedPaths: [page] })
    await expect.poll(() => client.events.map((entry) => entry.event)).toEqual(['hello', 'building', 'built'])
    expect(client.events[2]!.data).toMatchObject({ build: event.build, target: 'scorm12' })
    client.close()
    // The package was replaced in place: same LMS package, new content.
    const launch = await post(preview, 'api/launch')
    expect(launch.build).toBe(event.build)
    const lmsPage = await (await fetch(launch.launchUrl)).text()
    const contentUrl = new URL(JSON.parse(/"contentUrl":("[^"]+")/.exec(lmsPage)![1]!) as string, launch.launchUrl)
    expect(await (await fetch(contentUrl)).text()).toContain('Transparence, version 2')
  }, 30_000)

  it('shows a compile error with its place, excerpt and hint, and clears it once fixed', async () => {
    const client = await listen(preview.url)
    const page = join(folder.moduleDir, '01-transparence.md')
    const before = readFileSync(page, 'utf8')
    const broken = `${before}\n:::bogus\nhello\n:::\n`
    const line = broken.split('\n').indexOf(':::bogus') + 1
    let rebuilt = preview.rebuilt()
    writeFileSync(page, broken)
    const failed = await rebuilt
    expect(failed.ok).toBe(false)
    expect(failed.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['directive-unknown'])

    const panel = await state(preview)
    expect(panel.ok).toBe(false)
    const error = panel.overlay!.errors[0]!
    expect(error.location).toBe(`demo-quiz/01-transparence.md:${line}:1`)
    expect(error.ruleId).toBe('directive-unknown')
    expect(error.hint).toMatch(/Known directives/)
    expect(error.excerpt!.lines.find((entry) => entry.marked)).toEqual({ line, text: ':::bogus', marked: true })
    await expect.poll(() => client.events.find((entry) => entry.event === 'failed')?.data.overlay).toEqual(panel.overlay)
    expect(logged).toContain(`demo-quiz/01-transparence.md:${line}: directive-unknown`)
    // The page keeps the last package that built, with the errors over it.
    expect(await post(preview, 'api/launch')).toMatchObject({ overlay: panel.overlay })

    rebuilt = preview.rebuilt()
    writeFileSync(page, before)
    expect((await rebuilt).ok).toBe(true)
    expect(await state(preview)).toMatchObject({ ok: true, overlay: null })
    await expect.poll(() => client.events.at(-1)?.event).toBe('built')
    client.close()
  }, 30_000)

  it('greets a page that opens while the module is broken with the errors', async () => {
    const page = join(folder.moduleDir, 'module.md')
    const before = readFileSync(page, 'utf8')
    let rebuilt = preview.rebuilt()
    writeFileSync(page, before.replace('id: demo-quiz', 'id: Demo Quiz!'))
    expect((await rebuilt).ok).toBe(false)
    const client = await listen(preview.url)
    await expect.poll(() => client.events[0]?.event).toBe('hello')
    expect(client.events[0]!.data.overlay.errors[0].location).toMatch(/^demo-quiz\/module\.md:\d+:\d+$/)
    client.close()
    rebuilt = preview.rebuilt()
    writeFileSync(page, before)
    expect((await rebuilt).ok).toBe(true)
  }, 30_000)

  it('refuses requests for another host name and cross-site POSTs', async () => {
    const status = (method: string, path: string, headers: Record<string, string>) =>
      new Promise<number>((resolveStatus, reject) => {
        const sent = request(`${preview.url}${path}`, { method, headers }, (response) => {
          response.resume()
          resolveStatus(response.statusCode ?? 0)
        })
        sent.on('error', reject)
        sent.end(method === 'POST' ? '{}' : undefined)
      })
    expect(await status('GET', 'api/state', { host: 'attacker.example' })).toBe(421)
    expect(await status('POST', 'api/reset', { origin: 'http://attacker.example' })).toBe(403)
    expect(await status('GET', 'api/state', {})).toBe(200)
  })

  it('builds the facilitator edition on demand and serves it', async () => {
    const response = await fetch(`${preview.url}facilitator`, { redirect: 'manual' })
    expect(response.status).toBe(303)
    const guide = await (await fetch(response.headers.get('location')!)).text()
    expect(guide).toContain('Le café de la transparence')
  }, 30_000)
})

describe('startPreview (xAPI)', () => {
  let preview: Preview
  let folder: { cwd: string; moduleDir: string }

  beforeAll(async () => {
    folder = userFolder()
    preview = await startPreview({ modulePath: join(folder.cwd, 'demo-quiz', 'module.md'), cwd: folder.cwd, target: 'scorm2004', port: 0 })
  }, 120_000)

  afterAll(async () => {
    await preview?.close()
    rmSync(folder.cwd, { recursive: true, force: true })
  })

  it('switches target, and the panel lists the statements the LRS stored for the learner', async () => {
    const rebuilt = preview.rebuilt()
    const launch = await post(preview, 'api/target', { target: 'xapi' })
    expect((await rebuilt).target).toBe('xapi')
    expect(preview.target).toBe('xapi')
    const url = new URL(launch.launchUrl)
    const endpoint = url.searchParams.get('endpoint')!
    const registration = url.searchParams.get('registration')!
    const activity = url.searchParams.get('activity_id')!
    // What the player would send, through the LRS's own door, with the launch's credentials.
    const response = await fetch(`${endpoint}statements`, {
      method: 'POST',
      headers: { authorization: url.searchParams.get('auth')!, 'x-experience-api-version': '1.0.3', 'content-type': 'application/json' },
      body: JSON.stringify({
        actor: JSON.parse(url.searchParams.get('actor')!),
        verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
        object: { id: `${activity}/q-definition`, definition: { interactionType: 'choice', name: { 'fr-FR': 'Quelle affirmation ?' } } },
        result: { response: 'b', success: true },
        context: { registration },
      }),
    })
    expect(response.status).toBe(200)
    const panel = await state(preview)
    expect(panel.target).toBe('xapi')
    expect(panel.record.statements.map((entry) => [entry.verb, entry.object, entry.result])).toEqual([['answered', 'Quelle affirmation ?', 'success, response "b"']])
    expect(panel.record.interactions).toEqual([{ id: 'q-definition', type: 'choice', response: 'b', result: 'correct' }])
    expect(panel.record.status).toBe('incomplete')
  }, 60_000)

  it('switches the interface language through cmi5, whose launch carries the preference', async () => {
    const launch = await post(preview, 'api/language', { language: 'en' })
    expect(launch.target).toBe('cmi5')
    expect((await state(preview)).uiLanguage).toBe('en')
    expect(launch.launchUrl).toContain('fetch=')
  }, 60_000)

  it('refuses an unknown target', async () => {
    const response = await fetch(`${preview.url}api/target`, { method: 'POST', body: JSON.stringify({ target: 'scorm3000' }) })
    expect(response.status).toBe(400)
  })
})

describe('startPreview: start and stop', () => {
  it('takes the next port when the one asked for is in use, and frees everything on close', async () => {
    const folder = userFolder()
    const blocker: Server = createServer()
    await new Promise<void>((resolveListen) => blocker.listen(0, '127.0.0.1', resolveListen))
    const taken = (blocker.address() as AddressInfo).port
    try {
      const preview = await startPreview({ modulePath: 'demo-quiz', cwd: folder.cwd, target: 'web', port: taken })
      expect(preview.port).toBeGreaterThan(taken)
      expect((await fetch(preview.url)).status).toBe(200)
      const launch = await post(preview, 'api/launch')
      expect(await (await fetch(launch.launchUrl)).text()).toContain('id="cafes-course"')
      // The web player keeps progress in the browser: a reset first opens a page that clears it.
      const reset = await post(preview, 'api/reset')
      const [resetPage, next] = (reset.launchUrl as string).split('#')
      expect(decodeURIComponent(next!)).toBe(launch.launchUrl)
      expect(new URL(resetPage!).origin).toBe(new URL(launch.launchUrl).origin)
      expect(await (await fetch(resetPage!)).text()).toContain('localStorage.clear()')
      await preview.close()
      await expect(fetch(preview.url)).rejects.toThrow()
      await expect(fetch(launch.launchUrl)).rejects.toThrow()
    } finally {
      blocker.close()
      rmSync(folder.cwd, { recursive: true, force: true })
    }
  }, 60_000)

  it('does not start without exactly one module, and says why', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cafes-preview-none-'))
    for (const name of ['a', 'b']) {
      mkdirSync(join(cwd, 'modules', name), { recursive: true })
      writeFileSync(join(cwd, 'modules', name, 'module.md'), `---\nid: ${name}\ntitle: ${name}\n---\n\n# ${name}\n`)
    }
    const failure = (modulePath: string) => startPreview({ modulePath, cwd, port: 0 }).then(() => undefined, (error: unknown) => error)
    const missing = await failure('nowhere')
    expect(missing).toBeInstanceOf(PreviewStartError)
    expect((missing as PreviewStartError).diagnostics.map((diagnostic) => [diagnostic.file, diagnostic.ruleId])).toEqual([['nowhere', 'path-not-found']])
    const several = (await failure('modules')) as PreviewStartError
    expect(several.diagnostics).toEqual([
      expect.objectContaining({ file: 'modules', ruleId: 'preview-several-modules', hint: 'Name one module folder, e.g. `cafes preview modules/a`.' }),
    ])
    rmSync(cwd, { recursive: true, force: true })
  }, 30_000)
})
