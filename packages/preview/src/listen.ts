import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** Ports tried from the one asked for, when it is taken: `port`, `port + 1`, … */
export const PORT_TRIES = 20

/**
 * Starts `server` on `host`, at `port` or, when another program holds it, the next free port
 * (at most `PORT_TRIES` in all); `0` takes any free port. Resolves with the port listened on;
 * rejects when every port tried is taken, or on any other error (e.g. a port below 1024
 * without the right to use it).
 */
export async function listenOnFreePort(server: Server, port: number, host: string): Promise<number> {
  const last = port === 0 ? 0 : Math.min(port + PORT_TRIES - 1, 65535)
  for (let candidate = port; ; candidate++) {
    try {
      await listenOnce(server, candidate, host)
      return (server.address() as AddressInfo).port
    } catch (error) {
      const taken = (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
      if (!taken) throw error
      if (candidate >= last) throw new Error(`ports ${port}–${last} on ${host} are all in use; choose another with --port`)
    }
  }
}

function listenOnce(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      server.off('listening', onListening)
      reject(error)
    }
    const onListening = (): void => {
      server.off('error', onError)
      resolve()
    }
    server.once('error', onError)
    server.once('listening', onListening)
    server.listen(port, host)
  })
}
