import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { getCodes } from 'country-list';
import { Router, type Request, type Response } from 'express';
import { loadHsSearch, type HsSearch } from '../hs/hs-search';
import type { Locale } from '../quote/quote-input';
import type { AppDeps } from './app-deps';
import { problem, sendProblem } from './problem';
import { hsSearchQuerySchemaIn } from './hs-search-query';
import { fieldErrors } from './field-errors';
import { requestLocale } from './request-locale';
import { strongEtag } from './json-answer';

/**
 * The bundled web form (`src/web`, plain files, no build step) and the
 * look-ups it uses: `GET /hs/search`, `GET /countries`, `GET /currencies`.
 * `src/web` is found from both `src/http` (ts-node, jest) and `dist/http`
 * (`npm start`): both sit two levels under the repository root.
 */
export const WEB_DIR = join(__dirname, '..', '..', 'src', 'web');

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * The page runs only its own files: no inline script or style, no CDN, no
 * framing. `style-src 'self'` still lets the script set element styles.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

interface StaticFile {
  body: Buffer;
  type: string;
  etag: string;
}

type Strings = Record<Locale, Record<string, string>>;

function staticFile(body: Buffer | string, type: string): StaticFile {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  return { body: buf, type, etag: strongEtag(buf) };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Marks the language in index.html: the server writes the visitor's language there. */
const HTML_LANG_MARK = '<html lang="en" data-default-locale="en">';

/**
 * index.html in one language: every `data-i18n` element that holds only
 * text gets the string for its key (from the same i18n.json the page
 * uses), so the first paint is already in the visitor's language.
 */
export function renderIndex(template: string, strings: Strings, locale: Locale): string {
  if (!template.includes(HTML_LANG_MARK)) throw new Error(`index.html: expected ${HTML_LANG_MARK}`);
  return template
    .replace(HTML_LANG_MARK, `<html lang="${locale}" data-default-locale="${locale}">`)
    .replace(`<option value="${locale}" lang="${locale}">`, `<option value="${locale}" lang="${locale}" selected>`)
    .replace(/(<([a-z0-9]+)\b[^>]*\sdata-i18n="([^"]+)"[^>]*>)([^<]*)(<\/\2>)/g, (_m, open: string, _tag: string, key: string, text: string, close: string) => {
      const s = strings[locale][key];
      return `${open}${s === undefined ? text : escapeHtml(s)}${close}`;
    });
}

interface WebFiles {
  index: Record<Locale, StaticFile>;
  assets: Map<string, StaticFile>;
}

/**
 * Browser modules the form imports from npm packages, served from
 * node_modules at the version package.json pins (no CDN, no copy to keep
 * in step): currency.js parses and formats the amounts people type.
 */
const VENDOR_MODULES: Record<string, string> = {
  'vendor/currency.js': 'currency.js/dist/currency.es.js',
};

const filesByDir = new Map<string, WebFiles>();

/** Read the form's files once per process: they ship with the code and do not change while it runs. */
function webFiles(dir: string): WebFiles {
  const cached = filesByDir.get(dir);
  if (cached) return cached;
  const assets = new Map<string, StaticFile>();
  for (const name of readdirSync(dir).sort()) {
    const type = CONTENT_TYPES[extname(name)];
    if (type) assets.set(name, staticFile(readFileSync(join(dir, name)), type));
  }
  for (const [name, module] of Object.entries(VENDOR_MODULES)) assets.set(name, staticFile(readFileSync(require.resolve(module)), CONTENT_TYPES['.js']!));
  const strings = JSON.parse(readFileSync(join(dir, 'i18n.json'), 'utf8')) as Strings;
  const template = readFileSync(join(dir, 'index.html'), 'utf8');
  const html = 'text/html; charset=utf-8';
  const files = {
    index: { es: staticFile(renderIndex(template, strings, 'es'), html), en: staticFile(renderIndex(template, strings, 'en'), html) },
    assets,
  };
  filesByDir.set(dir, files);
  return files;
}

