import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An ECB eurofxref-daily.xml for `date` (invented figures, in the ECB's layout). */
export function ecbXml(date = '2026-12-01', rates: Record<string, string> = { USD: '1.1600', JPY: '180.50', GBP: '0.8800', CAD: '1.6200', MXN: '21.5000' }): string {
  const cubes = Object.entries(rates).map(([c, r]) => `\t\t\t<Cube currency='${c}' rate='${r}'/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
\t<gesmes:subject>Reference rates</gesmes:subject>
\t<gesmes:Sender>
\t\t<gesmes:name>European Central Bank</gesmes:name>
\t</gesmes:Sender>
\t<Cube>
\t\t<Cube time='${date}'>
${cubes}
\t\t</Cube>
\t</Cube>
</gesmes:Envelope>
`;
}

/** A Banxico SIE API answer for series SF43718 (FIX), invented figures. */
export function banxicoJson(datos: { fecha: string; dato: string }[] = [{ fecha: '01/12/2026', dato: '18.4000' }]): string {
  return JSON.stringify({
    bmx: {
      series: [{ idSerie: 'SF43718', titulo: 'Tipo de cambio Pesos por dólar E.U.A. Tipo de cambio para solventar obligaciones denominadas en moneda extranjera Fecha de determinación (FIX)', datos }],
    },
  });
}

/** A fawazahmed0 currency-api EUR answer for `date` (invented figures, the project's layout: lowercase codes, JSON numbers, crypto mixed in). */
export function marketJson(date = '2026-12-01', eur: Record<string, number> = { eur: 1, usd: 1.161, mxn: 21.52, clp: 1105.25, ars: 1790.5, pen: 3.91, btc: 0.0000118 }): string {
  return JSON.stringify({ date, eur });
}

export type Mode = 'good' | 'older' | 'garbage' | 'truncated' | 'slow' | 'error' | 'no-figure';

type Feed = 'ecb' | 'banxico' | 'market';

/** A local feed server on 127.0.0.1: /ecb, /banxico and /market answer according to `modes`. */
export async function startFeedServer(): Promise<{ url: string; modes: Record<Feed, Mode>; hits: Record<Feed, number>; close(): Promise<void> }> {
  const modes: Record<Feed, Mode> = { ecb: 'good', banxico: 'good', market: 'good' };
  const hits: Record<Feed, number> = { ecb: 0, banxico: 0, market: 0 };
  const server: Server = createServer((req, res) => {
    const feed: Feed = req.url?.startsWith('/ecb') ? 'ecb' : req.url?.startsWith('/market') ? 'market' : 'banxico';
    hits[feed]++;
    const mode = modes[feed];
    if (feed === 'banxico' && req.headers['bmx-token'] !== 'test-token') {
      res.writeHead(401).end('{"error":{"mensaje":"Token inválido"}}');
      return;
    }
    if (mode === 'slow') return; // never answers: the client's timeout must fire
    if (mode === 'error') {
      res.writeHead(503, 'Service Unavailable').end('down for maintenance');
      return;
    }
    if (mode === 'garbage') {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><body>Bad gateway</body></html>');
      return;
    }
    const body = feed === 'ecb'
      ? (mode === 'older' ? ecbXml('2026-11-20') : ecbXml())
      : feed === 'market'
        ? (mode === 'older' ? marketJson('2026-11-20') : marketJson())
        : mode === 'no-figure' ? banxicoJson([{ fecha: '01/12/2026', dato: 'N/E' }]) : mode === 'older' ? banxicoJson([{ fecha: '20/11/2026', dato: '17.0000' }]) : banxicoJson();
    res.writeHead(200, { 'Content-Type': feed === 'ecb' ? 'text/xml' : 'application/json' });
    res.end(mode === 'truncated' ? body.slice(0, Math.floor(body.length / 2)) : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    modes,
    hits,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
