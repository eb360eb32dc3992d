/**
 * The payload corpus of issue 7 ("Inert SVG"), shared by the security suites: markup breakouts,
 * comment and CDATA terminators, entity tricks, control characters, bidi overrides, zero-width
 * characters, lone surrogates, and URL schemes that must never become links.
 */

/** Text payloads without inline markup (no `*`, backquote, `[`, leading `- `), so the drawn text is the payload. */
export const TEXT_PAYLOADS: readonly string[] = [
  '</text><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "'><img src=x onerror=alert(1)>",
  '<svg/onload=alert(1)>',
  '<foreignObject><body onload=alert(1)></body></foreignObject>',
  '<a href="javascript:alert(1)">x</a>',
  '<style>@import "http://evil/x.css";</style>',
  '</style><script>alert(1)</script>',
  '-->',
  '<!-- comment -->',
  '--!>',
  ']]>',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<?xml-stylesheet href="evil.xsl"?>',
  '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&amp;lt;',
  '&#x6a;avascript:alert(1)',
  '&#106;&#97;vascript:alert(1)',
  '&#0; &#xD800; &#x1b;',
  '&',
  '"\'<>&',
  'url(javascript:alert(1)) expression(alert(1))',
  '{}();:\\ @import',
  'NUL\u0000BEL\u0007BS\u0008',
  'ESC\u001b[31mred\u001b[0m OSC\u001b]0;title\u0007',
  'CSI\u009b31m C1\u0085',
  'VT\u000bFF\u000c',
  'DEL\u007f',
  'RLO\u202egnp.exe',
  'LRE\u202a PDF\u202c LRI\u2066 PDI\u2069 RLI\u2067 FSI\u2068',
  'ALM\u061c LRM\u200e RLM\u200f',
  'zero\u200bwidth\u200cnon\u200djoiner\u2060word',
  'BOM\ufeffinside',
  'lone high \ud800 x',
  'lone low \udc00 x',
  'pair \ud83d\ude00 ok',
  'nonchars \ufffe\uffff',
  'line\nbreak',
  'tab\there',
  'U+2028\u2028U+2029\u2029',
  'replacement \ufffd char',
  'ＪＡＶＡＳＣＲＩＰＴ：alert(1)',
];

/** The characters gsnc must flag (GSN306) and draw as U+FFFD. */
// eslint-disable-next-line no-control-regex
export const SUSPICIOUS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** URLs that must never become links: GSN208 as @url, no <a> as a markup link. */
export const BAD_URLS: readonly string[] = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'JAVASCRIPT:alert(1)',
  'jAvAsCrIpT:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\rscript:alert(1)',
  'java\u0000script:alert(1)',
  '\u0001javascript:alert(1)',
  '\u0000javascript:alert(1)',
  ' \u0000 javascript:alert(1)',
  '\u001fjavascript:alert(1)',
  '   javascript:alert(1)',
  'javascript:alert(1)\u0000',
  '\u00a0javascript:alert(1)',
  '\ufeffjavascript:alert(1)',
  '\u202ejavascript:alert(1)',
  'javascript:/*http://x*/alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'file:///etc/passwd',
  'FILE://c:/windows/win.ini',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'livescript:alert(1)',
  'blob:https://x/1',
  'ftp://example.org/x',
  'jar:file:///x!/y',
  'x:alert(1)',
  'http:',
].filter((url) => url !== 'http:');

/**
 * Entity-encoded schemes: nobody decodes them (gsnc writes `&` as `&amp;`), so each is the
 * literal text, a harmless relative reference. They may be links; the href must decode to the
 * text itself, never to a `javascript:` URL.
 */
export const ENTITY_URLS: readonly string[] = [
  '&#106;avascript:alert(1)',
  '&#x6a;avascript:alert(1)',
  '&#X6A;avascript:alert(1)',
  'javascript&colon;alert(1)',
  'jav&#x09;ascript:alert(1)',
  'jav&Tab;ascript:alert(1)',
  '&#0000106&#0000097vascript:alert(1)',
];

export const GOOD_URLS: readonly string[] = [
  'https://example.org/report.pdf',
  'HTTPS://EXAMPLE.ORG/',
  'http://example.org/a?b=1&c=2#d',
  'mailto:safety@example.org',
  'docs/evidence.html',
  './x.html',
  '../up.pdf',
  '/abs/path',
  '#fragment',
  '?query=1',
  'a/b:c',
  'https://example.org/"><script>alert(1)</script>',
  'https://example.org/]]>-->',
];
