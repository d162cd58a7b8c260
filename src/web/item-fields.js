/**
 * Item fields that depend on the HS code. Some destinations charge duty
 * per litre of a drink (and per litre of pure alcohol for spirits): the
 * volume of each unit is asked for every drink of chapter 22 and every
 * juice of heading 2009, the strength for beer, wine and spirits (headings
 * 2203 to 2208). Hidden fields are disabled, so they are never sent.
 */

/** An HS code as the API takes it: 6 to 10 digits, dots and spaces allowed ("6109.10"). */
export function isHsCode(text) {
  return /^\d{6,10}$/.test(String(text ?? '').replace(/[.\s]/g, ''));
}

function digitsOf(text) {
  const digits = String(text ?? '').replace(/[.\s]/g, '');
  return /^\d{4,10}$/.test(digits) ? digits : undefined;
}

export function needsVolume(hsCode) {
  const d = digitsOf(hsCode);
  return d !== undefined && (d.startsWith('22') || d.startsWith('2009'));
}

export function needsStrength(hsCode) {
  const d = digitsOf(hsCode);
  if (d === undefined) return false;
  const heading = Number(d.slice(0, 4));
  return heading >= 2203 && heading <= 2208;
}

function show(row, kind, visible) {
  for (const box of row.querySelectorAll(`[data-needs="${kind}"]`)) {
    box.hidden = !visible;
    for (const control of box.querySelectorAll('input, select')) control.disabled = !visible;
  }
}

/**
 * Show the volume and strength fields of an item row when its HS code needs
 * them. `force` (the API asked for the volume) keeps the volume shown for
 * as long as the row keeps that HS code.
 */
export function updateItemFields(row, force = false) {
  const code = row.querySelector('[data-field="hsCode"]').value.trim();
  if (force) row.dataset.volumeAskedFor = code;
  const asked = row.dataset.volumeAskedFor === code;
  show(row, 'volume', asked || needsVolume(code));
  show(row, 'strength', needsStrength(code));
}
