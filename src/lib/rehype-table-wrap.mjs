// Rehype plugin: wraps each table in a focusable, labelled scroll container, so a wide table
// scrolls on its own at 320 px instead of making the whole page scroll (WCAG 1.4.10), and a
// keyboard user can scroll it (axe: scrollable-region-focusable).
let counter = 0;

function text(node) {
  if (node.type === 'text') return node.value;
  return (node.children ?? []).map(text).join('');
}

// Markdown tables arrive as hast elements; <table> written in MDX arrives as a JSX node.
const isTable = (node) =>
  (node.type === 'element' && node.tagName === 'table') || (node.type === 'mdxJsxFlowElement' && node.name === 'table');
const isCaption = (node) => node.tagName === 'caption' || node.name === 'caption';

function wrap(parent) {
  if (!parent.children) return;
  parent.children = parent.children.map((child) => {
    wrap(child);
    if (!isTable(child)) return child;
    const caption = child.children.find(isCaption);
    counter += 1;
    const label = (caption ? text(caption).trim() : '') || `Table ${counter}`;
    if (child.type === 'element') {
      return {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-wrap'], role: 'region', tabIndex: 0, ariaLabel: label },
        children: [child],
      };
    }
    const attribute = (name, value) => ({ type: 'mdxJsxAttribute', name, value });
    return {
      type: 'mdxJsxFlowElement',
      name: 'div',
      attributes: [attribute('class', 'table-wrap'), attribute('role', 'region'), attribute('tabindex', '0'), attribute('aria-label', label)],
      children: [child],
    };
  });
}

export default function rehypeTableWrap() {
  return (tree) => wrap(tree);
}
