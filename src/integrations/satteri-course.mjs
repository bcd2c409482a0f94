// The course's two HTML-tree rules as Sätteri hast plugins, so lessons keep Astro's default
// Markdown/MDX processor (unified with rehype plugins made the build about twice as slow, issue #13).
// - Tables: each table sits in a focusable, labelled scroll container, so a wide table scrolls on
//   its own at 320 px instead of the page (WCAG 1.4.10), and a keyboard user can scroll it (axe:
//   scrollable-region-focusable). Markdown tables are elements; <table> written in MDX is JSX.
// - Citations: a marker stays on the line of the word it supports. "fades within a week <Cite/>"
//   loses the space before the marker, and the last word, the marker(s) and the punctuation right
//   after them go into <span class="cite-keep"> (white-space: nowrap, global.css).
let tables = 0;

function textOf(node) {
  if (node.type === 'text') return node.value;
  return (node.children ?? []).map(textOf).join('');
}

const isCaption = (node) => node.tagName === 'caption' || node.name === 'caption';

function wrapTable(node, ctx) {
  const caption = (node.children ?? []).find(isCaption);
  tables += 1;
  const label = (caption ? textOf(caption).trim() : '') || `Table ${tables}`;
  if (node.type === 'element') {
    ctx.wrapNode(node, {
      type: 'element',
      tagName: 'div',
      properties: { className: ['table-wrap'], role: 'region', tabIndex: 0, ariaLabel: label },
      children: [],
    });
    return;
  }
  const attribute = (name, value) => ({ type: 'mdxJsxAttribute', name, value });
  ctx.wrapNode(node, {
    type: 'mdxJsxFlowElement',
    name: 'div',
    attributes: [attribute('class', 'table-wrap'), attribute('role', 'region'), attribute('tabindex', '0'), attribute('aria-label', label)],
    children: [],
  });
}

export const tableWrap = {
  name: 'course-table-wrap',
  element: { filter: ['table'], visit: wrapTable },
  mdxJsxFlowElement: { filter: ['table'], visit: wrapTable },
};

const isCite = (node) => node?.type === 'mdxJsxTextElement' && node.name === 'Cite';
const isSpace = (node) => node?.type === 'text' && /^\s*$/.test(node.value);
// A word joined to its marker is at most this long, so a nowrap group cannot overflow 320 px.
const MAX_WORD = 40;

/** The children of a parent with citation markers, each marker run kept with its word. */
export function keepCitations(kids) {
  const out = [];
  for (let i = 0; i < kids.length; i++) {
    if (!isCite(kids[i])) {
      out.push(kids[i]);
      continue;
    }
    // The marker run: Cite (space Cite)*, with the spaces between markers dropped.
    const group = [kids[i]];
    while (isSpace(kids[i + 1]) && isCite(kids[i + 2])) {
      group.push(kids[i + 2]);
      i += 2;
    }
    // The word before: the tail of a text node, or a short element such as <Term> or <strong>.
    const before = out.at(-1);
    if (before?.type === 'text') {
      const trimmed = before.value.replace(/\s+$/, '');
      const word = /\S*$/.exec(trimmed)[0];
      if (word.length <= MAX_WORD) {
        const rest = trimmed.slice(0, trimmed.length - word.length);
        out.pop();
        if (rest !== '') out.push({ type: 'text', value: rest });
        if (word) group.unshift({ type: 'text', value: word });
      } else {
        out[out.length - 1] = { type: 'text', value: trimmed };
      }
    } else if (before && textOf(before).length <= MAX_WORD) {
      group.unshift(out.pop());
    }
    // Punctuation straight after the markers stays with them.
    const after = kids[i + 1];
    if (after?.type === 'text') {
      const punct = /^[.,;:!?)\]]+/.exec(after.value)?.[0];
      if (punct) {
        group.push({ type: 'text', value: punct });
        kids = [...kids];
        kids[i + 1] = { type: 'text', value: after.value.slice(punct.length) };
      }
    }
    out.push({
      type: 'mdxJsxTextElement',
      name: 'span',
      attributes: [{ type: 'mdxJsxAttribute', name: 'class', value: 'cite-keep' }],
      children: group,
    });
  }
  return out.filter((n) => !(n.type === 'text' && n.value === ''));
}

// Sätteri visits by node type, so the rule runs on the parents a marker can sit in.
function keepIn(node) {
  const kids = node.children ?? [];
  if (!kids.some(isCite)) return;
  // A slide's "Sources [1] [2]" line (src/integrations/deck-plan.mjs) lists markers, not words.
  if (node.attributes?.some((a) => a.name === 'class' && a.value === 'slide-sources')) return;
  return { ...node, children: keepCitations(kids) };
}

const PARENTS = ['p', 'li', 'td', 'th', 'strong', 'em', 'figcaption', 'caption', 'dd', 'dt', 'blockquote', 'span', 'a'];
const CELLS = ['li', 'p', 'td', 'th', 'caption', 'figcaption', 'dd', 'dt'];
export const citeKeep = {
  name: 'course-cite-keep',
  element: { filter: PARENTS, visit: keepIn },
  // HTML written in MDX is JSX, flow or text by where it stands: `<tr><th>24 h <Cite/></th>` on one
  // line makes the cell a text element, so the cell tags are listed in both.
  mdxJsxFlowElement: { filter: ['Plain', 'Clinical', 'Notes', 'SlideFace', 'Fragments', ...CELLS], visit: keepIn },
  mdxJsxTextElement: { filter: ['strong', 'em', 'span', 'Term', 'a', ...CELLS], visit: keepIn },
};

export const courseHastPlugins = [tableWrap, citeKeep];
