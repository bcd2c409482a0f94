// The deck on the MDX tree: a Sätteri mdast plugin that splits each lesson into slides when it is
// compiled, so the slide views never re-read rendered HTML (issue #12) and each lesson is split
// once per build, not once per view (issue #13).
//
// The lesson's tree keeps its order; the plugin marks what each slide shows and says:
//   <DeckPiece at="3-face" order="0">…</DeckPiece>   in both views: the reading view shows it where it
//                                                    stands; a deck view hands its HTML to the page
//   <DeckExtra at="3-face" order="1">…</DeckExtra>   for the deck views only (a slide's key points and
//                                                    sources, a continued heading, a numbered table copy)
//   <ReadingOnly>…</ReadingOnly>                     for the reading view only (a table the notes leave out)
// (src/mdx/views.ts, src/components/deck/DeckPiece.astro). The page that renders a deck places the
// pieces by slide and order; what the slides are — titles, anchors, face kind, words, fragment steps,
// the diagram — goes into the lesson's frontmatter as `deck` (render(entry).remarkPluginFrontmatter),
// so nothing is parsed from HTML, and the lesson is rendered once per view, as written.
//
// The split (the authoring rules in docs and README):
//   ## heading            a section starts: a new slide
//   <SlideBreak />        the section continues on a new slide
//   <Notes>               the speaker notes of the slide it ends
//   <SlideFace>           the face an author writes (3–6 key points); the section's prose goes to the notes
//   <Plain>/<Clinical>    prose for the notes; their tables, timelines and figures stay on the face
//   <Fragments>, <ol class="timeline">   items that appear one at a time
//   <SynapseDiagram />    the diagram, stepped by the deck
// Without a <SlideFace> or a visual, the face is the first sentence of each plain-language
// paragraph (as many as fit FACE_WORDS). Only top-level nodes split: a heading inside a block never does.
import GithubSlugger from 'github-slugger';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The most words a slide face may hold (headline and key points; citations do not count). */
export const FACE_WORDS = 45;
/** The most automatic key points on a face. */
const MAX_POINTS = 5;

const isJsx = (node, name) => (node?.type === 'mdxJsxFlowElement' || node?.type === 'mdxJsxTextElement') && (name === undefined || node.name === name);
const isCite = (node) => isJsx(node, 'Cite');
const attrOf = (node, name) => node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
const classes = (node) => String(attrOf(node, 'class') ?? attrOf(node, 'className') ?? '').split(/\s+/);
const isDepth = (node) => isJsx(node, 'Plain') || isJsx(node, 'Clinical');
const isTimeline = (node) => isJsx(node, 'ol') && classes(node).includes('timeline');
/** A table, a timeline or a figure: on the face, in its depth block. */
const isVisual = (node) => node.type === 'table' || isJsx(node, 'table') || isJsx(node, 'figure') || isTimeline(node);
/** A node with items that appear one at a time: the deck shows a numbered copy of it. */
const stepped = (node) => isTimeline(node) || isJsx(node, 'Fragments') || (node.children ?? []).some(stepped);
/** Nodes that render nothing: comments, imports and frontmatter. */
const rendersNothing = (node) =>
  node.type === 'mdxFlowExpression' || node.type === 'mdxjsEsm' || node.type === 'yaml' || (node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value));

const PHRASING = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'mdxJsxTextElement', 'tableCell']);

/** The words a reader sees in some nodes, citations left out; blocks are apart, inline runs joined. */
export function textOf(nodes, { cites = false } = {}) {
  let out = '';
  const walk = (node, inline) => {
    if (!cites && isCite(node)) return;
    if (node.type === 'text' || node.type === 'inlineCode') out += node.value;
    else if (node.type === 'break') out += ' ';
    else if (node.children) {
      const joined = inline || PHRASING.has(node.type);
      if (!joined) out += ' ';
      for (const child of node.children) walk(child, joined);
      if (!joined) out += ' ';
    }
  };
  for (const node of nodes) walk(node, false);
  return out.replace(/\s+/g, ' ').trim();
}

export const countWords = (text) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

// Plain copies: the parser's nodes are read lazily, and a copy is made to be changed.
const clone = (node) => JSON.parse(JSON.stringify(node));
const text = (value) => ({ type: 'text', value });
// A null attribute value is a bare attribute (server:root is true).
const jsx = (name, attributes, children, flow = true) => ({
  type: flow ? 'mdxJsxFlowElement' : 'mdxJsxTextElement',
  name,
  attributes: Object.entries(attributes).map(([n, v]) => ({ type: 'mdxJsxAttribute', name: n, value: v })),
  children,
});

