/** What stands in for credentials and query strings in a URL that is shown or logged. */
const REDACTED = '[redacted]';

/**
 * A URL safe to show in a status page, an answer or a log: user and password
 * (`user:pass@`) and the whole query string (`?apikey=…`, `?token=…`) are
 * replaced by "[redacted]", the fragment dropped; scheme, host, port and path
 * stay, so an operator can still tell which feed or database it is.
 */
export function redactUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return '[unreadable URL]';
  }
  const credentials = u.username !== '' || u.password !== '' ? `${REDACTED}@` : '';
  const query = u.search !== '' ? `?${REDACTED}` : '';
  return `${u.protocol}//${credentials}${u.host}${u.pathname}${query}`;
}

/** URLs with a scheme inside free text (error messages), each as `redactUrl` shows it. */
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>)]+/gi;

/** A sentence with every URL in it redacted: error messages from fetch and drivers quote the URL they were given. */
export function redactUrlsIn(text: string): string {
  return text.replace(URL_IN_TEXT, (url) => {
    // A sentence may end a URL with punctuation that is not part of it.
    const trail = /[.,;:]+$/.exec(url)?.[0] ?? '';
    return redactUrl(url.slice(0, url.length - trail.length)) + trail;
  });
}
