// The one-line edit both watch benchmarks make: the text of a goal about half way down the
// generated case gets " (revision n)", a different text for every n, so no rebuild repeats one.
import { generateCase } from './generate.mjs';

export function editedCase(count) {
  const original = generateCase(count);
  const lines = original.split('\n');
  const candidates = lines.map((line, i) => ({ line, i })).filter(({ line }) => /^\s*(undeveloped )?goal G\d+ "/.test(line));
  const target = candidates[candidates.length >> 1] ?? { i: lines.length >> 1 };
  const edit = (n) => {
    const copy = [...lines];
    copy[target.i] = copy[target.i].replace(/"([^"]*)"/, (_, t) => `"${t} (revision ${n})"`);
    return copy.join('\n');
  };
  return { original, edit, editedLine: target.i + 1 };
}
