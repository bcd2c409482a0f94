// Rehype plugin: a citation marker stays on the line of the word it supports. Authors write
// "fades within a week <Cite id="…" />"; this drops the space before the marker and wraps the last
// word, the marker(s) and any punctuation right after them in <span class="cite-keep"> (white-space:
// nowrap, global.css), so "[3]" never starts a line of its own.
const isCite = (node) => node?.type === 'mdxJsxTextElement' && (node.name === 'Cite' || node.name === 'SlideCite');
const isSpace = (node) => node?.type === 'text' && /^\s*$/.test(node.value);
// A word joined to its marker is at most this long, so a nowrap group cannot overflow 320 px.
const MAX_WORD = 40;

function textOf(node) {
  if (node.type === 'text') return node.value;
  return (node.children ?? []).map(textOf).join('');
}

function keep(parent) {
  if (!parent.children) return;
  parent.children.forEach(keep);
  const out = [];
  const kids = parent.children;
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
        before.value = trimmed.slice(0, trimmed.length - word.length);
        if (before.value === '') out.pop();
        if (word) group.unshift({ type: 'text', value: word });
      } else {
        before.value = trimmed;
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
        after.value = after.value.slice(punct.length);
      }
    }
    out.push({
      type: 'mdxJsxTextElement',
      name: 'span',
      attributes: [{ type: 'mdxJsxAttribute', name: 'class', value: 'cite-keep' }],
      children: group,
    });
  }
  parent.children = out;
}

export default function rehypeCiteKeep() {
  return (tree) => keep(tree);
}
