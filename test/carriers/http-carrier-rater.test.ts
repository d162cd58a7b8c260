import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { HttpCarrierRater, type HttpCarrierConfig } from '../../src/carriers/http-carrier-rater';
import { TableCarrierRater } from '../../src/carriers/table-carrier-rater';
import { D } from '../../src/domain/money';
import { exampleBody, testApp, testSnapshot } from '../helpers/http-fixtures';
import { amounts, loadFixture, option, parcel, shipment } from './rate-helpers';

/**
 * A carrier rate endpoint on 127.0.0.1: each test sets what it answers. The
 * table behind the adapter is the tiny-courier fixture: express to US 10001,
 * 1.2 kg 10×10×10 → 1.5 kg 190.00 + fuel 20% 38.00 on 2026-05-04.
 */
type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let handler: Handler = (_req, _body, res) => res.end();
const seen: Array<{ body: unknown; authorization: string | undefined }> = [];
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ body: JSON.parse(body || 'null'), authorization: req.headers.authorization });
      handler(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rate`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen.length = 0;
});

function json(status: number, value: unknown): Handler {
  return (_req, _body, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(typeof value === 'string' ? value : JSON.stringify(value));
  };
}

/** Answers after `ms`, unless the client gave up first. */
function slow(ms: number, then: Handler): Handler {
  return (req, body, res) => {
    const timer = setTimeout(() => then(req, body, res), ms);
    res.on('close', () => clearTimeout(timer));
  };
}

const LIVE = {
  currency: 'MXN',
  priceDate: '2026-05-01',
  services: [
    {
      service: 'express',
      zone: '1',
      chargeableKg: '1.5',
      lines: [
        { code: 'base', amount: '150.00' },
        { code: 'fuel', amount: '27.00' },
      ],
      transitDays: { min: 1, max: 1 },
    },
  ],
};

const table = new TableCarrierRater(loadFixture('tiny-courier.json'));
const sleeps: number[] = [];

function rater(over: Partial<HttpCarrierConfig> = {}, withTable = true): HttpCarrierRater {
  const config: HttpCarrierConfig = {
    id: 'tiny-courier',
    name: 'Tiny Courier',
    url,
    timeoutMs: 300,
    retries: 2,
    backoffMs: 20,
    budgetMs: 1500,
    cutoffLocal: '17:00',
    ...over,
  };
  const recordSleep = (ms: number) => {
    sleeps.push(ms);
    return new Promise<void>((resolve) => setTimeout(resolve, ms));
  };
  return new HttpCarrierRater(config, withTable ? table : undefined, { sleep: recordSleep });
}

beforeEach(() => {
  sleeps.length = 0;
});

describe('HttpCarrierRater: when the endpoint answers well', () => {
  it('then its prices replace the table prices, and the table fills in the cut-off, customs days and duty fees', async () => {
    handler = json(200, LIVE);
    const result = await rater({ token: 's3cret' }).rate(shipment());
    const express = option(result, 'express');
    expect(amounts(express)).toEqual([
      ['base', '150'],
      ['fuel', '27'],
    ]);
    expect(express).toMatchObject({
      carrier: 'tiny-courier',
      status: 'sourced',
      currency: 'MXN',
      zone: '1',
      transitDays: { min: 1, max: 1 },
      cutoffLocal: '17:00',
      dataDate: '2026-05-01',
      serviceName: { es: 'Tiny Exprés', en: 'Tiny Express' },
    });
    expect(express.lines[0]?.name).toEqual({ es: 'Tarifa base', en: 'Base rate' });
    expect(express.dutyFees.map((f) => f.code)).toEqual(['DTP', 'COLLECT']);
    expect(express.notes.map((n) => n.code)).toEqual(['LIVE_RATES']);
    // The table's economy service was not offered live: left out, with the reason.
    expect(result.rejections.map((r) => [r.service, r.code])).toEqual([['economy', 'NOT_OFFERED_LIVE']]);
  });

  it('then the endpoint got the shipment in kg, cm and decimal strings, with the bearer token', async () => {
    handler = json(200, LIVE);
    await rater({ token: 's3cret' }).rate(shipment({ parcels: [parcel(30, 20, '10.5', '1.25')], declaredValue: { amount: new D('700'), currency: 'MXN' } }));
    expect(seen).toEqual([
      {
        authorization: 'Bearer s3cret',
        body: {
          origin: { country: 'MX', postalCode: '64000' },
          destination: { country: 'US', postalCode: '10001' },
          shipDate: '2026-05-04',
          parcels: [{ lengthCm: '30', widthCm: '20', heightCm: '10.5', weightKg: '1.25' }],
          declaredValue: { amount: '700.00', currency: 'MXN' },
          insure: false,
        },
      },
    ]);
  });

  it('then a 503 followed by a good answer costs one retry after the first backoff (20 ms)', async () => {
    let calls = 0;
    handler = (req, body, res) => (++calls === 1 ? json(503, { error: 'busy' }) : json(200, LIVE))(req, body, res);
    const express = option(await rater().rate(shipment()), 'express');
    expect(express.lines[0]?.amount.toFixed()).toBe('150');
    expect(seen).toHaveLength(2);
    expect(sleeps).toEqual([20]);
  });
});

describe('HttpCarrierRater: when the endpoint fails, then the table prices come back with a warning', () => {
  it.each<[string, Handler, number[], string]>([
    ['HTTP 503 every time: 1 + 2 retries, waiting 20 then 40 ms', json(503, { error: 'down' }), [20, 40], 'answered HTTP 503'],
    ['HTTP 429: retried like a 5xx', json(429, { error: 'slow down' }), [20, 40], 'answered HTTP 429'],
    ['HTTP 400: the request is the problem, no retry', json(400, { error: 'bad' }), [], 'answered HTTP 400'],
    ['not JSON: a retry would get the same, no retry', json(200, '<html>oops</html>'), [], 'invalid answer: not JSON'],
    [
      'a number where a decimal string belongs',
      json(200, { ...LIVE, services: [{ ...LIVE.services[0], lines: [{ code: 'base', amount: 150 }] }] }),
      [],
      'invalid answer: services.0.lines.0.amount: expected an amount as a string such as "12.50", got 150',
    ],
    ['no services list', json(200, { currency: 'MXN' }), [], 'invalid answer: services: Invalid input: expected array, received undefined'],
    ['a currency the quote has no rate for', json(200, { ...LIVE, currency: 'CHF' }), [], 'currency CHF has no exchange rate'],
  ])('%s (waits %j ms between attempts)', async (_name, answer, waits, why) => {
    handler = answer;
    const result = await rater().rate(shipment());
    expect(seen).toHaveLength(waits.length + 1);
    expect(sleeps).toEqual(waits);
    const express = option(result, 'express');
    // The table: 1.5 kg → 190.00; fuel 20% × 190 = 38.
    expect(amounts(express)).toEqual([
      ['base', '190'],
      ['fuel', '38'],
    ]);
    expect(express.notes[0]).toEqual({
      code: 'LIVE_RATES_UNAVAILABLE',
      severity: 'warning',
      text: expect.objectContaining({ en: `Live rates from Tiny Courier failed (${why}); its table prices are shown.` }),
    });
    expect(option(result, 'economy').notes[0]?.code).toBe('LIVE_RATES_UNAVAILABLE');
  });

  it('a slow endpoint: each attempt is cut at 100 ms and no wait may run past the 500 ms budget', async () => {
    handler = slow(2000, json(200, LIVE));
    const started = Date.now();
    const result = await rater({ timeoutMs: 100, retries: 3, backoffMs: 100, budgetMs: 500 }).rate(shipment());
    const elapsed = Date.now() - started;
    // Attempt 1 (100 ms), wait 100, attempt 2 (100 ms): at 300 ms or later the next wait of 200 ms would end at or past 500 ms.
    expect(seen).toHaveLength(2);
    expect(sleeps).toEqual([100]);
    expect(elapsed).toBeLessThan(800);
    expect(option(result, 'express').notes[0]?.text.en).toBe('Live rates from Tiny Courier failed (no answer within 100 ms); its table prices are shown.');
  });

  it('nobody listening: a network error, retried, then the table', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/rate`;
    await new Promise((resolve) => closed.close(resolve));
    const result = await rater({ url: deadUrl, retries: 1 }).rate(shipment());
    expect(sleeps).toEqual([20]);
    expect(option(result, 'express').notes[0]?.text.en).toMatch(/^Live rates from Tiny Courier failed \(network error: .+\); its table prices are shown\.$/);
  });
});

