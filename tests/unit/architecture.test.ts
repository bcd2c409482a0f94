// The house rules of src/ (README, "Project layout"), checked over the real import graph:
//   - every file lives in a known room;
//   - imports flow one way: pages → layouts → components/mdx/entries/integrations → course → features → platform;
//   - browser code (entries, features, platform, Svelte files, <script> blocks of .astro files) never
//     imports the build-time rooms (course, integrations);
//   - no import cycles.
// Type-only imports are erased by the compiler, so they are not edges here.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve(__dirname, '../../src');

/** Lower ranks may import higher ranks, never the reverse. */
const RANK: Record<string, number> = {
  '': 0, // src/content.config.ts, env.d.ts
  pages: 0,
  layouts: 1,
  components: 2,
  mdx: 2,
  entries: 2,
  integrations: 2,
  course: 3,
  features: 4,
  platform: 5,
  styles: 6,
};
const BUILD_TIME = new Set(['course', 'integrations']);

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(ts|mjs|js|svelte|astro)$/.test(e.name)) out.push(p);
  }
  return out;
}

const room = (file: string) => {
  const rel = relative(SRC, file).split('/');
  return rel.length === 1 ? '' : rel[0];
};

const EXTS = ['', '.ts', '.svelte.ts', '.js', '.mjs', '.svelte', '.astro', '/index.ts'];
function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const e of EXTS) {
    const p = base + e;
    if (existsSync(p) && statSync(p).isFile()) return p;
  }
  return null;
}

interface Edge {
  to: string;
  /** Runs in the browser: a .ts/.svelte module of a browser room, or an .astro <script>. */
  browser: boolean;
}

// `import x from '…'`, `import '…'`, `export … from '…'`, `import('…')`; `import type` is skipped.
const IMPORT = /(?:^|[\s;}])(?:import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function importsOf(file: string, text: string, browser: boolean): Edge[] {
  const edges: Edge[] = [];
  for (const m of text.matchAll(IMPORT)) {
    if (m[1]) continue;
    const spec = m[2] ?? m[3];
    const to = resolveImport(file, spec);
    if (to) edges.push({ to, browser });
  }
  return edges;
}

function graph(): Map<string, Edge[]> {
  const g = new Map<string, Edge[]>();
  for (const file of walk(SRC)) {
    const text = readFileSync(file, 'utf8');
    const r = room(file);
    const browserRoom = ['entries', 'features', 'platform'].includes(r);
    let edges: Edge[];
    if (file.endsWith('.astro')) {
      // Frontmatter runs at build time; <script> blocks ship to the browser.
      const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
      const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((s) => s[1]).join('\n');
      edges = [...importsOf(file, front, false), ...importsOf(file, scripts, true)];
    } else {
      edges = importsOf(file, text, browserRoom || file.endsWith('.svelte') || file.endsWith('.svelte.ts'));
    }
    g.set(file, edges);
  }
  return g;
}

const g = graph();
const name = (f: string) => relative(SRC, f);

describe('the house rules of src/', () => {
  it('reads a real graph (hundreds of files, imports found)', () => {
    expect(g.size).toBeGreaterThan(150);
    const edges = [...g.values()].reduce((n, e) => n + e.length, 0);
    expect(edges).toBeGreaterThan(300);
  });

  it('keeps every file in a known room', () => {
    const unknown = [...g.keys()].filter((f) => !(room(f) in RANK)).map(name);
    expect(unknown).toEqual([]);
  });

  it('imports only forward (pages → layouts → components → course → features → platform)', () => {
    const backward: string[] = [];
    for (const [from, edges] of g) {
      for (const { to } of edges) {
        const a = RANK[room(from)];
        const b = RANK[room(to)];
        if (a !== undefined && b !== undefined && b < a) backward.push(`${name(from)} → ${name(to)}`);
      }
    }
    expect(backward).toEqual([]);
  });

  it('never ships build-time code (course, integrations) to the browser', () => {
    const leaks: string[] = [];
    for (const [from, edges] of g) {
      for (const { to, browser } of edges) {
        if (browser && BUILD_TIME.has(room(to))) leaks.push(`${name(from)} → ${name(to)}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('has no import cycles', () => {
    // Tarjan's strongly connected components; any component of more than one file is a cycle.
    let index = 0;
    const idx = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const on = new Set<string>();
    const cycles: string[][] = [];
    const visit = (v: string) => {
      idx.set(v, index);
      low.set(v, index++);
      stack.push(v);
      on.add(v);
      for (const { to } of g.get(v) ?? []) {
        if (!idx.has(to)) {
          visit(to);
          low.set(v, Math.min(low.get(v)!, low.get(to)!));
        } else if (on.has(to)) low.set(v, Math.min(low.get(v)!, idx.get(to)!));
      }
      if (low.get(v) === idx.get(v)) {
        const scc: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          on.delete(w);
          scc.push(name(w));
        } while (w !== v);
        if (scc.length > 1 || (g.get(v) ?? []).some((e) => e.to === v)) cycles.push(scc.sort());
      }
    };
    for (const v of g.keys()) if (!idx.has(v)) visit(v);
    expect(cycles).toEqual([]);
  });
});

// Issue #12: no source file over 400 lines. The SCORM/IMS schemas are the standards' own files,
// shipped as published.
describe('file sizes', () => {
  it('keeps every file under src/ within 400 lines', () => {
    const all = (dir: string, out: string[] = []): string[] => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) all(p, out);
        else out.push(p);
      }
      return out;
    };
    const long = all(SRC)
      .filter((f) => !relative(SRC, f).startsWith('features/lms/schemas/'))
      .map((f) => ({ file: name(f), lines: readFileSync(f, 'utf8').split('\n').length }))
      .filter((f) => f.lines > 400);
    expect(long).toEqual([]);
  });
});

// Issue #12: a design token with a fallback (`var(--color-text, #1a1b22)`) is wrong in dark mode
// and hides a missing token; tokens.css defines every one, on every page.
describe('design tokens', () => {
  it('are used without fallbacks everywhere under src/', () => {
    const tokens = new Set([...readFileSync(join(SRC, 'styles/tokens.css'), 'utf8').matchAll(/(--[a-z0-9-]+)\s*:/g)].map((m) => m[1]));
    expect(tokens.size).toBeGreaterThan(20);
    const withFallback: string[] = [];
    const styled = (dir: string, out: string[] = []): string[] => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) styled(p, out);
        else if (/\.(css|svelte|astro)$/.test(e.name)) out.push(p);
      }
      return out;
    };
    for (const file of styled(SRC)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/var\((--[a-z0-9-]+)\s*,/g)) {
        if (tokens.has(m[1])) withFallback.push(`${name(file)}: ${m[1]}`);
      }
    }
    expect(withFallback).toEqual([]);
  });
});
