// Baseline for `npm run bench`: a bare Express 5 app with express.json() and
// one route answering a stored /quote answer of the same workload (the bench
// asks the service for them first and passes the file in BENCH_ECHO_ANSWERS).
// Same framework, same parser, the same answer bytes serialised with
// res.json, none of Frontera's work: the ratio measures the engine's cost,
// not the answer's size.
const express = require('express');
const { readFileSync } = require('node:fs');

/** { varied: [answer, …], same: [answer] }: real answers, cycled through per workload. */
const answers = process.env.BENCH_ECHO_ANSWERS ? JSON.parse(readFileSync(process.env.BENCH_ECHO_ANSWERS, 'utf8')) : {};
const next = {};

const app = express();
app.use(express.json({ limit: '1mb' }));
app.post('/quote', (req, res) => {
  const workload = req.get('x-bench-workload') ?? '';
  const pool = answers[workload];
  if (!pool || pool.length === 0) {
    res.json({ ok: true, items: Array.isArray(req.body.items) ? req.body.items.length : 0 });
    return;
  }
  const i = (next[workload] = ((next[workload] ?? -1) + 1) % pool.length);
  res.json(pool[i]);
});
const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => {
  process.send?.({ ready: true });
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
