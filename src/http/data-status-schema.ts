import { z } from 'zod';

/**
 * `GET /data/status` answer, for the OpenAPI document; a test checks the
 * route's real answer against it, so it cannot drift from DataStore.status().
 */
const problemSchema = z.strictObject({
  file: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  path: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});

const fileStatusSchema = z.strictObject({
  file: z.string().describe('e.g. tariffs/DE.json, tariffs/unions/EU.json'),
  kind: z.enum(['tariff', 'union', 'carrier']),
  id: z.string().optional().describe('Country (tariffs), customs union id (unions) or carrier id of the version being served'),
  version: z.string().optional().describe('sha256 of the text being served'),
  periods: z.array(z.strictObject({ effectiveFrom: z.string(), effectiveTo: z.string().optional() })).optional(),
  members: z.array(z.string()).optional().describe('A customs union\'s member states'),
  customsUnion: z.string().optional().describe('The customs union a member file takes its common rules from'),
  loadedAt: z.string().optional(),
  checkedAt: z.string(),
  result: z.enum(['loaded', 'rejected', 'missing']),
  rejected: z.strictObject({ version: z.string(), at: z.string(), errors: z.array(problemSchema) }).optional().describe('The edit that was turned down, while it is on disk'),
});

const feedStatusSchema = z.strictObject({
  feed: z.string(),
  url: z.string(),
  refreshMinutes: z.number(),
  rateDate: z.string().optional(),
  lastSuccessAt: z.string().optional(),
  lastAttemptAt: z.string().optional(),
  lastError: z.string().optional(),
});

export const dataStatusSchema = z.strictObject({
  files: z.array(fileStatusSchema),
  exchangeRates: z.strictObject({ asOf: z.string(), source: z.string(), feeds: z.array(feedStatusSchema).optional() }),
});