/**
 * No fingerprints in the file names (no build step), so every response
 * says `no-cache`: the browser keeps its copy and revalidates it with the
 * ETag, which costs a 304 and never serves a stale app.js after an upgrade.
 */
function sendStatic(req: Request, res: Response, file: StaticFile): void {
  res.set({ 'Content-Type': file.type, 'Cache-Control': 'no-cache', ETag: file.etag, 'X-Content-Type-Options': 'nosniff' });
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  res.send(file.body);
}

function pageLocale(req: Request): Locale {
  const lang = req.query.lang;
  if (lang === 'es' || lang === 'en') return lang;
  return requestLocale(req);
}

export interface WebRouteOptions {
  /**
   * The HS search; default: the bundled data, kept for the life of the
   * process. The server builds it at start (`warmBundledHsSearch`), so no
   * search waits for it; an app built without the server (tests) builds
   * it on its first search instead of paying for it in every app.
   */
  hsSearch?: () => HsSearch;
  /** Where the form's files are; default `src/web`. */
  webDir?: string;
}

let bundledHs: HsSearch | undefined;

/** The search over the bundled HS data, built once per process; the server calls this at start. */
export function warmBundledHsSearch(logger: AppDeps['logger']): HsSearch {
  if (!bundledHs) {
    const started = process.hrtime.bigint();
    bundledHs = loadHsSearch();
    logger.info({ ...bundledHs.counts, ms: Number(process.hrtime.bigint() - started) / 1e6 }, 'HS search index built');
  }
  return bundledHs;
}

export function webRoutes(deps: AppDeps, options: WebRouteOptions = {}): Router {
  const router = Router();
  const files = webFiles(options.webDir ?? WEB_DIR);
  const hs = options.hsSearch ?? (() => warmBundledHsSearch(deps.logger));

  router.get('/', (req, res) => {
    res.set({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Referrer-Policy': 'same-origin',
      Vary: 'Accept-Language',
    });
    sendStatic(req, res, files.index[pageLocale(req)]);
  });
  for (const [name, file] of files.assets) router.get(`/${name}`, (req, res) => sendStatic(req, res, file));

  router.get('/hs/search', (req, res) => {
    // The query's own `locale` when it is valid, else the header's: the 422 speaks the asker's language.
    const asked = req.query.locale === 'es' || req.query.locale === 'en' ? req.query.locale : requestLocale(req);
    const parsed = hsSearchQuerySchemaIn[asked].safeParse(req.query, { reportInput: true });
    if (!parsed.success) {
      const es = asked === 'es';
      const errors = fieldErrors(parsed.error, asked);
      sendProblem(res, problem(422, 'INVALID_QUERY', es ? 'Consulta no válida' : 'Invalid query', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors));
      return;
    }
    const { q, limit } = parsed.data;
    const locale = parsed.data.locale ?? requestLocale(req);
    res.set({ 'Cache-Control': 'public, max-age=3600', Vary: 'Accept-Language' });
    res.json({ query: q, locale, results: hs().search(q, locale, limit ?? 8) });
  });

  router.get('/countries', (_req, res) => {
    // Tariff files may be reloaded while the service runs: read the current snapshot every time.
    const destinations = [...deps.data().tariffs.values()]
      .map((t) => ({
        country: t.file.country,
        currency: t.file.currency,
        regions: Object.entries(t.file.regions ?? {}).map(([code, name]) => ({ code, name })),
      }))
      .sort((a, b) => a.country.localeCompare(b.country));
    res.set('Cache-Control', 'no-cache');
    res.json({ countries: getCodes().sort(), destinations });
  });

  router.get('/currencies', (_req, res) => {
    const rates = deps.data().rates;
    res.set('Cache-Control', 'no-cache');
    res.json({ asOf: rates.asOf, currencies: [rates.base, ...rates.rates.keys()].sort() });
  });

  return router;
}
