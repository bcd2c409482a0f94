// Splits a lesson's rendered HTML into slides, at build time. Pure string work, no DOM, so it is
// unit-tested on its own (tests/unit/deck/slides.test.ts).
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

import { attr, hasClass, scan, textOf, topLevel, type Node } from './html';

export { attr, scan, textOf, topLevel } from './html';

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
  /** The author's <SlideFace> blocks written in this part, each on its own. */
  points: string[];
  /** Tables, timelines and figures lifted out of the depth blocks, each in its depth's wrapper. */
  visuals: string;
  /** The depth blocks without their visuals: the prose, which the notes carry. */
  prose: string;
  /** The part's <Notes>. */
  notes: string;
}

const emptyPart = (): Part => ({ face: '', points: [], visuals: '', prose: '', notes: '' });

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
      current.points.push(node.inner.trim());
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
    const parts = section.parts.filter((p, i) => i === 0 || p.points.length > 0 || [p.face, p.visuals, p.prose, p.notes].some((v) => v.trim()));
    const shared = parts.map((p) => p.notes).filter(Boolean).join('\n');
    // A <SlideFace> belongs to the section: written at its end, it heads the section's first part.
    // A section split by <SlideBreak /> may give one <SlideFace> per part (in order, all at its end):
    // then each part shows its own, so a continued slide is not left with one automatic line.
    const faces = parts.flatMap((p) => p.points).filter(Boolean);
    const perPart = parts.length > 1 && faces.length === parts.length;
    parts.forEach((part, i) => {
      const heading =
        i === 0
          ? section.heading
          : `<h2 class="slide-continued">${escapeHtml(section.title)} <span class="slide-part">(continued)</span></h2>`;
      const visual = part.face.trim() || part.visuals;
      let points = perPart ? faces[i]! : i === 0 ? faces.join('') : '';
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

