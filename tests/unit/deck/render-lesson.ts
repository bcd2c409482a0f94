// Compiles an MDX lesson with the course's real Sätteri plugins (src/integrations/deck-plan.mjs and
// the hast rules) and renders it to HTML with a small JSX runtime and stand-ins for the lesson tags,
// as the reading view or as a deck view would: the deck's plan, its pieces, and the slides that
// assembleSlides makes of them. The e2e specs check the real pages; this checks the split itself.
import { evaluate } from 'satteri';
import { deckSlides } from '../../../src/integrations/deck-plan.mjs';
import { courseHastPlugins } from '../../../src/integrations/satteri-course.mjs';
import { assembleSlides, type PlannedSlide, type SplitLesson } from '../../../src/features/deck/slides';

type Props = Record<string, unknown> & { children?: unknown };
type Component = (props: Props) => unknown;
interface VNode {
  type: string | Component | symbol;
  props: Props;
}
const FRAGMENT = Symbol('fragment');
const vnode = (type: VNode['type'], props: Props): VNode => ({ type, props });
const make = (type: unknown, props: unknown): unknown => vnode(type as VNode['type'], props as Props);
const runtime = { Fragment: FRAGMENT, jsx: make, jsxs: make };

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attrName = (name: string) => (name === 'className' ? 'class' : name);

function html(node: unknown): string {
  if (node == null || node === false || node === true) return '';
  if (Array.isArray(node)) return node.map(html).join('');
  if (typeof node === 'string' || typeof node === 'number') return escape(String(node));
  const { type, props } = node as VNode;
  if (type === FRAGMENT) return html(props.children);
  if (typeof type === 'function') return html(type(props));
  const attrs = Object.entries(props)
    .filter(([k, v]) => k !== 'children' && v != null && v !== false && !k.includes(':'))
    .map(([k, v]) => ` ${attrName(k)}${v === true ? '' : `="${escape(Array.isArray(v) ? v.join(' ') : String(v))}"`}`)
    .join('');
  return `<${type as string}${attrs}>${html(props.children)}</${type as string}>`;
}

const shell = (cls: string) => (p: Props) => vnode('div', { class: cls, children: p.children });
const cite = (p: Props) => vnode('sup', { class: 'cite', children: `[${String(p.id)}]` });
const nothing = () => null;
const show = (p: Props) => p.children;

export function compile(source: string): { Content: Component; plan: PlannedSlide[] } {
  // What Astro's processor gives its plugins; the deck plugin writes the plan into the frontmatter.
  const data = { astro: { frontmatter: {} as Record<string, unknown>, headings: [], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() } };
  const mod = evaluate(source, { ...runtime, mdastPlugins: [deckSlides], hastPlugins: courseHastPlugins, data }) as Record<string, unknown>;
  const deck = data.astro.frontmatter.deck as { slides: PlannedSlide[] } | undefined;
  return { Content: mod.default as Component, plan: deck?.slides ?? [] };
}

const common = { Cite: cite, Term: show, Plain: shell('depth depth-plain'), Clinical: shell('depth depth-clinical'), SynapseDiagram: () => vnode('div', { class: 'slide-diagram' }), LessonQuiz: nothing, AskQuestion: nothing, SlideBreak: nothing };

/** The lesson as the reading view renders it. */
export function readingHtml(source: string): string {
  const { Content } = compile(source);
  return html(Content({ components: { ...common, Notes: nothing, SlideFace: nothing, Fragments: shell('fragments'), DeckPiece: show, ReadingOnly: show, DeckExtra: nothing } }));
}

/** The lesson as a deck view renders it: the pieces, put together as the slides. */
export function deckOf(source: string, steps = 8): SplitLesson & { plan: PlannedSlide[]; page: string } {
  const { Content, plan } = compile(source);
  const pieces = new Map<string, Array<[number, string]>>();
  const piece = (p: Props) => {
    const list = pieces.get(String(p.at)) ?? [];
    const rendered = html(p.children).trim();
    if (rendered) list.push([Number(p.order), rendered]);
    pieces.set(String(p.at), list);
    return null;
  };
  const page = html(
    Content({ components: { ...common, Notes: show, SlideFace: shell('slide-points'), Fragments: shell('fragments'), DeckPiece: piece, DeckExtra: piece, ReadingOnly: nothing } }),
  );
  return { ...assembleSlides(plan, pieces, steps), plan, page };
}