describe('HttpCarrierRater: without a table', () => {
  it('when the endpoint fails, then the carrier gives no option and says why', async () => {
    handler = json(500, {});
    const result = await rater({ id: 'live-only', name: 'Live Only', retries: 0 }, false).rate(shipment());
    expect(result).toEqual({
      options: [],
      rejections: [
        {
          carrier: 'live-only',
          service: '*',
          code: 'LIVE_RATES_FAILED',
          reason: { es: 'Live Only: las tarifas en vivo fallaron (respondió HTTP 500).', en: 'Live Only: live rates failed (answered HTTP 500).' },
        },
      ],
    });
  });

  it('when a service comes without transit days, then that service is left out with the reason', async () => {
    handler = json(200, { currency: 'MXN', services: [{ service: 'ground', lines: [{ code: 'base', amount: '99.00' }] }] });
    const result = await rater({ id: 'live-only', name: 'Live Only' }, false).rate(shipment());
    expect(result.options).toEqual([]);
    expect(result.rejections[0]).toMatchObject({ service: 'ground', code: 'LIVE_INCOMPLETE' });
  });

  it('when a service has all it needs, then the configured cut-off and zero customs days are used', async () => {
    handler = json(200, { currency: 'MXN', services: [{ service: 'ground', lines: [{ code: 'base', amount: '99.00' }], transitDays: { min: 3, max: 5 } }] });
    const ground = option(await rater({ id: 'live-only', name: 'Live Only', cutoffLocal: '15:30' }, false).rate(shipment()), 'ground');
    expect(ground).toMatchObject({ cutoffLocal: '15:30', customsDays: { min: 0, max: 0 }, transitDays: { min: 3, max: 5 }, channel: 'courier' });
    // 1.2 kg actual, no chargeable weight in the answer.
    expect(ground.chargeableKg.toFixed()).toBe('1.2');
  });
});

