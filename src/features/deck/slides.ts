// Splits a lesson's rendered HTML into slides, at build time. Pure string work, no DOM, so it is
// unit-tested on its own (tests/unit/slides.test.ts).
//
// The lesson is rendered with the slide components map (slide-components.ts), which
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
  /** The speaker notes (HTML): the part's prose (both depths), then its <Notes>. A part without
   *  prose or notes of its own shares its section's <Notes>. */
  notes: string;
  /** How the face was made: an author's <SlideFace>, a visual (table, timeline, diagram) alone,
   *  or key points taken automatically from the section's plain-language sentences. */
  face: 'authored' | 'visual' | 'automatic';
  /** Words of the face's headline and key points (citations and visuals not counted). */
  words: number;
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
  /** Top-level nodes that stay on the face as they are (the diagram). */
  face: string;
  /** The author's <SlideFace> content. */
  points: string;
  /** Tables, timelines and figures lifted out of the depth blocks, each in its depth's wrapper. */
  visuals: string;
  /** The depth blocks without their visuals: the prose, which the notes carry. */
  prose: string;
  /** The part's <Notes>. */
  notes: string;
}

const emptyPart = (): Part => ({ face: '', points: '', visuals: '', prose: '', notes: '' });

/** A table (wrapped for scrolling or not), a timeline or a figure: shown on the face. */
const isVisual = (n: Node) =>
  n.name === 'table' || n.name === 'figure' || (n.name === 'ol' && hasClass(n.attrs, 'timeline')) || (n.name === 'div' && hasClass(n.attrs, 'table-wrap'));

const CITE = /<sup class="cite"[^>]*>[\s\S]*?<\/sup>/g;
/** A citation with the space before it, so that taking it out leaves "hours." and not "hours ." */
const SPACED_CITE = new RegExp(`\\s*${CITE.source}`, 'g');

