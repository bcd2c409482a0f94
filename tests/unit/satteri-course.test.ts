// The course's hast plugins on Astro's default processor (Sätteri): tables get a labelled,
// focusable scroll container; a citation marker is kept with the word before it.
import { describe, expect, test } from 'vitest';
import { mdxToJs } from 'satteri';
import { courseHastPlugins } from '../../src/integrations/satteri-course.mjs';

const compile = async (src: string) => (await Promise.resolve(mdxToJs(src, { hastPlugins: courseHastPlugins }))).code.replace(/\s+/g, ' ');

describe('table wrapping', () => {
  test('a Markdown table is wrapped in a focusable region named by a fallback label', async () => {
    const code = await compile('| A | B |\n|---|---|\n| 1 | 2 |\n');
    expect(code).toMatch(/_jsx\(_components\.div, \{ className: "table-wrap", role: "region", tabIndex: "0", "aria-label": "Table \d+", children: _jsxs\(_components\.table/);
  });

  test('a JSX table is labelled by its caption', async () => {
    const code = await compile('<table><caption>Doses by route</caption><tbody><tr><td>1</td></tr></tbody></table>\n');
    expect(code).toMatch(/"aria-label": "Doses by route", children: _jsxs\(_components\.table/);
  });
});

describe('citation keeping', () => {
  test('the word before, the markers and the punctuation after share a nowrap span', async () => {
    const code = await compile('It fades within a week <Cite id="a" /> <Cite id="b" />. Then more.\n');
    expect(code).toContain('"It fades within a ", _jsxs(_components.span, { class: "cite-keep", children: [ "week", _jsx(Cite, { id: "a" }), _jsx(Cite, { id: "b" }), "." ] }), " Then more."');
  });

  test('in list items, table cells and inside Plain blocks too', async () => {
    const code = await compile('- item <Cite id="a" />\n\n| A |\n|---|\n| cell <Cite id="b" /> |\n\n<Plain>\n\nplain words <Cite id="c" />.\n\n</Plain>\n');
    expect(code.match(/class: "cite-keep"/g)).toHaveLength(3);
    expect(code).toContain('children: ["item", _jsx(Cite, { id: "a" })]');
  });

  test('in cells and captions of a JSX table written one row a line (text elements), several markers too', async () => {
    const src = '<table>\n<caption>Response (n=368) <Cite id="a" /></caption>\n<tbody>\n<tr><th scope="row">24 hours <Cite id="b" /></th><td>52%</td></tr>\n<tr><th scope="row">ELEKT-D 2023 <Cite id="c" /> <Cite id="d" /></th><td>55%</td></tr>\n</tbody>\n</table>\n';
    const code = await compile(src);
    expect(code.match(/class: "cite-keep"/g)).toHaveLength(3);
    expect(code).toContain('"24 ", _jsxs(_components.span, { class: "cite-keep", children: ["hours", _jsx(Cite, { id: "b" })] })');
    expect(code).toMatch(/children: \[ ?"2023", _jsx\(Cite, \{ id: "c" \}\), _jsx\(Cite, \{ id: "d" \}\) ?\]/);
  });

  test('a very long word is not glued to the marker', async () => {
    const long = 'x'.repeat(41);
    const code = await compile(`A ${long} <Cite id="a" />\n`);
    expect(code).toContain(`"A ${long}", _jsx(_components.span, { class: "cite-keep", children: _jsx(Cite, { id: "a" }) })`);
  });
});
