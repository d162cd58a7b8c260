import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A vendor's API on 127.0.0.1 (port 0), answering in the shapes of the
 * vendor's published contract: each test says what a path answers. Every
 * request is kept (method, path with query, headers, body) so tests can
 * check what Frontera sent. Loopback only: no test reaches the internet.
 */
export interface Seen {
  method: string;
  /** Path and query, e.g. "/api/rating/v2409/Shop?additionalinfo=timeintransit". */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}
export type Handler = (req: Seen, res: ServerResponse) => void;

export class FakeVendor {
  readonly seen: Seen[] = [];
  private readonly routes = new Map<string, Handler>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeVendor> {
    const holder: { vendor?: FakeVendor } = {};
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => holder.vendor?.handle({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body }, res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.vendor = new FakeVendor(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return holder.vendor;
  }

  /** What `POST <path>` answers (the query is ignored for the match). */
  on(path: string, handler: Handler): this {
    this.routes.set(path, handler);
    return this;
  }

  /** The requests to one path. */
  to(path: string): Seen[] {
    return this.seen.filter((s) => s.url.split('?')[0] === path);
  }

  reset(): void {
    this.seen.length = 0;
    this.routes.clear();
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private handle(req: Seen, res: ServerResponse): void {
    this.seen.push(req);
    const handler = this.routes.get(req.url.split('?')[0] ?? '');
    if (handler === undefined) json(404, { detail: `no fake for ${req.url}` })(req, res);
    else handler(req, res);
  }
}

export function json(status: number, value: unknown): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(typeof value === 'string' ? value : JSON.stringify(value));
  };
}

/** Answers after `ms`, unless the client gave up first. */
export function slow(ms: number, then: Handler): Handler {
  return (req, res) => {
    const timer = setTimeout(() => then(req, res), ms);
    res.on('close', () => clearTimeout(timer));
  };
}

/** Each call answers with the next handler; the last one repeats. */
export function sequence(...handlers: Handler[]): Handler {
  let i = 0;
  return (req, res) => (handlers[Math.min(i++, handlers.length - 1)] as Handler)(req, res);
}