/** Words a projected face shows: citations (the small [n] marks) do not count. */
export function faceWords(html: string): number {
  // Block tags separate words ("…weeks</li><li>One…"); textOf drops tags without a space.
  const spaced = html.replace(CITE, ' ').replace(/<\/?(?:h[1-6]|p|li|ul|ol|div|br|td|th|tr)\b[^>]*>/gi, ' $& ');
  return textOf(spaced).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** The most words a slide face may hold (headline and key points). */
export const FACE_WORDS = 45;

/**
 * Key points when the author wrote no <SlideFace>: the first sentence of each plain-language
 * paragraph, as long as headline and points stay within FACE_WORDS, followed by the block's
 * citations (withSources gathers them into the footer line).
 */
export function automaticPoints(headline: string, prose: string): string {
  const plain = topLevel(prose).find((n) => n.name === 'div' && hasClass(n.attrs, 'depth-plain'));
  if (!plain) return '';
  let words = faceWords(headline);
  const points: string[] = [];
  for (const node of topLevel(plain.inner)) {
    if (node.name !== 'p' || points.length === 5) continue;
    const sentence = /^.*?[.!?](?=\s|$)/.exec(textOf(node.inner.replace(SPACED_CITE, '')))?.[0] ?? '';
    const n = faceWords(escapeHtml(sentence));
    if (!n || words + n > FACE_WORDS) continue;
    words += n;
    points.push(`<li>${escapeHtml(sentence)}</li>`);
  }
  if (!points.length) return '';
  return `<ul>${points.join('')}</ul>${[...new Set(plain.inner.match(CITE) ?? [])].join('')}`;
}

/** Key points without their citations, and the citations as one small footer line. */
export function withSources(points: string): { points: string; sources: string } {
  const cites = [...new Set(points.match(CITE) ?? [])];
  const body = points.replace(SPACED_CITE, '');
  const sources = cites.length ? `<p class="slide-sources"><span class="slide-sources-label">Sources</span> ${cites.join(' ')}</p>` : '';
  return { points: body ? `<div class="slide-points">${body}</div>` : '', sources };
}

/** Sorts a depth block's children: visuals for the face, the rest (prose) for the notes. */
function sortDepth(node: Node, part: Part) {
  const open = node.html.slice(0, node.html.length - node.inner.length - '</div>'.length);
  let visuals = '';
  let prose = '';
  for (const child of topLevel(node.inner)) {
    if (isVisual(child)) visuals += child.html;
    else prose += child.html;
  }
  if (visuals) part.visuals += `${open}${visuals}</div>`;
  if (prose.trim()) part.prose += `${open}${prose}</div>`;
}

/** Splits the lesson body (rendered with the slide components) into its introduction and slides. */
export function splitSlides(html: string): SplitLesson {
  const intro = emptyPart();
  const sections: Array<{ title: string; anchor: string; heading: string; parts: Part[] }> = [];
  let current: Part = intro;
  for (const node of topLevel(html)) {
    if (node.name === 'h2') {
      current = emptyPart();
      sections.push({ title: textOf(node.inner), anchor: attr(node.attrs, 'id') ?? '', heading: node.html, parts: [current] });
    } else if (node.name === 'hr' && attr(node.attrs, 'data-slide-break') !== null) {
      const section = sections[sections.length - 1];
      // A break before any heading has nothing to continue: the introduction just goes on.
      if (!section) continue;
      current = emptyPart();
      section.parts.push(current);
    } else if (attr(node.attrs, 'data-slide-notes') !== null) {
      current.notes += node.inner.trim();
    } else if (attr(node.attrs, 'data-slide-face') !== null) {
      current.points += node.inner.trim();
    } else if (node.name === 'div' && hasClass(node.attrs, 'depth')) {
      if (current === intro) current.prose += node.html;
      else sortDepth(node, current);
    } else {
      current.face += node.html;
    }
  }
  const slides: Slide[] = [];
  for (const section of sections) {
    // A break at the very end of a section leaves an empty part: drop it.
    const parts = section.parts.filter((p, i) => i === 0 || Object.values(p).some((v) => v.trim()));
    const shared = parts.map((p) => p.notes).filter(Boolean).join('\n');
    // A <SlideFace> belongs to the section: written at its end, it heads the section's first part.
    const authored = parts.map((p) => p.points).filter(Boolean).join('');
    parts.forEach((part, i) => {
      const heading =
        i === 0
          ? section.heading
          : `<h2 class="slide-continued">${escapeHtml(section.title)} <span class="slide-part">(continued)</span></h2>`;
      const visual = part.face.trim() || part.visuals;
      let points = i === 0 ? authored : '';
      let face: Slide['face'] = points ? 'authored' : 'visual';
      if (!points && !visual) {
        points = automaticPoints(heading, part.prose);
        face = 'automatic';
      }
      // Points, then the visual, then the citations of the points as the footer line.
      const lifted = withSources(points);
      const { html: body, count } = numberFragments(lifted.points + part.face + part.visuals + lifted.sources);
      const own = part.prose.trim() || part.notes.trim();
      slides.push({
        title: section.title,
        anchor: section.anchor,
        part: i + 1,
        parts: parts.length,
        html: heading + body,
        notes: own ? part.prose + part.notes : shared,
        face,
        words: faceWords(heading + points),
        fragments: count,
        stepperSteps: stepperSteps(part.face),
      });
    });
  }
  return { intro: { html: intro.prose.trim() + intro.face.trim(), notes: intro.notes }, slides };
}

/** Throws, naming the lesson and section, when a face holds more than FACE_WORDS words. */
export function assertFaceLengths(file: string, slides: Slide[]): void {
  const long = slides.filter((s) => s.words > FACE_WORDS);
  if (long.length) {
    const list = long.map((s) => `section "${slideLabel(s)}" has ${s.words} words`).join('; ');
    throw new Error(`${file}: a slide face holds at most ${FACE_WORDS} words (headline and key points): ${list}. Shorten its <SlideFace>.`);
  }
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

// ── Check-your-understanding slides ──────────────────────────────────────────────────────────

/** A quiz bank question as a projected slide shows it. */
export interface DeckQuestion {
  id: string;
  number: number;
  of: number;
  prompt: string;
  /** The choices, in the bank's order (lettered A, B, …); none for true/false. */
  options: string[];
  /** "B. Usual treatments …", "True", or "A and C". */
  answer: string;
  explanation: string;
}

interface BankChoice {
  id: string;
  text: string;
  explanation: string;
}
type BankQuestion =
  | { id: string; type: 'truefalse'; prompt: string; answer: boolean; explanation: string }
  | { id: string; type: 'single'; prompt: string; options: BankChoice[]; answer: string }
  | { id: string; type: 'multiple'; prompt: string; options: BankChoice[]; answer: string[] }
  | { id: string; type: 'ordering' | 'matching'; prompt: string };

const letter = (i: number) => String.fromCharCode(65 + i);

/**
 * Two or three questions of the lesson's bank for the end of the deck: the kinds a class can
 * answer aloud (true/false, one or several choices), spread over the bank (first, middle, last),
 * so they cover the lesson rather than its first section.
 */
export function checkQuestions(bank: readonly BankQuestion[], count = 3): DeckQuestion[] {
  const usable = bank.filter((q) => q.type === 'truefalse' || q.type === 'single' || q.type === 'multiple');
  const n = Math.min(count, usable.length);
  if (n < 2) return [];
  const picked = Array.from({ length: n }, (_, i) => usable[Math.round((i * (usable.length - 1)) / (n - 1))]);
  return picked.map((q, i) => {
    const base = { id: q.id, number: i + 1, of: n, prompt: q.prompt };
    if (q.type === 'truefalse') return { ...base, options: [], answer: q.answer ? 'True' : 'False', explanation: q.explanation };
    if (q.type === 'single') {
      const at = q.options.findIndex((o) => o.id === q.answer);
      const right = q.options[at];
      return { ...base, options: q.options.map((o) => o.text), answer: `${letter(at)}. ${right.text}`, explanation: right.explanation };
    }
    const q2 = q as Extract<BankQuestion, { type: 'multiple' }>;
    const right = q2.options.map((o, j) => ({ o, j })).filter(({ o }) => q2.answer.includes(o.id));
    const letters = right.map(({ j }) => letter(j));
    const answer = letters.length > 1 ? `${letters.slice(0, -1).join(', ')} and ${letters[letters.length - 1]}` : letters[0];
    // One explanation is enough to say why; the others are in the quiz and the notes.
    return { ...base, options: q2.options.map((o) => o.text), answer, explanation: right[0].o.explanation };
  });
}

// ── The deck: title slide, the sections' slides, then the check-your-understanding part ─────

export interface DeckSlide {
  kind: 'title' | 'objectives' | 'section' | 'divider' | 'question';
  /** The name in the overview, the window title and the live region. */
  label: string;
  /** A section's face (HTML split from the lesson); empty for the slides drawn by components. */
  html: string;
  /** Speaker notes (HTML). */
  notes: string;
  fragments: number;
  stepperSteps: number;
  /** The reading view's anchor, for the first slide of a section. */
  anchor: string;
  lead?: string;
  question?: DeckQuestion;
  /** The lesson's objectives, on the title slide or, when they are long, on a slide of their own. */
  objectives?: string[];
}

/**
 * Whether the objectives fit on the title slide under the title and above the crisis line: at
 * most 8 lines of about 66 characters at 28 px on the 1280×720 canvas (measured: 9 lines run
 * into the crisis line). Longer lists get a slide of their own after the title.
 */
export function objectivesFitTitle(objectives: readonly string[]): boolean {
  return objectives.reduce((lines, o) => lines + Math.ceil(o.length / 66), 0) <= 8;
}

/** The whole deck of a lesson, in order. */
export function buildDeck(title: string, lesson: SplitLesson, questions: DeckQuestion[], objectives: string[] = []): DeckSlide[] {
  const intro = lesson.intro.html + lesson.intro.notes;
  const base = { html: '', fragments: 0, stepperSteps: 0, anchor: '' };
  const together = objectivesFitTitle(objectives);
  const deck: DeckSlide[] = [{ ...base, kind: 'title', label: title, notes: intro, objectives: together ? objectives : [] }];
  if (!together) {
    deck.push({
      ...base,
      kind: 'objectives',
      label: 'In this lesson you will',
      notes: '<p>The lesson’s objectives: what the class will be able to do by the end.</p>',
      objectives,
    });
  }
  for (const s of lesson.slides) {
    deck.push({
      kind: 'section',
      label: slideLabel(s),
      html: s.html,
      notes: s.notes,
      fragments: s.fragments,
      stepperSteps: s.stepperSteps,
      anchor: s.part === 1 ? s.anchor : '',
    });
  }
  if (questions.length) {
    deck.push({
      ...base,
      kind: 'divider',
      label: 'Check your understanding',
      lead: `${questions.length === 2 ? 'Two' : 'Three'} questions from this lesson. Think of your answer before it shows.`,
      notes: '<p>Ask each question aloud and give the class a moment before you show the answer (next). Nothing is scored or kept.</p>',
    });
    for (const q of questions) {
      deck.push({
        ...base,
        kind: 'question',
        label: `Question ${q.number} of ${q.of}`,
        fragments: 1,
        notes: `<p><strong>Answer: ${escapeHtml(q.answer)}</strong></p><p>${escapeHtml(q.explanation)}</p>`,
        question: q,
      });
    }
  }
  return deck;
}