/** The citation ids in some nodes, each once, in order. */
function citeIds(nodes, out = []) {
  for (const node of nodes) {
    if (isCite(node)) {
      const id = attrOf(node, 'id');
      if (typeof id === 'string' && !out.includes(id)) out.push(id);
    } else if (node.children) citeIds(node.children, out);
  }
  return out;
}

/** Copies of nodes without their citations, and without the space each leaves behind ("hours." not "hours ."). */
function withoutCites(nodes) {
  const out = [];
  for (const node of nodes) {
    if (isCite(node)) {
      const before = out.at(-1);
      if (before?.type === 'text') {
        before.value = before.value.replace(/\s+$/, '');
        if (!before.value) out.pop();
      }
      continue;
    }
    out.push(node.children ? { ...node, children: withoutCites(node.children) } : { ...node });
  }
  return out;
}

/** The citations of the key points as one small footer line. */
function sourcesLine(ids) {
  const children = [jsx('span', { class: 'slide-sources-label' }, [text('Sources')], false)];
  for (const id of ids) children.push(text(' '), jsx('Cite', { id }, [], false));
  return jsx('p', { class: 'slide-sources' }, children);
}

/**
 * Numbers the items of fragment lists in place: every item of an <ol class="timeline">, and of the
 * lists directly inside a <Fragments> (not lists nested in an item), gets data-fragment="1", "2", …
 * Returns the longest list's length: the slide's number of fragment steps.
 */
function numberFragments(nodes, inWrapper = false) {
  let most = 0;
  for (const node of nodes) {
    const list = node.type === 'list' || isJsx(node, 'ol') || isJsx(node, 'ul');
    if (list && (inWrapper || isTimeline(node))) {
      let n = 0;
      for (const item of node.children ?? []) {
        if (item.type === 'listItem') item.data = { ...item.data, hProperties: { ...item.data?.hProperties, 'data-fragment': String(++n) } };
        else if (isJsx(item, 'li')) item.attributes = [...item.attributes, { type: 'mdxJsxAttribute', name: 'data-fragment', value: String(++n) }];
      }
      most = Math.max(most, n);
    }
    if (node.children) {
      // Inside a list the wrapper no longer decides: a list nested in an item is not stepped.
      const wrapper = isJsx(node, 'Fragments') || (inWrapper && !list && node.type !== 'listItem' && !isJsx(node, 'li'));
      most = Math.max(most, numberFragments(node.children, wrapper));
    }
  }
  return most;
}

/** The first sentence of each plain-language paragraph, while headline and points fit FACE_WORDS. */
function automaticPoints(headlineWords, prose, textContent) {
  const plain = prose.find((n) => isJsx(n, 'Plain'));
  if (!plain) return null;
  let words = headlineWords;
  const points = [];
  for (const node of plain.children ?? []) {
    if (node.type !== 'paragraph' || points.length === MAX_POINTS) continue;
    // A citation leaves no text, only the space before it ("hours ." from "hours <Cite/>.").
    const said = textContent(node).replace(/\s+/g, ' ').replace(/ (?=[.,;:!?)\]])/g, '').trim();
    const sentence = /^.*?[.!?](?=\s|$)/.exec(said)?.[0] ?? '';
    const n = countWords(sentence);
    if (!n || words + n > FACE_WORDS) continue;
    words += n;
    points.push(sentence);
  }
  if (!points.length) return null;
  const list = { type: 'list', ordered: false, spread: false, children: points.map((p) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [text(p)] }] })) };
  return { nodes: [list], cites: citeIds(plain.children ?? []), words: words - headlineWords };
}

/**
 * The ids the reading view gives its top-level headings, in order: Astro's heading-ids slugs every
 * heading's text with github-slugger in document order, so `headings` lists them all, in that order,
 * each with whether it stands at the top level.
 */
export function headingIds(headings) {
  const slugger = new GithubSlugger();
  return headings.flatMap(({ text, top }) => {
    const id = slugger.slug(text);
    return top ? [id] : [];
  });
}

const emptyPart = () => ({ face: [], faces: [], visuals: [], prose: [], notes: [], blocks: [] });

/** Wraps `node` as a piece of slide `at`: where it stands, in both views (`view: 'both'`), or for
 *  the deck views only (`view: 'deck'`). `order` places it among the slide's pieces. */
const piece = (at, order, view = 'both') => jsx(view === 'both' ? 'DeckPiece' : 'DeckExtra', { at, order: String(order), 'server:root': null }, []);

