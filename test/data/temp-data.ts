import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** A private copy of tariffs/, carriers/ and data/fx/: tests never touch the real folders. */
export interface TempData {
  root: string;
  tariffsDir: string;
  carriersDir: string;
  fxSnapshot: string;
  fxOfficial: string;
  fxMarket: string;
  read(rel: string): string;
  /** Write in place (truncate + write), as most editors do. */
  write(rel: string, text: string): void;
  /** Write a temp file and rename it over the original, as vim, JetBrains and atomic writers do. */
  writeByRename(rel: string, text: string): void;
  cleanup(): void;
}

export function copyData(): TempData {
  const root = mkdtempSync(join(tmpdir(), 'frontera-data-'));
  for (const dir of ['tariffs', 'carriers', join('data', 'fx')]) cpSync(join(ROOT, dir), join(root, dir), { recursive: true });
  return {
    root,
    tariffsDir: join(root, 'tariffs'),
    carriersDir: join(root, 'carriers'),
    fxSnapshot: join(root, 'data', 'fx', 'eurofxref-daily.csv'),
    fxOfficial: join(root, 'data', 'fx', 'official-eur-rates-2026-09-28_to_2026-10-08.csv'),
    fxMarket: join(root, 'data', 'fx', 'fawazahmed0-currency-api-2026-09-29.csv'),
    read: (rel) => readFileSync(join(root, rel), 'utf8'),
    write: (rel, text) => writeFileSync(join(root, rel), text),
    writeByRename: (rel, text) => {
      const tmp = join(root, `${rel}.tmp-${process.pid}`);
      writeFileSync(tmp, text);
      renameSync(tmp, join(root, rel));
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/**
 * The DE VAT standard rate of the national period in force on 2026-07-01 set to `rate`, and the
 * source that rate cites reviewed on `reviewed` (tariffs/DE.json is a member of the EU customs union:
 * it holds only national rules such as its VAT).
 */
export function withDeVat(text: string, rate: string, reviewed: string): string {
  const json = JSON.parse(text) as {
    sources: Record<string, { reviewed: string }>;
    periods: { effectiveFrom: string; effectiveTo?: string; taxes: { code: string; rate: string; source: string }[] }[];
  };
  const period = json.periods.find((p) => p.effectiveFrom <= '2026-07-01' && (p.effectiveTo === undefined || p.effectiveTo >= '2026-07-01'));
  const vat = period?.taxes.find((t) => t.code === 'VAT');
  const source = vat ? json.sources[vat.source] : undefined;
  if (!vat || !source) throw new Error('DE.json no longer has a VAT in force on 2026-07-01 citing one of its own sources');
  vat.rate = rate;
  source.reviewed = reviewed;
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** A quote to Berlin: 2 T-shirts at 350.00 MXN, DHL Express, shipped 2026-11-26. */
export function deQuoteBody(): Record<string, unknown> {
  return {
    origin: { country: 'MX', postalCode: '64000' },
    destination: { country: 'DE', postalCode: '10115' },
    currency: 'EUR',
    incoterm: 'DDP',
    shipDate: '2026-11-26',
    items: [{ description: 'Cotton T-shirt', hsCode: '6109.10', originCountry: 'MX', quantity: 2, unitPrice: { amount: '350.00', currency: 'MXN' }, unitWeight: { value: 0.2, unit: 'kg' } }],
    carriers: ['dhl-express'],
  };
}

/** Poll until `check` holds (file watchers are asynchronous); fails with `what` after `ms`. */
export async function eventually(what: string, check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for: ${what}`);
}
