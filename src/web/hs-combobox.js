/* global document, fetch, AbortController, Event, URLSearchParams, setTimeout, clearTimeout */
import { locale, t } from './i18n.js';
import { isHsCode } from './item-fields.js';

/**
 * HS code suggestions on an item's HS code field, as an ARIA 1.2 combobox
 * with a list box: typing a product name or the start of a code asks
 * `GET /hs/search`; Arrow keys move through the options; Enter takes the
 * highlighted suggestion, or the only one (never sends the text as a code);
 * Escape closes the list. Picking a product fills the code and the item's
 * description (unless the user wrote their own). Each suggestion shows the
 * official text and, where the code depends on the material, the note.
 */
const DEBOUNCE_MS = 150;

export async function fetchSuggestions(query, signal) {
  const url = `/hs/search?${new URLSearchParams({ q: query.trim().slice(0, 100), locale: locale(), limit: '8' })}`;
  const res = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  if (!res.ok) return [];
  return (await res.json()).results;
}

/** Put a picked suggestion into the row: the code, and the description unless the user typed one. */
export function applySuggestion(input, description, s) {
  input.value = s.code;
  if (description && (description.value.trim() === '' || description.dataset.autofill === 'true')) {
    description.value = s.label;
    description.dataset.autofill = 'true';
  }
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

function optionElement(listbox, s, i) {
  const li = document.createElement('li');
  li.id = `${listbox.id}-${i}`;
  li.setAttribute('role', 'option');
  li.setAttribute('aria-selected', 'false');
  li.dataset.code = s.code;
  const code = document.createElement('span');
  code.className = 'code';
  code.textContent = s.code;
  const label = document.createElement('span');
  label.className = 'label';
  label.lang = s.lang;
  label.textContent = s.label;
  li.append(code, ' ', label);
  if (s.source === 'curated') {
    const official = document.createElement('span');
    official.className = 'official';
    official.lang = 'en';
    official.textContent = s.official;
    li.append(official);
  }
  if (s.note) {
    const note = document.createElement('span');
    note.className = 'note';
    note.textContent = s.note;
    li.append(note);
  }
  return li;
}

/** One HS code field with its list box; the state of the open list lives here. */
class HsCombobox {
  constructor(input, description) {
    this.input = input;
    this.description = description;
    this.listbox = document.getElementById(input.getAttribute('aria-controls'));
    this.status = document.getElementById('hs-status');
    this.options = [];
    this.active = -1;
    this.timer = undefined;
    this.inflight = undefined;
  }

  isOpen() {
    return !this.listbox.hidden && this.options.length > 0;
  }

  close() {
    this.listbox.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
    this.active = -1;
  }

  setActive(i) {
    this.active = i;
    this.options.forEach((o, k) => o.el.setAttribute('aria-selected', String(k === i)));
    if (i >= 0) {
      this.input.setAttribute('aria-activedescendant', this.options[i].el.id);
      this.options[i].el.scrollIntoView({ block: 'nearest' });
    } else this.input.removeAttribute('aria-activedescendant');
  }

  pick(i) {
    const s = this.options[i]?.suggestion;
    if (!s) return;
    this.close();
    applySuggestion(this.input, this.description, s);
  }

  render(suggestions) {
    this.listbox.replaceChildren();
    this.options = suggestions.map((s, i) => {
      const li = optionElement(this.listbox, s, i);
      // mousedown, not click: the field keeps the focus, so the list is not closed by the blur first.
      li.addEventListener('mousedown', (e) => {
        e.preventDefault();
        this.pick(i);
      });
      this.listbox.append(li);
      return { el: li, suggestion: s };
    });
    this.active = -1;
    if (this.options.length === 0) {
      this.close();
      this.status.textContent = t('hs.none');
      return;
    }
    this.listbox.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    this.status.textContent = t(this.options.length === 1 ? 'hs.one' : 'hs.count', { count: this.options.length });
  }

  search(query, delay = DEBOUNCE_MS) {
    clearTimeout(this.timer);
    const q = query.trim();
    if (q.length < 2) {
      this.close();
      return;
    }
    this.timer = setTimeout(async () => {
      this.inflight?.abort();
      this.inflight = new AbortController();
      try {
        const results = await fetchSuggestions(q, this.inflight.signal);
        if (document.activeElement === this.input) this.render(results);
      } catch (err) {
        if (err.name !== 'AbortError') this.close();
      }
    }, delay);
  }

  /** An empty code field with a description, or a product name left in the field: suggest again. */
  onFocus() {
    const text = this.input.value.trim();
    if (text === '' && this.description?.value.trim()) this.search(this.description.value);
    else if (text !== '' && !isHsCode(text)) this.search(text);
  }

  onKeydown(e) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (this.isOpen()) this.setActive((this.active + 1) % this.options.length);
      else this.search(this.input.value || this.description?.value || '', 0);
    } else if (e.key === 'ArrowUp' && this.isOpen()) {
      e.preventDefault();
      this.setActive(this.active <= 0 ? this.options.length - 1 : this.active - 1);
    } else if (e.key === 'Enter') this.onEnter(e);
    else if (e.key === 'Escape' && this.isOpen()) {
      e.preventDefault();
      this.close();
    }
  }

  /**
   * Enter never submits a product name as a code: it takes the highlighted
   * suggestion or the only one; with several and none highlighted it
   * highlights the first; with the list closed it looks the text up.
   */
  onEnter(e) {
    const text = this.input.value.trim();
    if (this.isOpen()) {
      e.preventDefault();
      if (this.active >= 0) this.pick(this.active);
      else if (this.options.length === 1) this.pick(0);
      else this.setActive(0);
      return;
    }
    if (text !== '' && !isHsCode(text)) {
      e.preventDefault();
      this.search(text, 0);
    }
  }
}

export function attachHsCombobox(input, { description }) {
  const box = new HsCombobox(input, description);
  input.addEventListener('input', () => box.search(input.value));
  // A description the user writes is theirs: picking a product no longer replaces it.
  description?.addEventListener('input', () => delete description.dataset.autofill);
  input.addEventListener('focus', () => box.onFocus());
  input.addEventListener('blur', () => {
    clearTimeout(box.timer);
    box.close();
  });
  input.addEventListener('keydown', (e) => box.onKeydown(e));
}
