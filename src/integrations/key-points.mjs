// Key points on the MDX tree: a Sätteri mdast plugin (the Markdown-tree stage of Astro's default
// processor) that finds a lesson's "## Key points" section and keeps its plain-language points as
// data in the lesson's frontmatter (`keyPoints`, read from render(entry).remarkPluginFrontmatter).
// /learned/ shows them from that data, so it never renders the lessons' MDX (500 lessons: 500
// renders saved per build) and never slices HTML.
//
// keyPoints: an array of points (the list items of the <Plain> block, or of the section when it has
// no <Plain>), each an array of parts: { text } | { cite: id } | { strong } | { em }.
// A lesson without a "Key points" section gets no keyPoints.

import { textOf } from './deck-plan.mjs';

const HEADING = 'key points';

/** A node's words, as the deck's plan reads them (citations included: they carry no words). */
const text = (node) => textOf([node], { cites: true });

/** The parts of one point's inline content; anything else keeps its words. */
function parts(nodes, out = []) {
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'inlineCode') out.push({ text: node.value });
    else if (node.type === 'mdxJsxTextElement' && node.name === 'Cite') {
      const id = node.attributes?.find((a) => a.name === 'id')?.value;
      if (typeof id === 'string') out.push({ cite: id });
    } else if (node.type === 'strong') out.push({ strong: text(node) });
    else if (node.type === 'emphasis') out.push({ em: text(node) });
    else if (node.type === 'break') out.push({ text: ' ' });
    else if (node.children) parts(node.children, out);
  }
  // Neighbouring text parts joined; a space before a citation dropped (the mark follows its word).
  const joined = [];
  for (const part of out) {
    const last = joined.at(-1);
    if (part.text !== undefined && last?.text !== undefined) last.text += part.text;
    else joined.push({ ...part });
  }
  return joined.filter((p) => p.text === undefined || p.text !== '');
}

/** The list items under `nodes` (a Plain block first, else the section itself). */
function points(nodes) {
  const plain = nodes.find((n) => n.type === 'mdxJsxFlowElement' && n.name === 'Plain');
  const scope = plain ? plain.children ?? [] : nodes.filter((n) => !(n.type === 'mdxJsxFlowElement' && n.name !== 'Plain'));
  const items = scope.filter((n) => n.type === 'list').flatMap((list) => list.children ?? []);
  return items.map((item) => parts((item.children ?? []).flatMap((c) => (c.type === 'paragraph' ? [c, { type: 'text', value: ' ' }] : [c])).slice(0, -1)));
}

/** The key points of a lesson tree (its root's children), or undefined without the section. */
export function extractKeyPoints(children) {
  const start = children.findIndex((n) => n.type === 'heading' && n.depth === 2 && text(n).trim().toLowerCase() === HEADING);
  if (start === -1) return undefined;
  const rest = children.slice(start + 1);
  const end = rest.findIndex((n) => n.type === 'heading' && n.depth <= 2);
  return points(end === -1 ? rest : rest.slice(0, end)).map((p) =>
    p.map((part, i) => (part.text !== undefined && p[i + 1]?.cite ? { text: part.text.replace(/\s+$/, '') } : part)).filter((part) => part.text !== ''),
  );
}

export const keyPoints = {
  name: 'course-key-points',
  before(root, ctx) {
    const found = extractKeyPoints(root.children ?? []);
    const astro = ctx.data.astro;
    if (found && astro?.frontmatter) astro.frontmatter = { ...astro.frontmatter, keyPoints: found };
  },
};
