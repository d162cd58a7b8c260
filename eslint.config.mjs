import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/ (one direction: each folder may import only the folders
 * before it): schema ← domain ← tariffs / carriers / fx / hs ← quote ←
 * data / store ← http / integrations ← cli / server. test/layers.test.ts
 * also fails on any import cycle between files.
 */
const LAYERS = [
  ['schema'],
  ['domain'],
  ['tariffs', 'carriers', 'fx', 'hs'],
  ['quote'],
  ['data', 'store'],
  ['http', 'integrations'],
  ['cli'],
];
const TOP = ['server', 'cluster'];

/** A relative import whose path goes through one of these folders of src/. */
const through = (folders) => `^\\.{1,2}/(?:\\.\\./)*(?:${folders.join('|')})(?:/|$)`;

const layerRules = LAYERS.flatMap((layer, i) => {
  const above = [...LAYERS.slice(i + 1).flat(), ...TOP];
  return layer.map((folder) => {
    const patterns = [{ regex: through(above), message: `src/${folder} may not import a later layer (see the layer list in eslint.config.mjs).` }];
    // Domain keeps only type imports from the tariff schema (duty resolution against a tariff lives in src/tariffs).
    if (folder === 'domain') patterns.push({ regex: through(['tariffs']), allowTypeImports: true, message: 'src/domain may import only types from src/tariffs.' });
    if (folder === 'domain') patterns[0].regex = through(above.filter((f) => f !== 'tariffs'));
    return { files: [`src/${folder}/**/*.ts`], rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] } };
  });
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The benchmark baseline is a plain CommonJS Node script (no build step).
    files: ['bench/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', process: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  ...layerRules,
);
