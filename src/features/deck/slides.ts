// A lesson's slides, assembled at build time from the pieces its compile made: the lesson's MDX
// tree is split into slides by src/integrations/deck-plan.mjs (a Sätteri plugin), which says what
// each slide is (the lesson's frontmatter `deck`) and wraps each face and its notes in a
// <DeckPiece>; the deck view renders the pieces (DeckPiece.astro) and this file puts them together.
// Nothing here reads HTML.

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
   *  or key points taken automatically from the section's plain-language sentences ('empty': none
   *  of these, which the build refuses). */
  face: 'authored' | 'visual' | 'automatic' | 'empty';
  /** Words of the face's headline and key points (citations and visuals not counted). */
  words: number;
  /** Steps inside the slide: the longest fragment list. */
  fragments: number;
  /** The stepper's number of steps (the diagram), or 0. */
  stepperSteps: number;
}

/** What the compile says about one slide (deck-plan.mjs); the HTML comes from its pieces. */
export type PlannedSlide = Omit<Slide, 'html' | 'notes' | 'stepperSteps'> & {
  /** It shows the diagram. */
  stepper: boolean;
  /** A part without prose or notes of its own: the slides whose <Notes> it shows. */
  shares: number[];
};

export interface SplitLesson {
  /** What comes before the first heading (the lesson's introduction) and its notes. */
  intro: { html: string; notes: string };
  slides: Slide[];
}

/** A deck view's rendered pieces: by piece name (`intro`, `3-face`, `3-notes`, `3-said`), each with its order. */
export type Pieces = ReadonlyMap<string, ReadonlyArray<readonly [number, string]>>;

/** A piece's HTML, its parts in order. */
function joined(pieces: Pieces, at: string): string {
  return [...(pieces.get(at) ?? [])]
    .sort((a, b) => a[0] - b[0])
    .map(([, html]) => html)
    .join('\n');
}

/**
 * The lesson's slides from the compile's plan and the rendered pieces; `steps` is the diagram's
 * number of steps, for the slides that show it. Notes: the part's prose, then its <Notes>.
 */
export function assembleSlides(plan: readonly PlannedSlide[], pieces: Pieces, steps: number): SplitLesson {
  const slides = plan.map(({ stepper, shares, ...slide }, i) => ({
    ...slide,
    html: joined(pieces, `${i}-face`),
    notes: shares.length
      ? shares.map((k) => joined(pieces, `${k}-said`)).filter(Boolean).join('\n')
      : [joined(pieces, `${i}-notes`), joined(pieces, `${i}-said`)].filter(Boolean).join('\n'),
    stepperSteps: stepper ? steps : 0,
  }));
  return { intro: { html: joined(pieces, 'intro'), notes: '' }, slides };
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

