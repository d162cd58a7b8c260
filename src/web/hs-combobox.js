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

export function attachHsCombobox(input, { description }) {
  const listbox = document.getElementById(input.getAttribute('aria-controls'));
  const status = document.getElementById('hs-status');
  let options = [];
  let active = -1;
  let timer;
  let inflight;

  const isOpen = () => !listbox.hidden && options.length > 0;

  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const setActive = (i) => {
    active = i;
    options.forEach((o, k) => o.el.setAttribute('aria-selected', String(k === i)));
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', options[i].el.id);
      options[i].el.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const pick = (i) => {
    const s = options[i]?.suggestion;
    if (!s) return;
    close();
    applySuggestion(input, description, s);
  };

  const render = (suggestions) => {
    listbox.replaceChildren();
    options = suggestions.map((s, i) => {
      const li = optionElement(listbox, s, i);
      // mousedown, not click: the field keeps the focus, so the list is not closed by the blur first.
      li.addEventListener('mousedown', (e) => {
        e.preventDefault();
        pick(i);
      });
      listbox.append(li);
      return { el: li, suggestion: s };
    });
    active = -1;
    if (options.length === 0) {
      close();
      status.textContent = t('hs.none');
      return;
    }
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    status.textContent = t(options.length === 1 ? 'hs.one' : 'hs.count', { count: options.length });
  };

  const search = (query, delay = DEBOUNCE_MS) => {
    clearTimeout(timer);
    const q = query.trim();
    if (q.length < 2) {
      close();
      return;
    }
    timer = setTimeout(async () => {
      inflight?.abort();
      inflight = new AbortController();
      try {
        const results = await fetchSuggestions(q, inflight.signal);
        if (document.activeElement === input) render(results);
      } catch (err) {
        if (err.name !== 'AbortError') close();
      }
    }, delay);
  };

  input.addEventListener('input', () => search(input.value));
  // A description the user writes is theirs: picking a product no longer replaces it.
  description?.addEventListener('input', () => delete description.dataset.autofill);
  // An empty code field with a description, or a product name left in the field: suggest again.
  input.addEventListener('focus', () => {
    const text = input.value.trim();
    if (text === '' && description?.value.trim()) search(description.value);
    else if (text !== '' && !isHsCode(text)) search(text);
  });
  input.addEventListener('blur', () => {
    clearTimeout(timer);
    close();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (isOpen()) setActive((active + 1) % options.length);
      else search(input.value || description?.value || '', 0);
    } else if (e.key === 'ArrowUp' && isOpen()) {
      e.preventDefault();
      setActive(active <= 0 ? options.length - 1 : active - 1);
    } else if (e.key === 'Enter') onEnter(e);
    else if (e.key === 'Escape' && isOpen()) {
      e.preventDefault();
      close();
    }
  });

  /**
   * Enter never submits a product name as a code: it takes the highlighted
   * suggestion or the only one; with several and none highlighted it
   * highlights the first; with the list closed it looks the text up.
   */
  function onEnter(e) {
    const text = input.value.trim();
    if (isOpen()) {
      e.preventDefault();
      if (active >= 0) pick(active);
      else if (options.length === 1) pick(0);
      else setActive(0);
      return;
    }
    if (text !== '' && !isHsCode(text)) {
      e.preventDefault();
      search(text, 0);
    }
  }
}
