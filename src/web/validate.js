import { applySuggestion, fetchSuggestions } from './hs-combobox.js';
import { foldForCompare } from './format.js';
import { isHsCode } from './item-fields.js';
import { parseAmount } from './amount.js';
import { t } from './i18n.js';

/**
 * What the form checks itself before it sends a quote, with messages in the
 * page's language next to the field: a missing price, quantity or HS code
 * ("required"), an amount it cannot read, and a product name left in the
 * HS code field. The API checks everything again.
 */

const AMOUNT_ERRORS = { required: 'form.required.price', invalid: 'form.invalid.amount', tooLong: 'form.tooLong.amount' };

function itemRows(form) {
  return [...form.querySelectorAll('#item-rows > .item-row')];
}

function field(row, name) {
  return row.querySelector(`[data-field="${name}"]`);
}

/**
 * A product name typed in the HS code field becomes the code of the
 * suggestion it names: the only suggestion, or the one whose name is
 * exactly what was typed. Anything else stays and is reported.
 */
async function resolveHsText(row) {
  const input = field(row, 'hsCode');
  const text = input.value.trim();
  let suggestions;
  try {
    suggestions = await fetchSuggestions(text);
  } catch {
    return false;
  }
  const exact = suggestions.filter((s) => foldForCompare(s.label) === foldForCompare(text));
  const chosen = suggestions.length === 1 ? suggestions[0] : exact.length === 1 ? exact[0] : undefined;
  if (!chosen) return false;
  applySuggestion(input, field(row, 'description'), chosen);
  return true;
}

async function checkHsCode(row, path, errors) {
  const text = field(row, 'hsCode').value.trim();
  if (text === '') errors.push({ path: `${path}.hsCode`, message: t('form.required.hsCode') });
  else if (!isHsCode(text) && !(await resolveHsText(row))) errors.push({ path: `${path}.hsCode`, message: t('form.hsText', { text }) });
}

/** The form's own errors as `{ path, message }`, in the shape of the API's `errors`; empty when it may be sent. */
export async function checkForm(form) {
  const errors = [];
  for (const row of itemRows(form)) {
    const path = row.dataset.path;
    await checkHsCode(row, path, errors);
    if (field(row, 'quantity').value.trim() === '') errors.push({ path: `${path}.quantity`, message: t('form.required.quantity') });
    const amount = parseAmount(field(row, 'unitPrice.amount').value);
    if (amount.error) errors.push({ path: `${path}.unitPrice.amount`, message: t(AMOUNT_ERRORS[amount.error]) });
  }
  return errors;
}
