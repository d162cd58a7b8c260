/* global document, CustomEvent */
import { applyTranslations } from './i18n.js';

/**
 * Repeating rows (items, parcels) cloned from a <template>. Every control
 * carries `data-field` ("unitPrice.amount"); renumbering gives it its id,
 * its name and its API path ("items.1.unitPrice.amount") and ties its label,
 * hint and suggestion list to it, so labels and error messages stay right
 * after a row is removed.
 */
export class RowList {
  constructor({ container, template, prefix, min, setup }) {
    this.container = container;
    this.template = template;
    this.prefix = prefix;
    this.min = min;
    this.setup = setup;
  }

  rows() {
    return [...this.container.children];
  }

  add() {
    const row = this.template.content.firstElementChild.cloneNode(true);
    this.container.append(row);
    this.renumber();
    applyTranslations(row);
    this.setup(row);
    row.querySelector('[data-remove]').addEventListener('click', () => this.remove(row));
    this.renumber();
    return row;
  }

  remove(row) {
    if (this.rows().length <= this.min) return;
    const next = row.nextElementSibling ?? row.previousElementSibling;
    row.remove();
    this.renumber();
    // Keep the keyboard where the user was: the next row, or the add button when none is left.
    const target = next?.querySelector('input, select') ?? document.getElementById(`add-${this.prefix === 'items' ? 'item' : 'parcel'}`);
    target?.focus();
    this.container.dispatchEvent(new CustomEvent('rows-changed', { bubbles: true }));
  }

  /** Make exactly `n` rows (at least the minimum). */
  resize(n) {
    while (this.rows().length > Math.max(n, this.min)) this.rows().at(-1).remove();
    while (this.rows().length < Math.max(n, this.min)) this.add();
    this.renumber();
  }

  renumber() {
    const rows = this.rows();
    rows.forEach((row, i) => {
      const base = `${this.prefix}-${i}`;
      const idOf = (field) => `${base}-${field.replace(/\./g, '-')}`;
      row.dataset.path = `${this.prefix}.${i}`;
      row.id = base;
      for (const n of row.querySelectorAll('.row-number')) n.textContent = String(i + 1);
      for (const el of row.querySelectorAll('[data-field]')) {
        el.id = idOf(el.dataset.field);
        el.name = `${this.prefix}.${i}.${el.dataset.field}`;
        el.dataset.path = `${this.prefix}.${i}.${el.dataset.pathField ?? el.dataset.field}`;
      }
      for (const label of row.querySelectorAll('label[data-for]')) label.htmlFor = idOf(label.dataset.for);
      for (const hint of row.querySelectorAll('[data-hint-for]')) {
        hint.id = `${idOf(hint.dataset.hintFor)}-hint`;
        row.querySelector(`#${idOf(hint.dataset.hintFor)}`).setAttribute('aria-describedby', hint.id);
      }
      for (const list of row.querySelectorAll('[data-listbox-for]')) {
        list.id = `${idOf(list.dataset.listboxFor)}-listbox`;
        row.querySelector(`#${idOf(list.dataset.listboxFor)}`).setAttribute('aria-controls', list.id);
      }
      row.querySelector('[data-remove]').disabled = rows.length <= this.min;
    });
  }
}
