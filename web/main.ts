/**
 * The gsnc playground: an editor with highlighting, the live diagram, clickable diagnostics, an
 * example picker, a theme picker and SVG/PNG downloads. The compiler is the library itself,
 * bundled for the browser (scripts/build-web.mjs), so the SVG is the same as `gsnc build`'s.
 */
import EXAMPLES from 'gsnc:examples';
import GRAMMAR from 'gsnc:grammar';
import { THEMES, compile, type Diagnostic, type ThemeName } from '../src/index.js';
import { Highlighter, escapeHtml, highlightHtml, type Grammar } from './highlight.js';

/** Quiet time after the last keystroke before compiling. */
const COMPILE_DELAY_MS = 250;
/** The name diagnostics use for the editor's text. */
const FILE = 'case.gsn';
/** PNG pixels per SVG unit. */
const PNG_SCALE = 2;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const editor = $<HTMLTextAreaElement>('editor');
const highlight = $<HTMLElement>('highlight');
const diagram = $<HTMLElement>('diagram');
const diagnosticsList = $<HTMLUListElement>('diagnostics');
const status = $<HTMLElement>('status');
const examplePicker = $<HTMLSelectElement>('example');
const themePicker = $<HTMLSelectElement>('theme');
const downloadSvg = $<HTMLButtonElement>('download-svg');
const downloadPng = $<HTMLButtonElement>('download-png');
const fit = $<HTMLInputElement>('fit');

let highlighter: Highlighter | null = null;
try {
  highlighter = GRAMMAR ? new Highlighter(GRAMMAR as Grammar) : null;
} catch {
  highlighter = null;
}

/** The diagram now shown (the last one that compiled), for downloads. */
let lastSvg: string | null = null;
let compileTimer: ReturnType<typeof setTimeout> | undefined;
/** Every compile gets a number; a result that is not the newest is dropped. */
let generation = 0;
let currentTheme: ThemeName = 'default';

function renderHighlight(): void {
  // A trailing newline needs a character after it, or the overlay is a line short.
  highlight.innerHTML = `${highlightHtml(highlighter, editor.value)}\n `;
  syncScroll();
}

function syncScroll(): void {
  highlight.scrollTop = editor.scrollTop;
  highlight.scrollLeft = editor.scrollLeft;
}

function scheduleCompile(): void {
  clearTimeout(compileTimer);
  status.textContent = 'typing…';
  status.dataset.state = 'pending';
  compileTimer = setTimeout(() => void runCompile(), COMPILE_DELAY_MS);
}

async function runCompile(): Promise<void> {
  const mine = ++generation;
  const text = editor.value;
  status.textContent = 'compiling…';
  status.dataset.state = 'pending';
  const started = performance.now();
  const result = await compile(text, { file: FILE, theme: currentTheme });
  if (mine !== generation) return;
  const ms = Math.round(performance.now() - started);
  showDiagnostics(result.diagnostics);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
  if (result.svg !== null) {
    lastSvg = result.svg;
    // The renderer's output is inert by construction (an allow-list of elements and
    // attributes, escaped text, checked link URLs), so it can be inlined.
    diagram.innerHTML = result.svg;
    diagram.classList.remove('stale');
  } else {
    diagram.classList.toggle('stale', lastSvg !== null);
  }
  downloadSvg.disabled = downloadPng.disabled = lastSvg === null;
  const counts = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  status.textContent = result.svg !== null ? `compiled in ${ms} ms · ${counts}` : `${counts} · showing the last good diagram`;
  status.dataset.state = result.svg !== null ? 'ok' : 'error';
}

function showDiagnostics(diagnostics: Diagnostic[]): void {
  diagnosticsList.replaceChildren();
  for (const d of diagnostics) {
    const item = document.createElement('li');
    item.className = `diagnostic ${d.severity}`;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'position';
    button.textContent = `${d.line}:${d.column}`;
    button.title = `Go to line ${d.line}, column ${d.column}`;
    button.dataset.line = String(d.line);
    button.dataset.column = String(d.column);
    button.addEventListener('click', () => goTo(d));
    const message = document.createElement('span');
    message.className = 'message';
    message.innerHTML = `<span class="severity">${escapeHtml(d.severity)}</span> <span class="diag-code">${escapeHtml(d.code)}</span> ${escapeHtml(d.message)}`;
    item.append(button, message);
    diagnosticsList.append(item);
  }
  diagnosticsList.hidden = diagnostics.length === 0;
}