/**
 * The deck of one lesson, from its root's children (read, not changed): what each slide is, and
 * the edits that make the lesson's tree carry it (`ops`, applied by the plugin):
 *   { wrap: node, in: element }        the node inside a wrapper (a piece, or ReadingOnly)
 *   { children: node, to: nodes }      the node's children replaced (a face without its citations)
 *   { append: nodes }                  deck-only pieces made here (headings, automatic points, sources, visuals)
 * In the reading view DeckPiece and ReadingOnly show their content and DeckExtra nothing; in the
 * deck views DeckPiece and DeckExtra hand their HTML to the page and ReadingOnly renders nothing.
 */
export function planDeck(children, { headings = [], textContent = (node) => textOf([node]) } = {}) {
  const ids = headingIds(headings);
  let h2 = 0;
  const intro = emptyPart();
  const sections = [];
  const readingOnly = () => jsx('ReadingOnly', { 'server:root': null }, []);
  const ops = [];
  let current = intro;
  for (const node of children) {
    if (node.type === 'heading' && node.depth === 2) {
      current = emptyPart();
      sections.push({ heading: node, title: textOf(node.children, { cites: true }), anchor: ids[h2++] ?? '', parts: [current] });
    } else if (isJsx(node, 'SlideBreak')) {
      // A break before any heading has nothing to continue: the introduction just goes on.
      if (!sections.length) continue;
      current = emptyPart();
      sections.at(-1).parts.push(current);
    } else if (isJsx(node, 'Notes')) current.notes.push(node);
    else if (isJsx(node, 'SlideFace')) current.faces.push(node);
    else if (isDepth(node)) {
      if (current === intro) current.prose.push(node);
      else {
        const visuals = node.children.filter(isVisual);
        if (visuals.length) current.visuals.push({ ...node, children: visuals });
        // The block goes to the notes without its visuals; a block of visuals only stays out of the deck.
        current.blocks.push({ node, visuals, prose: visuals.length < node.children.length });
      }
    } else if (isJsx(node, 'LessonQuiz') || isJsx(node, 'AskQuestion')) {
      // Interactive parts of the page: a deck view never renders them (nor their islands).
      ops.push({ wrap: node, in: readingOnly() });
    } else if (!rendersNothing(node)) current.face.push(node);
  }

  const extras = [];
  const slides = [];
  // The introduction: its prose, then what else it shows, then its notes (the title slide's notes).
  intro.prose.forEach((n, k) => ops.push({ wrap: n, in: piece('intro', k) }));
  intro.face.forEach((n, k) => ops.push({ wrap: n, in: piece('intro', 1000 + k) }));
  intro.notes.forEach((n, k) => ops.push({ wrap: n, in: piece('intro', 2000 + k, 'deck') }));
  for (const section of sections) {
    // A break at the very end of a section leaves an empty part: drop it.
    const parts = section.parts.filter((p, i) => i === 0 || p.faces.length || p.face.length || p.visuals.length || p.blocks.length || p.notes.length);
    // A <SlideFace> belongs to the section: written at its end, it heads the section's first part.
    // A section split by <SlideBreak /> may give one <SlideFace> per part (in order, all at its end).
    const faces = parts.flatMap((p) => p.faces);
    const perPart = parts.length > 1 && faces.length === parts.length;
    const first = slides.length;
    const sharing = [];
    parts.forEach((part, i) => {
      const index = slides.length;
      const at = (kind) => `${index}-${kind}`;
      let headlineWords;
      if (i === 0) {
        ops.push({ wrap: section.heading, in: piece(at('face'), 0) });
        headlineWords = countWords(section.title);
      } else {
        const title = `${section.title} `;
        extras.push({ ...piece(at('face'), 0, 'deck'), children: [jsx('h2', { class: 'slide-continued' }, [text(title), jsx('span', { class: 'slide-part' }, [text('(continued)')], false)])] });
        headlineWords = countWords(`${title}(continued)`);
      }
      const points = perPart ? [faces[i]] : i === 0 ? faces : [];
      let face = points.length ? 'authored' : 'visual';
      let cites = [];
      let pointWords = 0;
      let fragments = 0;
      // Points first (the <SlideFace>, deck-only), with their citations gathered into the footer line.
      points.forEach((f, k) => {
        pointWords += countWords(textOf(f.children));
        citeIds(f.children, cites);
        const shown = withoutCites(clone(f.children));
        fragments = Math.max(fragments, numberFragments(shown));
        ops.push({ children: f, to: shown }, { wrap: f, in: piece(at('face'), 1 + k / 100, 'deck') });
      });
      if (!points.length && !part.face.length && !part.visuals.length) {
        face = 'automatic';
        const auto = automaticPoints(headlineWords, part.blocks.filter((b) => b.prose).map((b) => b.node), textContent);
        if (auto) {
          extras.push({ ...piece(at('face'), 1, 'deck'), children: [jsx('SlideFace', {}, auto.nodes)] });
          cites = auto.cites;
          pointWords = auto.words;
        } else face = 'empty';
      }
      // Then the visual: what the part shows outside its prose (the diagram) where it stands, then
      // its depth blocks' tables and timelines. What steps is shown as a numbered copy.
      part.face.forEach((n, k) => {
        if (!stepped(n)) return ops.push({ wrap: n, in: piece(at('face'), 10 + k) });
        const copy = clone(n);
        fragments = Math.max(fragments, numberFragments([copy]));
        ops.push({ wrap: n, in: readingOnly() });
        extras.push({ ...piece(at('face'), 10 + k, 'deck'), children: [copy] });
      });
      part.visuals.forEach((v, k) => {
        const copy = clone(v);
        fragments = Math.max(fragments, numberFragments([copy]));
        extras.push({ ...piece(at('face'), 500 + k, 'deck'), children: [copy] });
      });
      if (cites.length) extras.push({ ...piece(at('face'), 900, 'deck'), children: [sourcesLine(cites)] });
      // The notes: the prose of both depths (visuals left out), then the part's <Notes> ("said").
      part.blocks.forEach((b, k) => {
        ops.push({ wrap: b.node, in: b.prose ? piece(at('notes'), k) : readingOnly() });
        for (const v of b.prose ? b.visuals : []) ops.push({ wrap: v, in: readingOnly() });
      });
      part.notes.forEach((n, k) => ops.push({ wrap: n, in: piece(at('said'), k, 'deck') }));
      const own = part.blocks.some((b) => b.prose) || part.notes.length > 0;
      if (!own) sharing.push(index);
      slides.push({
        title: section.title,
        anchor: section.anchor,
        part: i + 1,
        parts: parts.length,
        face,
        words: headlineWords + pointWords,
        fragments,
        stepper: part.face.some((n) => isJsx(n, 'SynapseDiagram')),
        shares: [],
      });
    });
    // A part without prose or notes of its own shows the <Notes> of its section's parts.
    for (const index of sharing) slides[index].shares = parts.map((_, i) => first + i);
  }
  if (extras.length) ops.push({ append: extras });
  return { ops, slides };
}

