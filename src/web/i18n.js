/* global document, fetch */
/**
 * The page's strings in Spanish and English (i18n.json, the same file the
 * server uses to render the first paint), and the helpers that apply them.
 * Elements carry `data-i18n="key"` (text) or `data-i18n-aria-label` /
 * `data-i18n-placeholder` (attributes).
 */

const state = { locale: 'en', strings: { es: {}, en: {} } };

export async function loadStrings() {
  const res = await fetch('/i18n.json', { headers: { Accept: 'application/json' } });
  state.strings = await res.json();
}

export function locale() {
  return state.locale;
}

export function setLocale(next) {
  state.locale = next === 'es' ? 'es' : 'en';
  document.documentElement.lang = state.locale;
}

/** The string for `key` with `{name}` placeholders filled; the key itself if missing, so a gap shows. */
export function t(key, vars = {}) {
  const text = state.strings[state.locale]?.[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

export function hasKey(key) {
  return key in (state.strings[state.locale] ?? {});
}

/** Translate every marked element under `root` (the document, or a freshly cloned row). */
export function applyTranslations(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  if (root === document) document.title = t('page.title');
}
