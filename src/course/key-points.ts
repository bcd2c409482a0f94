// A lesson's key points as /learned/ shows them (LearnedLesson.astro), from the data the
// key-points mdast plugin keeps (src/integrations/key-points.mjs). Build-time only, pure.

/** One part of a point, as the plugin keeps it. */
export type KeyPointPart = { text: string } | { cite: string } | { strong: string } | { em: string };
export type KeyPoint = KeyPointPart[];

/** A part ready to show: words, or a run of citation marks kept with the word before and the
 *  punctuation after (white-space: nowrap, as in the lesson: .cite-keep in global.css). */
export type ShownPart =
  | { kind: 'text' | 'strong' | 'em'; text: string }
  | { kind: 'cite'; text: string; marks: Array<{ id: string; n: number }>; after: string };

/** Numbers a lesson's citations from 1 in order of first use; fails naming the lesson on an unknown id. */
export function numberKeyPoints(slug: string, points: KeyPoint[], references: { has(id: string): boolean }): { items: ShownPart[][]; cited: string[] } {
  const cited: string[] = [];
  const number = (id: string) => {
    if (!references.has(id)) throw new Error(`lesson "${slug}": <Cite id="${id}"/>: no such entry in lessons/references.yaml`);
    return cited.includes(id) ? cited.indexOf(id) + 1 : cited.push(id);
  };
  const items = points.map((point) => {
    const out: ShownPart[] = [];
    for (let i = 0; i < point.length; i++) {
      const part = point[i]!;
      if (!('cite' in part)) {
        if ('text' in part) out.push({ kind: 'text', text: part.text });
        else if ('strong' in part) out.push({ kind: 'strong', text: part.strong });
        else out.push({ kind: 'em', text: part.em });
        continue;
      }
      const marks = [{ id: part.cite, n: number(part.cite) }];
      // Marks in a row (next to each other, or separated by spaces only) go together.
      for (;;) {
        const next = point[i + 1];
        const gap = next && 'text' in next && /^\s*$/.test(next.text) ? 1 : 0;
        const mark = point[i + 1 + gap];
        if (!mark || !('cite' in mark)) break;
        marks.push({ id: mark.cite, n: number(mark.cite) });
        i += 1 + gap;
      }
      // The word before joins the marks (when it is plain text).
      let word = '';
      const before = out.at(-1);
      if (before?.kind === 'text') {
        const trimmed = before.text.replace(/\s+$/, '');
        word = /\S*$/.exec(trimmed)![0];
        before.text = trimmed.slice(0, trimmed.length - word.length);
        if (!before.text) out.pop();
      }
      // Punctuation straight after the marks stays with them.
      let after = '';
      const next = point[i + 1];
      if (next && 'text' in next) {
        after = /^[.,;:!?)\]]*/.exec(next.text)![0];
        if (after) {
          point = [...point];
          point[i + 1] = { text: next.text.slice(after.length) };
        }
      }
      out.push({ kind: 'cite', text: word, marks, after });
    }
    return out.filter((p) => p.kind === 'cite' || p.text !== '');
  });
  return { items, cited };
}
