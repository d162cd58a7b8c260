/* global document, fetch */
import { countryName } from './format.js';
import { locale, t } from './i18n.js';

/**
 * Country and currency lists from the server (`GET /countries`: the
 * `country-list` codes and the destinations with a tariff file and their
 * regions; `GET /currencies`: the codes the exchange-rate table quotes),
 * named in the page's language with Intl.DisplayNames.
 */
const data = { countries: [], destinations: [], currencies: [] };

export async function loadOptions() {
  const [countries, currencies] = await Promise.all([
    fetch('/countries', { headers: { Accept: 'application/json' } }).then((r) => r.json()),
    fetch('/currencies', { headers: { Accept: 'application/json' } }).then((r) => r.json()),
  ]);
  data.countries = countries.countries;
  data.destinations = countries.destinations;
  data.currencies = currencies.currencies;
}

/** The currency the answer comes in by default for a destination with a tariff file ("US" → "USD"). */
export function destinationCurrency(country) {
  return data.destinations.find((x) => x.country === country)?.currency;
}

/** The destination's regions (Canadian provinces…) when its taxes depend on them. */
export function regionsOf(country) {
  const d = data.destinations.find((x) => x.country === country);
  return d && d.regions.length > 0 ? d.regions : undefined;
}

function option(value, text) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  return o;
}

/** Choose `value`; one the list does not have (from a shared link) is added, so the API can say what is wrong with it. */
export function chooseOption(select, value) {
  if (!value) return;
  if (![...select.options].some((o) => o.value === value)) select.append(option(value, value));
  select.value = value;
}

function byName(codes, names) {
  const collator = new Intl.Collator(locale());
  return codes.map((code) => ({ code, name: countryName(code, names) })).sort((a, b) => collator.compare(a.name, b.name));
}

export function fillCountrySelect(select) {
  const value = select.value;
  const names = new Intl.DisplayNames([locale()], { type: 'region' });
  select.replaceChildren();
  if (select.dataset.countries === 'destinations') {
    const supported = new Set(data.destinations.map((d) => d.country));
    const top = document.createElement('optgroup');
    top.label = t('countries.supported');
    top.append(...byName([...supported], names).map((c) => option(c.code, c.name)));
    const rest = document.createElement('optgroup');
    rest.label = t('countries.other');
    rest.append(...byName(data.countries.filter((c) => !supported.has(c)), names).map((c) => option(c.code, c.name)));
    select.append(top, rest);
  } else {
    select.append(...byName(data.countries, names).map((c) => option(c.code, c.name)));
  }
  chooseOption(select, value);
}

export function fillCurrencySelect(select) {
  const value = select.value;
  const names = new Intl.DisplayNames([locale()], { type: 'currency' });
  select.replaceChildren();
  if (select.dataset.currencies === 'answer') {
    // "The destination's (USD)": the answer follows the destination unless the user picks a currency.
    const code = destinationCurrency(document.getElementById('destination-country')?.value);
    select.append(option('', code ? t('field.currency.default.with', { code }) : t('field.currency.default')));
  }
  for (const code of data.currencies) select.append(option(code, `${code} · ${countryName(code, names)}`));
  chooseOption(select, value);
}

export function fillRegionSelect(select, regions) {
  const value = select.value;
  select.replaceChildren(option('', t('field.region.choose')));
  for (const r of regions) select.append(option(r.code, `${r.name[locale()]} (${r.code})`));
  chooseOption(select, value);
}

/** Refill every list under `root` in the current language, keeping the chosen values. */
export function fillSelects(root = document) {
  for (const s of root.querySelectorAll('select[data-countries]')) fillCountrySelect(s);
  for (const s of root.querySelectorAll('select[data-currencies]')) fillCurrencySelect(s);
}
