import { join } from 'node:path';
import { engineFigures } from './engine-bench';

/** `npm run bench:engine`: only the in-process engine figures (no servers). */
engineFigures(join(__dirname, '..')).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
