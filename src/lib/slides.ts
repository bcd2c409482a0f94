// Splits a lesson's rendered HTML into slides, at build time. Pure string work, no DOM, so it is
// unit-tested on its own (tests/unit/slides.test.ts).
//
// The lesson is rendered with the slide components map (src/components/slide-components.ts), which
// leaves these marks in the HTML:
//   <h2 …>                                a section starts: a new slide
//   <hr data-slide-break>                 <SlideBreak />: the section continues on a new slide
//   <aside data-slide-notes>…</aside>     <Notes>: the speaker notes of the slide it ends
//   <div data-fragments>…</div>           <Fragments>: the items of its list appear one at a time
//   <ol class="timeline">                 a timeline: its events appear one at a time too
//   data-stepper-steps="8"                a stepper (the synapse diagram) and its number of steps
// Only top-level marks split: an <h2> inside an island or a table never does.

export interface Slide {
  /** The heading's text ("Timeline"); continuation slides repeat it. */
  title: string;
  /** The heading's id (the reading view's anchor), for links like #response-is-not-remission. */
  anchor: string;
  /** 1 for the first slide of a section, 2… for the slides after each <SlideBreak />. */
  part: number;
  /** How many slides the section has. */
  parts: number;
  /** The slide's body HTML, heading included, notes taken out, fragments numbered. */
  html: string;
  /** The speaker notes (HTML). A part without its own notes shares the section's. */
  notes: string;
  /** Steps inside the slide: the longest fragment list. */
  fragments: number;
  /** The stepper's number of steps (the diagram), or 0. */
  stepperSteps: number;
}

export interface SplitLesson {
  /** What comes before the first heading (the lesson's introduction) and its notes. */
  intro: { html: string; notes: string };
  slides: Slide[];
}

// ── A small HTML tag scanner: enough for Astro's output (quoted attributes may hold ">"). ─────

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

const hasClass = (attrs: string, cls: string) => (attr(attrs, 'class') ?? '').split(/\s+/).includes(cls);

interface Node {
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

/**
 * Numbers the items of fragment lists: each top-level <li> of an <ol class="timeline">, and of the
 * first lists inside a [data-fragments] wrapper, gets data-fragment="1", "2", … Returns the HTML and
 * the longest list's length (the slide's number of fragment steps).
 */
export function numberFragments(html: string): { html: string; count: number } {
  interface Open {
    name: string;
    /** For a list: counts its fragment items; -1 when it is not a fragment list. */
    counter: number;
    wrapper: boolean;
  }
  const stack: Open[] = [];
  let out = '';
  let last = 0;
  let count = 0;
  for (const t of scan(html)) {
    if (t.kind === 'open') {
      const parent = stack[stack.length - 1];
      if (t.name === 'li' && parent && parent.counter >= 0) {
        parent.counter++;
        count = Math.max(count, parent.counter);
        out += html.slice(last, t.start) + `<li data-fragment="${parent.counter}"` + html.slice(t.start + 3, t.end);
        last = t.end;
      }
      if (t.empty) continue;
      let counter = -1;
      if (t.name === 'ol' || t.name === 'ul') {
        // The nearest enclosing list or wrapper decides: a list nested in an item is not stepped.
        let insideWrapper = false;
        for (let i = stack.length - 1; i >= 0; i--) {
          if (stack[i].name === 'li' || stack[i].name === 'ol' || stack[i].name === 'ul') break;
          if (stack[i].wrapper) {
            insideWrapper = true;
            break;
          }
        }
        if (insideWrapper || (t.name === 'ol' && hasClass(t.attrs, 'timeline'))) counter = 0;
      }
      stack.push({ name: t.name, counter, wrapper: attr(t.attrs, 'data-fragments') !== null });
    } else if (t.kind === 'close') {
      // Pop to the matching element (tolerates a missing end tag such as </p>).
      for (let i = stack.length - 1; i >= 0; i--) {
        if (stack[i].name === t.name) {
          stack.length = i;
          break;
        }
      }
    }
  }
  return { html: out + html.slice(last), count };
}

/** The largest data-stepper-steps value in some HTML (0 when there is no stepper). */
export function stepperSteps(html: string): number {
  let max = 0;
  for (const m of html.matchAll(/data-stepper-steps\s*=\s*["']?(\d+)/g)) max = Math.max(max, Number(m[1]));
  return max;
}

interface Part {
  html: string;
  notes: string;
}

/** Splits the lesson body (rendered with the slide components) into its introduction and slides. */
export function splitSlides(html: string): SplitLesson {
  const intro: Part = { html: '', notes: '' };
  const sections: Array<{ title: string; anchor: string; heading: string; parts: Part[] }> = [];
  let current: Part = intro;
  for (const node of topLevel(html)) {
    if (node.name === 'h2') {
      current = { html: '', notes: '' };
      sections.push({ title: textOf(node.inner), anchor: attr(node.attrs, 'id') ?? '', heading: node.html, parts: [current] });
    } else if (node.name === 'hr' && attr(node.attrs, 'data-slide-break') !== null) {
      const section = sections[sections.length - 1];
      // A break before any heading has nothing to continue: the introduction just goes on.
      if (!section) continue;
      current = { html: '', notes: '' };
      section.parts.push(current);
    } else if (attr(node.attrs, 'data-slide-notes') !== null) {
      current.notes += node.inner.trim();
    } else {
      current.html += node.html;
    }
  }
  const slides: Slide[] = [];
  for (const section of sections) {
    // A break at the very end of a section leaves an empty part: drop it.
    const parts = section.parts.filter((p, i) => i === 0 || p.html.trim() || p.notes.trim());
    const shared = parts.map((p) => p.notes).filter(Boolean).join('\n');
    parts.forEach((part, i) => {
      const heading =
        i === 0
          ? section.heading
          : `<h2 class="slide-continued">${escapeHtml(section.title)} <span class="slide-part">(continued)</span></h2>`;
      const { html: body, count } = numberFragments(part.html);
      slides.push({
        title: section.title,
        anchor: section.anchor,
        part: i + 1,
        parts: parts.length,
        html: heading + body,
        notes: part.notes || shared,
        fragments: count,
        stepperSteps: stepperSteps(part.html),
      });
    });
  }
  return { intro: { html: intro.html.trim(), notes: intro.notes }, slides };
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** "Timeline" or "Timeline (2 of 2)": how a slide is named in the overview, title and live region. */
export function slideLabel(slide: Pick<Slide, 'title' | 'part' | 'parts'>): string {
  return slide.parts > 1 ? `${slide.title} (${slide.part} of ${slide.parts})` : slide.title;
}

/** "Traynelis 2010" from "Traynelis SF, Wollmuth LP, …" and 2010; organisations keep their name. */
export function shortAuthor(authors: string, year: number): string {
  const first = authors.split(',')[0].trim();
  const person = /^(\S+(?:[ -]\S+)?) [A-Z]{1,3}(?: Jr)?$/.exec(first);
  return `${person ? person[1] : first} ${year}`;
}
