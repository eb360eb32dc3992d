/**
 * gsn2x's text markup to gsnc's. gsn2x draws `*text*` bold and `_text_` italic (an emphasis
 * opens after a separator and closes before one), and lines starting with `* ` or `- ` as
 * bullets; gsnc writes `**bold**`, `*italic*` and `- ` bullets (grammar/README.md). Links
 * (`[label](url)`) are the same in both. Anything that is not gsn2x markup stays as written.
 */

/** Converts one element text. */
export function convertMarkup(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const bullet = /^(\s*)\* /.exec(line);
      const body = bullet ? `${bullet[1]}- ${line.slice(bullet[0].length)}` : line;
      return convertEmphasis(body);
    })
    .join('\n');
}

/** A separator ends or starts an emphasis: whitespace or ASCII punctuation other than * and _. */
function isSeparator(ch: string | undefined): boolean {
  if (ch === undefined) return true;
  if (/\s/.test(ch)) return true;
  return /[!-/:-@[-`{-~]/.test(ch) && ch !== '*' && ch !== '_';
}

/**
 * gsn2x's emphasis scan (dirgraphsvg/util/markdown.rs, parse_markdown_text): walk the `*` and
 * `_` in order; one opens where it starts the text or follows a separator, and the next of the
 * same character that ends the text or precedes a separator closes it.
 */
function convertEmphasis(input: string): string {
  if (input.indexOf('*') < 0 && input.indexOf('_') < 0) return input;
  let out = '';
  let last = 0;
  let open: { ch: string; at: number } | null = null;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (ch !== '*' && ch !== '_') continue;
    if (open) {
      if (ch === open.ch && isSeparator(input[i + 1]) && i > open.at + 1) {
        const inner = input.slice(open.at + 1, i);
        const marker = ch === '*' ? '**' : '*';
        out += input.slice(last, open.at) + marker + inner + marker;
        last = i + 1;
        open = null;
      }
    } else if (i === 0 || isSeparator(input[i - 1])) {
      open = { ch, at: i };
    }
  }
  return out + input.slice(last);
}
