import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEditorSchemas, renderSchema, SCHEMA_FILES } from '../../src/cli/generate-schemas';
import { isDataFileName } from '../../src/data/check-data-file';

const ROOT = join(__dirname, '..', '..');

describe('editor JSON Schemas (tariffs/schema.json, tariffs/unions/schema.json, carriers/schema.json)', () => {
  const generated = buildEditorSchemas();

  it.each(['tariffs', 'unions', 'carriers'] as const)('when the zod schema is turned into JSON Schema, then it equals the committed %s/schema.json (else run npm run schema:generate)', (key) => {
    const committed = readFileSync(join(ROOT, SCHEMA_FILES[key]), 'utf8');
    expect(committed).toBe(renderSchema(generated[key]));
  });

  it('when an editor reads the tariff schema, then decimals are strings with a pattern and countries an enum it can complete', () => {
    const t = generated.tariffs as { properties: Record<string, { enum?: string[]; pattern?: string }>; $schema: string };
    expect(t.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(t.properties.country?.enum).toContain('MX');
    expect(t.properties.country?.enum).toContain('DE');
    expect(t.properties.currency?.enum).toContain('EUR');
    const text = JSON.stringify(generated.tariffs);
    // io: "input": what a person types ("19"), not what the loader makes of it (a Decimal).
    expect(text).toContain('"pattern":"^\\\\d+(\\\\.\\\\d+)?$"');
  });

  const dataFiles = (['tariff', 'union', 'carrier'] as const).flatMap((kind) => {
    const dir = { tariff: 'tariffs', union: 'tariffs/unions', carrier: 'carriers' }[kind];
    return readdirSync(join(ROOT, dir)).filter((n) => isDataFileName(kind, n)).map((n) => [dir, n]);
  });

  it.each(dataFiles)('when %s/%s is opened in an editor, then its first key names ./schema.json', (dir, name) => {
    const json = JSON.parse(readFileSync(join(ROOT, dir, name), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(json)[0]).toBe('$schema');
    expect(json.$schema).toBe('./schema.json');
  });
});