/** UTF-16 offset of a 1-based line and column (the units diagnostics count in). */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  const lineEnd = text.indexOf('\n', offset);
  return Math.min(offset + column - 1, lineEnd < 0 ? text.length : lineEnd);
}

function goTo(d: Diagnostic): void {
  const text = editor.value;
  const start = offsetOf(text, d.line, d.column);
  const end = Math.max(start, offsetOf(text, d.endLine, d.endColumn));
  editor.focus();
  editor.setSelectionRange(start, end);
  // Scroll the line into view: the textarea does not always do it for a programmatic selection.
  const lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 18;
  const top = (d.line - 1) * lineHeight;
  if (top < editor.scrollTop || top > editor.scrollTop + editor.clientHeight - lineHeight * 2) {
    editor.scrollTop = Math.max(0, top - editor.clientHeight / 3);
  }
  syncScroll();
}

function setText(text: string): void {
  editor.value = text;
  editor.setSelectionRange(0, 0);
  editor.scrollTop = 0;
  renderHighlight();
  clearTimeout(compileTimer);
  void runCompile();
}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function baseName(): string {
  const chosen = examplePicker.value;
  return chosen ? chosen.replace(/\.gsn$/, '') : 'case';
}

/** PNG: the SVG drawn as an image onto a canvas at PNG_SCALE pixels per unit. */
async function svgToPng(svg: string): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the browser could not draw the SVG'));
      image.src = url;
    });
    const width = Math.max(1, Math.ceil(image.naturalWidth * PNG_SCALE));
    const height = Math.max(1, Math.ceil(image.naturalHeight * PNG_SCALE));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas in this browser');
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas could not make a PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

// --- wiring ---

for (const example of EXAMPLES) {
  const option = document.createElement('option');
  option.value = example.name;
  option.textContent = example.name;
  examplePicker.append(option);
}
for (const theme of THEMES) {
  const option = document.createElement('option');
  option.value = theme;
  option.textContent = theme;
  themePicker.append(option);
}

editor.addEventListener('input', () => {
  renderHighlight();
  scheduleCompile();
});
editor.addEventListener('scroll', syncScroll);
fit.addEventListener('change', () => diagram.classList.toggle('fit', fit.checked));
editor.addEventListener('keydown', (event) => {
  // Tab indents (two spaces) instead of leaving the editor; Escape then Tab still leaves it.
  if (event.key !== 'Tab' || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) return;
  event.preventDefault();
  document.execCommand('insertText', false, '  ');
});
examplePicker.addEventListener('change', () => {
  const example = EXAMPLES.find((e) => e.name === examplePicker.value);
  if (example) setText(example.text);
});
themePicker.addEventListener('change', () => {
  currentTheme = THEMES.find((t) => t === themePicker.value) ?? 'default';
  document.body.dataset.theme = currentTheme;
  clearTimeout(compileTimer);
  void runCompile();
});
downloadSvg.addEventListener('click', () => {
  if (lastSvg) save(new Blob([lastSvg], { type: 'image/svg+xml' }), `${baseName()}.svg`);
});
downloadPng.addEventListener('click', () => {
  if (!lastSvg) return;
  svgToPng(lastSvg).then(
    (png) => save(png, `${baseName()}.png`),
    (error: unknown) => {
      status.textContent = `PNG failed: ${error instanceof Error ? error.message : String(error)}`;
      status.dataset.state = 'error';
    },
  );
});

// For tests and the console: the same compile() the page uses.
(window as unknown as { gsncPlayground: unknown }).gsncPlayground = {
  compile,
  examples: EXAMPLES,
  setText,
  svgToPng: async (svg: string) => new Uint8Array(await (await svgToPng(svg)).arrayBuffer()),
};

const first = EXAMPLES.find((e) => e.name === 'minimal.gsn') ?? EXAMPLES[0];
if (first) examplePicker.value = first.name;
setText(first?.text ?? '');
