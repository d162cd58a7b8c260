import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/** How often open connections are looked at while draining. */
export const DRAIN_POLL_MS = 50;
/**
 * A connection with no request in flight that reads nothing for this long
 * while draining is closed. A keep-alive client sends its next request at
 * once or not for a while; a request already on its way has arrived by then.
 */
export const DRAIN_QUIET_MS = 250;

interface Tracked {
  /** Requests parsed on this connection whose answers have not finished. */
  active: number;
  bytesRead: number;
  /** Since when it has been seen idle and silent, in ms; undefined while it is not. */
  quietSince?: number;
}

export interface GracefulClose {
  /**
   * Stop accepting new connections only; open ones are served as before. Under the cluster module every
   * worker does this first, so that no client told to reconnect lands on a listener about to close.
   */
  stopAccepting(): void;
  /** Stop accepting, answer everything already sent, close connections as they go quiet; resolves when none is left. */
  close(): Promise<void>;
}

/**
 * Closing an HTTP/1.1 server without dropping a request. Node's
 * `server.close()` also destroys every keep-alive connection that looks idle,
 * including one whose next request is already in the socket's buffer but not
 * parsed (the client then gets ECONNRESET for a request it sent before the
 * close). Instead: stop accepting new connections, put `Connection: close`
 * on every answer not yet started (RFC 9112 §9.6) so clients open no more
 * requests on these connections, and close a connection only once it has
 * had nothing in flight and read nothing for DRAIN_QUIET_MS, sampled after
 * an I/O poll so bytes already received have been read. No maintained
 * library does this (http-terminator, stoppable and terminus destroy idle
 * sockets at once).
 */
export function gracefulClose(server: Server, options: { pollMs?: number; quietMs?: number } = {}): GracefulClose {
  const pollMs = options.pollMs ?? DRAIN_POLL_MS;
  const quietMs = options.quietMs ?? DRAIN_QUIET_MS;
  const sockets = new Map<Socket, Tracked>();
  const inFlight = new Set<ServerResponse>();
  let draining = false;

  server.on('connection', (socket: Socket) => {
    sockets.set(socket, { active: 0, bytesRead: 0 });
    socket.once('close', () => sockets.delete(socket));
  });
  // First listener, so the header is set before any route can answer.
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const tracked = sockets.get(req.socket);
    if (tracked) tracked.active += 1;
    inFlight.add(res);
    if (draining) res.setHeader('Connection', 'close');
    res.once('close', () => {
      inFlight.delete(res);
      if (tracked) tracked.active -= 1;
    });
  });

  const closeQuiet = () => {
    const now = performance.now();
    for (const [socket, t] of sockets) {
      const read = socket.bytesRead;
      if (t.active > 0 || read !== t.bytesRead) {
        t.bytesRead = read;
        t.quietSince = undefined;
        continue;
      }
      t.quietSince ??= now;
      if (now - t.quietSince >= quietMs) socket.destroy();
    }
  };

  let ended: Promise<void> | undefined;
  // net.Server's close stops accepting and calls back once every connection has ended; http.Server's
  // would first destroy the connections that look idle, which is the bug this avoids.
  const stopAccepting = () => {
    ended ??= new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
    return ended;
  };

  return {
    stopAccepting: () => void stopAccepting(),
    close: async () => {
      if (draining) return stopAccepting();
      draining = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
      // Sampled in the check phase, right after an I/O poll: bytes that had arrived are counted by then.
      const timer = setInterval(() => setImmediate(closeQuiet), pollMs);
      await stopAccepting();
      clearInterval(timer);
    },
  };
}
