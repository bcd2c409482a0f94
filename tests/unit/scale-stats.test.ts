// bench:scale's render-time breakdown (scripts/scale-stats.mjs renderTimes) on a log as Astro 7 prints it.
import { describe, expect, it } from 'vitest';
import { renderTimes } from '../../scripts/scale-stats.mjs';

const log = `21:42:36 ▶ src/pages/lessons/[slug]/slides.astro
21:42:36   ├─ /lessons/why-new-treatments/slides/index.html (+12ms) 
21:42:36   ├─ /lessons/why-new-treatments-2/slides/index.html (+9ms) 
21:42:36   └─ /lessons/the-evidence/index.html (+20ms) 
21:42:36   ├─ /modules/1-foundations/index.html (+3ms) 
21:42:36   ├─ /assessment/banks/the-evidence-3.json (+1ms) 
21:42:36   ├─ /assessment/banks/myths-and-facts.json (+2ms) 
21:42:36   ├─ /index.html (+30ms) 
21:42:36 [build] ✓ Completed in 25.76s.`;

describe('renderTimes', () => {
  it('sums each route over its pages, most costly first, ties by name', () => {
    expect(renderTimes(log)).toEqual([
      { route: '/index.html', pages: 1, ms: 30 },
      { route: '/lessons/*/slides/index.html', pages: 2, ms: 21 },
      { route: '/lessons/*/index.html', pages: 1, ms: 20 },
      { route: '/assessment/banks/*.json', pages: 2, ms: 3 },
      { route: '/modules/*/index.html', pages: 1, ms: 3 },
    ]);
  });
  it('finds nothing in a log without page lines', () => {
    expect(renderTimes('[build] Complete!')).toEqual([]);
  });
});
