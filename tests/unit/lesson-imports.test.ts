import { describe, expect, it } from 'vitest';
import { withLessonImports } from '../../src/integrations/lesson-imports.mjs';
import { dropRepeatedStylesheets } from '../../src/integrations/island-styles-in-head.mjs';

describe('lesson imports: a heavy tag is imported by the lesson that uses it', () => {
  it('appends the import once, after the text, when the tag is used', () => {
    const out = withLessonImports('---\ntitle: x\n---\n\nText\n\n<SynapseDiagram />\n');
    expect(out.startsWith('---\ntitle: x\n---\n\nText\n\n<SynapseDiagram />\n')).toBe(true);
    expect(out.match(/^import SynapseDiagram from ".*\/src\/mdx\/SynapseDiagram\.astro";$/gm)).toHaveLength(1);
  });
  it('leaves a lesson without the tag, or one that imports it itself, unchanged', () => {
    expect(withLessonImports('Text about a <Term id="synapse">synapse</Term>\n')).toBe('Text about a <Term id="synapse">synapse</Term>\n');
    const own = 'import SynapseDiagram from "./mine.astro";\n\n<SynapseDiagram initialStep={2} />\n';
    expect(withLessonImports(own)).toBe(own);
  });
  it('sees the tag with attributes', () => {
    expect(withLessonImports('<SynapseDiagram\n  initialStep={1} />')).toMatch(/import SynapseDiagram/);
    expect(withLessonImports('<SynapseDiagramLegend />')).not.toMatch(/import/);
  });
});

describe('a page links each stylesheet once', () => {
  it('drops a repeated link and keeps the first', () => {
    const a = '<link rel="stylesheet" href="/_astro/a.css">';
    const b = '<link rel="stylesheet" href="/_astro/b.css">';
    expect(dropRepeatedStylesheets(`<head>${a}${b}${a}</head>`)).toBe(`<head>${a}${b}</head>`);
  });
});
