import type { IncomingMessage, ServerResponse } from 'node:http'

/** A comment line now and then keeps idle connections from being closed by proxies and browsers. */
const KEEPALIVE_MS = 15_000

/**
 * Server-Sent Events to every open preview page: the browser's `EventSource` reconnects by
 * itself, and no dependency is needed. `send` writes one named event with a JSON payload.
 */
export class EventStream {
  private readonly clients = new Set<ServerResponse>()
  private readonly keepalive: NodeJS.Timeout

  constructor() {
    this.keepalive = setInterval(() => {
      for (const client of this.clients) client.write(': keepalive\n\n')
    }, KEEPALIVE_MS)
    this.keepalive.unref()
  }

  /** Takes over a request to the events URL; `greeting` is sent to this client alone, first. */
  attach(request: IncomingMessage, response: ServerResponse, greeting: { event: string; data: unknown }): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    })
    // The browser waits this long before it reconnects after the server went away.
    response.write('retry: 500\n\n')
    response.write(frame(greeting.event, greeting.data))
    this.clients.add(response)
    request.on('close', () => this.clients.delete(response))
  }

  send(event: string, data: unknown): void {
    const text = frame(event, data)
    for (const client of this.clients) client.write(text)
  }

  get size(): number {
    return this.clients.size
  }

  close(): void {
    clearInterval(this.keepalive)
    for (const client of this.clients) client.end()
    this.clients.clear()
  }
}

/** One event; JSON never holds a raw newline, so `data:` fits on one line. */
function frame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`
}
