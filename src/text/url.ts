/**
 * The URL allow-list, shared by `@url` checking, markup links and the SVG writer: http, https,
 * mailto, or a relative reference. Decided on the URL as a browser would read it, so
 * `JaVaScRiPt:`, `java\tscript:` and leading control characters cannot slip through.
 */
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

export function isAllowedUrl(url: string): boolean {
  // Browsers drop leading/trailing C0 controls and spaces, and ignore tab/newline anywhere.
  // eslint-disable-next-line no-control-regex
  const seen = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(seen)) return false;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(seen);
  if (scheme) return ALLOWED_SCHEMES.has(scheme[1]!.toLowerCase());
  // No scheme: relative, unless a colon before any '/', '?' or '#' makes it look like one.
  const firstDelimiter = seen.search(/[/?#]/);
  const colon = seen.indexOf(':');
  return colon === -1 || (firstDelimiter !== -1 && firstDelimiter < colon);
}
