import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { listenOnFreePort, PORT_TRIES } from './listen.js'

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
})

function server(): Server {
  const created = createServer((_request, response) => response.end('ok'))
  servers.push(created)
  return created
}

/** Holds `count` consecutive ports on 127.0.0.1 and returns the first; retries elsewhere when one is busy. */
async function holdPorts(count: number): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const first = server()
    await new Promise<void>((resolve) => first.listen(0, '127.0.0.1', resolve))
    const base = (first.address() as AddressInfo).port
    if (base + count > 65535) continue
    let held = 1
    for (; held < count; held++) {
      const next = server()
      const ok = await new Promise<boolean>((resolve) => {
        next.once('error', () => resolve(false))
        next.listen(base + held, '127.0.0.1', () => resolve(true))
      })
      if (!ok) break
    }
    if (held === count) return base
  }
  throw new Error('could not hold consecutive ports')
}

describe('listenOnFreePort', () => {
  it('listens on the port asked for when it is free', async () => {
    const base = await holdPorts(1)
    await new Promise((resolve) => servers.shift()!.close(resolve))
    expect(await listenOnFreePort(server(), base, '127.0.0.1')).toBe(base)
  })

  it('takes the next free port when the one asked for is in use', async () => {
    const base = await holdPorts(2)
    const port = await listenOnFreePort(server(), base, '127.0.0.1')
    expect(port).toBeGreaterThanOrEqual(base + 2)
    expect(port).toBeLessThan(base + PORT_TRIES)
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('ok')
  })

  it('takes any free port for 0', async () => {
    expect(await listenOnFreePort(server(), 0, '127.0.0.1')).toBeGreaterThan(0)
  })

  it('gives up, saying so, when every port it may try is in use', async () => {
    const base = await holdPorts(PORT_TRIES)
    await expect(listenOnFreePort(server(), base, '127.0.0.1')).rejects.toThrow(/are all in use; choose another with --port/)
  })
})
