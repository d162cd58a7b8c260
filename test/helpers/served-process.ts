import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest, type Agent, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';

/** The service as `npm start` runs it (src/server.ts), in its own process, listening on a port the OS picks. */
export interface ServedProcess {
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
}

/** Start src/server.ts with `env` on 127.0.0.1 port 0; resolves once it logs where it listens. */
export async function startServedProcess(env: Record<string, string>, timeoutMs = 80_000): Promise<ServedProcess> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, '../../src/server.ts')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DATA_WATCH: 'off', QUOTE_STORE_PATH: ':memory:', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not start within ${timeoutMs} ms: ${out}`)), timeoutMs);
    const onData = (d: Buffer) => {
      out += d.toString();
      const port = /"msg":"Frontera listening"/.test(out) ? /"port":(\d+)[^\n]*"msg":"Frontera listening"/.exec(out)?.[1] : undefined;
      if (port) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`service exited with ${code} before listening: ${out}`)));
  });
  return { url, child, exited, output: () => out };
}

export interface Outcome {
  status?: number;
  headers?: IncomingHttpHeaders;
  /** The error code of a request that got no answer (ECONNRESET, ECONNREFUSED…). */
  error?: string;
}

/** One request over `agent`; never rejects: a failure is an outcome with its error code. */
export function send(url: string, agent: Agent, method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = httpRequest(`${url}${path}`, { method, agent, headers: { ...(body ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}), ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      res.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    req.end(body);
  });
}
