// A small HTML reader for the rendered lesson (build time): enough for Astro's output (quoted
// attributes may hold ">"). Used by slides.ts to split a lesson into slides.

export interface Token {
  kind: 'open' | 'close' | 'text' | 'comment';
  /** Lower-case tag name ('' for text and comments). */
  name: string;
  start: number;
  end: number;
  /** The attribute source of an open tag. */
  attrs: string;
  /** An open tag that has no content: a void element or one written with "/>". */
  empty: boolean;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW = new Set(['script', 'style', 'textarea', 'title']);
const TAG = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;

export function* scan(html: string): Generator<Token> {
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      yield { kind: 'text', name: '', start: i, end: html.length, attrs: '', empty: true };
      return;
    }
    if (lt > i) yield { kind: 'text', name: '', start: i, end: lt, attrs: '', empty: true };
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      const end = close === -1 ? html.length : close + 3;
      yield { kind: 'comment', name: '', start: lt, end, attrs: '', empty: true };
      i = end;
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(html);
    if (!m) {
      // A stray "<" in text.
      yield { kind: 'text', name: '', start: lt, end: lt + 1, attrs: '', empty: true };
      i = lt + 1;
      continue;
    }
    const name = m[2].toLowerCase();
    const end = lt + m[0].length;
    if (m[1]) {
      yield { kind: 'close', name, start: lt, end, attrs: '', empty: true };
      i = end;
      continue;
    }
    const empty = VOID.has(name) || m[4] === '/';
    yield { kind: 'open', name, start: lt, end, attrs: m[3], empty };
    i = end;
    if (!empty && RAW.has(name)) {
      // Raw text: skip to the matching end tag without reading "<" inside as tags.
      const closeAt = html.toLowerCase().indexOf(`</${name}`, i);
      const stop = closeAt === -1 ? html.length : closeAt;
      if (stop > i) yield { kind: 'text', name: '', start: i, end: stop, attrs: '', empty: true };
      i = stop;
    }
  }
}

/** The value of an attribute in an open tag's attribute source, or null. */
export function attr(attrs: string, name: string): string | null {
  const re = new RegExp(`(?:^|\\s)${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+)))?(?=\\s|$)`, 'i');
  const m = re.exec(attrs);
  if (!m) return null;
  return m[1] ?? m[2] ?? m[3] ?? '';
}

export interface Node {
  name: string;
  attrs: string;
  html: string;
  /** The element's inner HTML. */
  inner: string;
}

/** The top-level nodes of a fragment of HTML (text and comments become name ''). */
export function topLevel(html: string): Node[] {
  const nodes: Node[] = [];
  let depth = 0;
  let open: { name: string; attrs: string; start: number; innerStart: number } | null = null;
  for (const t of scan(html)) {
    if (depth === 0) {
      if (t.kind === 'open' && !t.empty) {
        open = { name: t.name, attrs: t.attrs, start: t.start, innerStart: t.end };
        depth = 1;
      } else if (t.kind === 'open') {
        nodes.push({ name: t.name, attrs: t.attrs, html: html.slice(t.start, t.end), inner: '' });
      } else if (t.kind !== 'close') {
        nodes.push({ name: '', attrs: '', html: html.slice(t.start, t.end), inner: '' });
      }
      continue;
    }
    if (t.kind === 'open' && !t.empty) depth++;
    else if (t.kind === 'close') {
      depth--;
      if (depth === 0 && open) {
        nodes.push({ name: open.name, attrs: open.attrs, html: html.slice(open.start, t.end), inner: html.slice(open.innerStart, t.start) });
        open = null;
      }
    }
  }
  // An element left open at the end (malformed input) keeps its text.
  if (open) nodes.push({ name: open.name, attrs: open.attrs, html: html.slice(open.start), inner: html.slice(open.innerStart) });
  return nodes;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The text of some HTML: tags dropped, entities decoded, white space collapsed. */
export function textOf(html: string): string {
  let out = '';
  for (const t of scan(html)) if (t.kind === 'text') out += html.slice(t.start, t.end);
  return out
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
      if (code[0] === '#') {
        const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        return Number.isFinite(n) ? String.fromCodePoint(n) : whole;
      }
      return ENTITIES[code.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

export const hasClass = (attrs: string, cls: string) => (attr(attrs, 'class') ?? '').split(/\s+/).includes(cls);
