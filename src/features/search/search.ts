// The search page's behaviour (SearchBox.astro): loads the Pagefind index of the reader's depth on
// first use (dist/search/<depth>/, built by src/integrations/search-index.mjs), shows up to ten
// results as listbox options, and announces the count once the results for a query settle.
import { bestSection, relevant, resultOptions, type SearchHit } from './results';

type Depth = 'plain' | 'clinical';
interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: { title?: string }; sub_results?: { url: string; title: string; excerpt: string }[] }>;
}
interface Pagefind {
  init(): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] }>;
}

const MAX = 10;
/** How many of Pagefind's ranked pages are read to count and show the relevant ones. */
const READ = 40;
const root = document.querySelector<HTMLElement>('[data-search]');
const loaded = new Map<Depth, Promise<Pagefind>>();

function load(depth: Depth): Promise<Pagefind> {
  let found = loaded.get(depth);
  if (!found) {
    // A runtime address (the index is written after the build), so Vite must leave it alone.
    found = import(/* @vite-ignore */ `/search/${depth}/pagefind.js`).then(async (pf: Pagefind) => {
      await pf.init();
      return pf;
    });
    loaded.set(depth, found);
  }
  return found;
}

async function find(depth: Depth, query: string): Promise<{ total: number; hits: SearchHit[] }> {
  const pf = await load(depth);
  const { results } = await pf.search(query);
  const pages = await Promise.all(results.slice(0, READ).map((r) => r.data()));
  const hits = pages.map((page) => {
    const best = bestSection(page.sub_results ?? [], query);
    return {
      url: best?.url ?? page.url,
      title: page.meta.title?.replace(/ · Ketamine therapy for mental health$/, '') ?? page.url,
      section: best && best.title !== page.meta.title ? best.title : '',
      excerpt: best?.excerpt ?? page.excerpt,
    };
  }).filter((hit) => relevant(hit.excerpt, query));
  return { total: hits.length, hits: hits.slice(0, MAX) };
}

if (root) {
  const input = root.querySelector<HTMLInputElement>('[data-search-input]')!;
  const list = root.querySelector<HTMLUListElement>('[data-search-results]')!;
  const count = root.querySelector<HTMLElement>('[data-search-count]')!;
  const depthName = root.querySelector<HTMLElement>('[data-search-depth]')!;
  const other = root.querySelector<HTMLButtonElement>('[data-search-other]')!;
  let depth: Depth = document.documentElement.dataset.depth === 'plain' ? 'plain' : 'clinical';
  let active = -1;
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const label = (d: Depth) => (d === 'plain' ? 'plain-language' : 'clinical');
  const showDepth = () => {
    depthName.textContent = label(depth);
    other.textContent = `Search the ${label(depth === 'plain' ? 'clinical' : 'plain')} text instead`;
  };

  const options = () => [...list.querySelectorAll<HTMLLIElement>('[role="option"]')];
  function select(index: number): void {
    const all = options();
    active = all.length ? (index + all.length) % all.length : -1;
    all.forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', all[active].id);
      all[active].scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }

  function show(hits: SearchHit[], total: number, query: string): void {
    list.replaceChildren(...resultOptions(hits));
    list.hidden = hits.length === 0;
    input.setAttribute('aria-expanded', String(hits.length > 0));
    active = -1;
    input.removeAttribute('aria-activedescendant');
    const shown = total > hits.length ? `, the first ${hits.length} shown` : '';
    count.textContent = query
      ? total === 0
        ? `No results for “${query}” in the ${label(depth)} text.`
        : `${total} result${total === 1 ? '' : 's'} for “${query}”${shown}.`
      : '';
  }

  async function run(): Promise<void> {
    const query = input.value.trim();
    const ticket = ++latest;
    if (query.length < 2) return show([], 0, '');
    try {
      const { total, hits } = await find(depth, query);
      if (ticket === latest) show(hits, total, query);
    } catch {
      if (ticket === latest) count.textContent = 'Search could not load. Reload the page to try again.';
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    // One announcement per pause in typing, not one per key.
    timer = setTimeout(run, 250);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (list.hidden) return;
      event.preventDefault();
      select(active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter') {
      const option = options()[active];
      if (option) {
        event.preventDefault();
        location.assign(option.dataset.url!);
      }
    } else if (event.key === 'Escape') {
      if (!list.hidden) {
        event.preventDefault();
        show([], 0, '');
      }
    }
  });
  list.addEventListener('click', (event) => {
    const option = (event.target as Element).closest<HTMLLIElement>('[role="option"]');
    if (option) location.assign(option.dataset.url!);
  });
  other.addEventListener('click', () => {
    depth = depth === 'plain' ? 'clinical' : 'plain';
    showDepth();
    run();
    input.focus();
  });

  showDepth();
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    run();
  }
}
