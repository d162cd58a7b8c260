// Baseline for `npm run bench`: a bare Express 5 app with express.json() and
// one route answering a small JSON document. Same framework, same parser,
// none of Frontera's work, so the ratio isolates the engine's cost.
const express = require('express');

const app = express();
app.use(express.json({ limit: '1mb' }));
app.post('/quote', (req, res) => {
  res.json({ ok: true, items: Array.isArray(req.body.items) ? req.body.items.length : 0 });
});
const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => {
  process.send?.({ ready: true });
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
