/* global document, fetch, AbortController, Event, URLSearchParams, setTimeout, clearTimeout */
import { locale, t } from './i18n.js';

/**
 * HS code suggestions on an item's HS code field, as an ARIA 1.2 combobox
 * with a list box: typing a product name or the start of a code asks
 * `GET /hs/search`; Arrow keys move through the options, Enter picks one,
 * Escape closes the list. Picking fills the code and, when it is empty, the
 * description.
 */
const DEBOUNCE_MS = 150;

export function attachHsCombobox(input, { description }) {
  const listbox = document.getElementById(input.getAttribute('aria-controls'));
  const status = document.getElementById('hs-status');
  let options = [];
  let active = -1;
  let timer;
  let inflight;

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
    input.value = s.code;
    if (description && description.value.trim() === '' && s.lang === locale()) description.value = s.label;
    close();
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };

  const render = (suggestions) => {
    listbox.replaceChildren();
    options = suggestions.map((s, i) => {
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
    status.textContent = t('hs.count', { count: options.length });
  };

  const search = (query) => {
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
        const url = `/hs/search?${new URLSearchParams({ q, locale: locale(), limit: '8' })}`;
        const res = await fetch(url, { signal: inflight.signal, headers: { Accept: 'application/json' } });
        if (!res.ok) {
          close();
          return;
        }
        const body = await res.json();
        if (document.activeElement === input) render(body.results);
      } catch (err) {
        if (err.name !== 'AbortError') close();
      }
    }, DEBOUNCE_MS);
  };

  input.addEventListener('input', () => search(input.value));
  // An empty code field with a description: suggest from the description.
  input.addEventListener('focus', () => {
    if (input.value.trim() === '' && description?.value.trim()) search(description.value);
  });
  input.addEventListener('blur', () => {
    clearTimeout(timer);
    close();
  });
  input.addEventListener('keydown', (e) => {
    const open = !listbox.hidden && options.length > 0;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (open) setActive((active + 1) % options.length);
      else search(input.value || description?.value || '');
    } else if (e.key === 'ArrowUp' && open) {
      e.preventDefault();
      setActive(active <= 0 ? options.length - 1 : active - 1);
    } else if (e.key === 'Enter' && open && active >= 0) {
      e.preventDefault();
      pick(active);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      close();
    }
  });
}
