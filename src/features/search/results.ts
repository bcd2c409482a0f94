// Search results as listbox options. Pagefind's excerpts are text with <mark> around the matched
// words; they are rebuilt here as text nodes and <mark> elements, never parsed as HTML.
export interface SearchHit {
  url: string;
  title: string;
  section: string;
  excerpt: string;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e]);

/** The excerpt's pieces: plain text, and the marked words. */
export function excerptParts(excerpt: string): { text: string; marked: boolean }[] {
  return excerpt
    .split(/(<mark>.*?<\/mark>)/)
    .filter(Boolean)
    .map((part) => {
      const marked = part.startsWith('<mark>');
      return { text: decode(marked ? part.slice(6, -7) : part.replace(/<[^>]*>/g, '')), marked };
    });
}

export function resultOptions(hits: SearchHit[]): HTMLLIElement[] {
  return hits.map((hit, i) => {
    const li = document.createElement('li');
    li.id = `search-result-${i}`;
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', 'false');
    li.dataset.url = hit.url;
    const title = document.createElement('span');
    title.className = 'title';
    title.textContent = hit.title;
    li.append(title);
    if (hit.section) {
      const section = document.createElement('span');
      section.className = 'section muted';
      section.textContent = `Section: ${hit.section}`;
      li.append(section);
    }
    const excerpt = document.createElement('span');
    excerpt.className = 'excerpt';
    for (const part of excerptParts(hit.excerpt)) {
      if (part.marked) {
        const mark = document.createElement('mark');
        mark.textContent = part.text;
        excerpt.append(mark);
      } else excerpt.append(part.text);
    }
    li.append(excerpt);
    return li;
  });
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Whether an excerpt really matches the query. For a word it does not hold, Pagefind can fall back to
 * a short prefix ("NBQX" marking an author's initial "N"): a marked word counts only when it starts
 * with a query word, or is a stem of one at least four letters long.
 */
export function relevant(excerpt: string, query: string): boolean {
  const asked = words(query);
  const marked = excerptParts(excerpt).filter((p) => p.marked).flatMap((p) => words(p.text));
  return marked.some((m) => asked.some((w) => m.startsWith(w) || (w.startsWith(m) && m.length >= Math.min(4, w.length))));
}

/**
 * The section a result should open: the one whose excerpt holds the most matched words, the lesson's
 * objectives ("In this lesson you will") only when nothing else matches.
 */
export function bestSection<T extends { url: string; excerpt: string }>(sections: T[], query: string): T | undefined {
  const score = (s: T) => {
    const hits = excerptParts(s.excerpt).filter((p) => p.marked && relevant(`<mark>${p.text}</mark>`, query)).length;
    return hits - (s.url.includes('#objectives-heading') ? 0.5 : 0) + (s.url.includes('#') ? 0.1 : 0);
  };
  return [...sections].sort((a, b) => score(b) - score(a))[0];
}