/** "Timeline" or "Timeline (2 of 2)": how a slide is named in the build's errors. */
const label = (s) => (s.parts > 1 ? `${s.title} (${s.part} of ${s.parts})` : s.title);

/** The build checks: a face a trainer projects stays short, and is never a headline alone (the
 *  errors name the lesson and the section). */
export function assertFaceLengths(file, slides) {
  const long = slides.filter((s) => s.words > FACE_WORDS);
  if (long.length) {
    const list = long.map((s) => `section "${label(s)}" has ${s.words} words`).join('; ');
    throw new Error(`${file}: a slide face holds at most ${FACE_WORDS} words (headline and key points): ${list}. Shorten its <SlideFace>.`);
  }
  const empty = slides.filter((s) => s.face === 'empty');
  if (empty.length) {
    const list = empty.map((s) => `section "${label(s)}"`).join(', ');
    throw new Error(`${file}: ${list} would project its headline alone (no <SlideFace>, no table or diagram, no plain-language paragraph to take key points from). Write a <SlideFace> for it.`);
  }
}

export const deckSlides = () => {
  // Every heading in document order, for the ids (read by the visitor: no walk of the whole tree).
  const headings = [];
  return {
    name: 'course-deck-slides',
    heading(node, ctx) {
      headings.push({ text: ctx.textContent(node), top: node.depth === 2 && ctx.parent(node)?.type === 'root' });
    },
    after(root, ctx) {
      if (ctx.sourceFormat !== 'mdx') return;
      const plan = planDeck(root.children ?? [], { headings, textContent: (node) => ctx.textContent(node) });
      const file = ctx.fileURL ? relative(process.cwd(), fileURLToPath(ctx.fileURL)) : 'a lesson';
      assertFaceLengths(file, plan.slides);
      const astro = ctx.data.astro;
      if (astro?.frontmatter) astro.frontmatter = { ...astro.frontmatter, deck: { slides: plan.slides } };
      for (const op of plan.ops) {
        if (op.wrap) ctx.wrapNode(op.wrap, op.in);
        else if (op.children) ctx.setProperty(op.children, 'children', op.to);
        else if (op.append) ctx.appendChild(root, op.append);
      }
    },
  };
};
