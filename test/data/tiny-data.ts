import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { tariffJson } from '../helpers/engine-fixtures';

const REPO = join(__dirname, '..', '..');

/** The engine fixture tariff (US, open period from 2020-01-01, MFN 610910 at 10 %) as a file text. */
export function tinyTariffText(over: Record<string, unknown> = {}, period: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ $schema: './schema.json', ...tariffJson(over, period) }, null, 2)}\n`;
}

export const TINY_COURIER = readFileSync(join(REPO, 'test', 'fixtures', 'carriers', 'tiny-courier.json'), 'utf8');

/** A temp folder with tariffs/US.json and carriers/tiny-courier.json. */
export function tinyFolders() {
  const root = mkdtempSync(join(tmpdir(), 'frontera-store-'));
  const tariffsDir = join(root, 'tariffs');
  const carriersDir = join(root, 'carriers');
  mkdirSync(tariffsDir);
  mkdirSync(carriersDir);
  writeFileSync(join(tariffsDir, 'US.json'), tinyTariffText());
  writeFileSync(join(carriersDir, 'tiny-courier.json'), TINY_COURIER);
  return {
    root,
    tariffsDir,
    carriersDir,
    write: (rel: string, text: string) => writeFileSync(join(root, rel), text),
    remove: (rel: string) => unlinkSync(join(root, rel)),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** A pino logger whose lines land in `lines` (parsed). */
export function captureLogger() {
  const lines: { level: number; msg: string; [k: string]: unknown }[] = [];
  const logger = pino({ level: 'debug' }, { write: (s: string) => lines.push(JSON.parse(s)) });
  return { logger, lines };
}
