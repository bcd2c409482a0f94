// Facts the build reads from a lesson's MDX source: which references it cites, in order.
const CITE = /<Cite\s+id=["']([^"']+)["']/g;
const TERM = /<Term\s+id=["']([^"']+)["']/g;

/** Reference ids in order of first citation: these become the numbers [1], [2], … */
export function citationOrder(body: string): string[] {
  return [...new Set([...body.matchAll(CITE)].map((m) => m[1]))];
}

export function termIds(body: string): string[] {
  return [...new Set([...body.matchAll(TERM)].map((m) => m[1]))];
}

/** Fails naming the lesson file and the ids that do not exist. */
export function assertKnownIds(file: string, kind: 'Cite' | 'Term', ids: string[], known: Set<string>): void {
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) {
    const where = kind === 'Cite' ? 'lessons/references.yaml' : 'lessons/glossary.yaml';
    throw new Error(`${file}: <${kind} id="${unknown.join('", "')}">: not found in ${where}`);
  }
}