describe('a slow carrier never fails the quote (createApp)', () => {
  it('when the live endpoint hangs, then the answer comes within the carrier timeout, priced from the table with a note', async () => {
    handler = slow(5000, json(200, LIVE));
    const hanging = new HttpCarrierRater(
      { id: 'tiny-courier', name: 'Tiny Courier', url, timeoutMs: 150, retries: 1, backoffMs: 10, budgetMs: 400, cutoffLocal: '17:00' },
      table,
    );
    const liveOnly = new HttpCarrierRater({ id: 'live-only', name: 'Live Only', url, timeoutMs: 150, retries: 0, backoffMs: 10, budgetMs: 400, cutoffLocal: '17:00' });
    const snapshot = testSnapshot([hanging, liveOnly]);
    const res = await request(testApp({ data: () => snapshot, carrierTimeoutMs: 3000 })).post('/quote').send(exampleBody());
    expect(res.status).toBe(200);
    // The adapter answered from its table within its 400 ms budget: the quote's 3000 ms timeout never fired.
    expect(res.body.notes.map((n: { code: string }) => n.code)).not.toContain('CARRIER_UNAVAILABLE:tiny-courier/*');
    const options = res.body.options as Array<{ carrier: string; service: string; noteIds: string[] }>;
    expect(options.map((o) => `${o.carrier}/${o.service}`).sort()).toEqual(['tiny-courier/economy', 'tiny-courier/express']);
    const optionNotes = res.body.optionNotes as Record<string, { code: string }>;
    for (const o of options) expect(o.noteIds.map((id) => optionNotes[id]?.code)).toContain('LIVE_RATES_UNAVAILABLE');
    expect(res.body.notes.map((n: { code: string }) => n.code)).toContain('CARRIER_UNAVAILABLE:live-only/*');
  });
});
