// The deck split on the MDX tree (src/integrations/deck-plan.mjs): lessons compiled with the real
// plugins, rendered by a small runtime (render-lesson.ts) as the reading view and as a deck view.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertFaceLengths, FACE_WORDS, headingIds } from '../../../src/integrations/deck-plan.mjs';
import { slideLabel } from '../../../src/features/deck/slides';
import { deckOf, readingHtml } from './render-lesson';

const block = (tag: string, body: string) => `<${tag}>\n\n${body}\n\n</${tag}>`;
const LESSON = [
  block('Plain', 'Intro in plain words.'),
  block('Clinical', 'Intro for students <Cite id="a" />.'),
  '## Timeline',
  block('Plain', '<ol class="timeline">\n  <li><strong>1962:</strong> made</li>\n  <li>1964: tested</li>\n</ol>'),
  block('Clinical', '<ol class="timeline">\n  <li>1962</li>\n  <li>1964</li>\n  <li>1970</li>\n</ol>'),
  '<SlideBreak />',
  block('Plain', '<ol class="timeline">\n  <li>2000</li>\n</ol>'),
  block('Notes', 'Two slides. Ask the class.'),
  '## A new <Term id="anesthetic">anesthetic</Term> & more',
  block('Plain', 'Text with a [link](#x) and an arrow.'),
  block('Notes', 'Say this.'),
  '## The pathway',
  '<SynapseDiagram />',
  block('Clinical', '### Inside a block\n\nA heading in a block does not split.'),
  '{/* ## commented out */}',
  '## Key points',
  block('Fragments', '- One\n  - nested\n- Two'),
  block('Notes', 'Wrap up.'),
  '<SlideBreak />',
].join('\n\n');

describe('the deck of a lesson', () => {
  const { intro, slides, plan } = deckOf(LESSON);

  it('keeps the introduction (before the first heading) apart', () => {
    expect(intro.html).toContain('Intro in plain words');
    expect(intro.html).toContain('Intro for');
    expect(intro.html).toContain('[a]');
    expect(intro.html).not.toContain('<h2');
  });

  it('makes one slide per top-level ## heading, and one more per <SlideBreak />', () => {
    expect(slides.map(slideLabel)).toEqual(['Timeline (1 of 2)', 'Timeline (2 of 2)', 'A new anesthetic & more', 'The pathway', 'Key points']);
    expect(plan.map((s) => s.anchor)).toEqual(['timeline', 'timeline', 'a-new-anesthetic--more', 'the-pathway', 'key-points']);
  });

  it('gives a continuation slide a heading, and each slide its own content only', () => {
    expect(slides[0].html).toMatch(/^<h2>Timeline<\/h2>/);
    expect(slides[0].html).toContain('1970');
    expect(slides[0].html).not.toContain('2000');
    expect(slides[1].html).toMatch(/^<h2 class="slide-continued">Timeline <span class="slide-part">\(continued\)<\/span><\/h2>/);
    expect(slides[1].html).toContain('2000');
  });

  it('moves the notes out of the slides; a part without notes shares its section’s', () => {
    for (const slide of slides) expect(slide.html).not.toMatch(/Ask the class|Say this|Wrap up/);
    expect(slides[0].notes).toBe('<p>Two slides. Ask the class.</p>');
    expect(slides[1].notes).toBe('<p>Two slides. Ask the class.</p>');
    // The section's prose moves to the notes, before its <Notes>.
    expect(slides[2].notes).toBe('<div class="depth depth-plain"><p>Text with a <a href="#x">link</a> and an arrow.</p></div>\n<p>Say this.</p>');
    expect(slides[2].html).not.toContain('depth-plain');
    expect(slides[3].notes).toContain('A heading in a block does not split.');
  });

  it('does not split at headings inside blocks or comments', () => {
    expect(slides).toHaveLength(5);
    expect(slides[3].html).toContain('slide-diagram');
  });

  it('numbers fragments: timeline events and <Fragments> items, not nested lists', () => {
    // The longest list decides: the clinical timeline has 3 events.
    expect(slides.map((s) => s.fragments)).toEqual([3, 1, 0, 0, 2]);
    expect(slides[0].html).toContain('<li data-fragment="1"><strong>1962:</strong> made</li>');
    expect(slides[0].html).toContain('<li data-fragment="3">1970</li>');
    expect(slides[4].html).toMatch(/<li data-fragment="1">One\s*<ul>\s*<li>nested<\/li>\s*<\/ul>\s*<\/li>\s*<li data-fragment="2">Two<\/li>/);
  });

  it('finds the diagram, and gives it the stepper’s steps', () => {
    expect(slides.map((s) => s.stepperSteps)).toEqual([0, 0, 0, 8, 0]);
  });

  it('drops the empty slide a break at the very end would make', () => {
    expect(slides.at(-1)!.title).toBe('Key points');
    expect(slides.at(-1)!.parts).toBe(1);
  });

  it('leaves the reading view as written: no slide marks, no notes, timelines unnumbered', () => {
    const page = readingHtml(LESSON);
    expect(page).not.toMatch(/data-fragment|slide-continued|slide-points|Ask the class/);
    expect(page.match(/<h2>/g)).toHaveLength(4);
    expect(page).toContain('<li>1970</li>');
  });
});

describe('edge cases', () => {
  it('a lesson without headings is all introduction', () => {
    expect(deckOf('Only text')).toMatchObject({ intro: { html: '<p>Only text</p>' }, slides: [] });
  });
  it('a break before any heading does not make a slide', () => {
    expect(deckOf('a\n\n<SlideBreak />\n\nb').slides).toEqual([]);
  });
  it('notes in the introduction stay with it, after its prose', () => {
    expect(deckOf(`a\n\n${block('Notes', 'hello')}\n\n## B\n\nb`).intro.html).toBe('<p>a</p>\n<p>hello</p>');
  });
  it('the reading view’s heading ids: github-slugger over every heading, in order', () => {
    expect(headingIds([{ text: 'Dose', top: true }, { text: 'Dose', top: false }, { text: 'Dose', top: true }])).toEqual(['dose', 'dose-2']);
  });
  it('every paragraph lands on a slide or in its notes, once (nothing is lost but the marks)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('## T', '<SlideBreak />', block('Notes', 'n'), block('Plain', 'p'), block('Clinical', 'c'), 'text'), { maxLength: 20 }),
        (parts) => {
          const source = parts.join('\n\n');
          let deck: ReturnType<typeof deckOf>;
          try {
            deck = deckOf(source);
          } catch (error) {
            // A part with nothing to show (only notes, say) is refused, and only that.
            expect(String(error)).toMatch(/would project its headline alone/);
            return;
          }
          const { intro, slides } = deck;
          const out = [intro.html, ...slides.map((s) => s.html + s.notes)].join('');
          const count = (s: string, needle: string) => s.split(needle).length - 1;
          expect(count(out, '<p>p</p>')).toBe(parts.filter((p) => p.startsWith('<Plain>')).length);
          expect(count(out, '<p>c</p>')).toBe(parts.filter((p) => p.startsWith('<Clinical>')).length);
          expect(count(out, '<p>text</p>')).toBe(parts.filter((p) => p === 'text').length);
          // <Notes> show once, and again on each part of their section that has no notes of its own.
          expect(count(out, '<p>n</p>')).toBeGreaterThanOrEqual(parts.filter((p) => p.startsWith('<Notes>')).length);
          for (const s of slides) expect(s.html).not.toContain('<p>n</p>');
        },
      ),
    );
  });
});

// ── Slide faces: key points on the slide, the prose in the notes ─────────────────────────────
const FACED = [
  '## Why speed matters',
  block('Plain', 'Most pills take weeks to work. That is a long wait.\n\nOne dose can help within hours <Cite id="1" />. It fades.'),
  block('Clinical', 'Conventional antidepressants take weeks.\n\n<table>\n<caption>Time</caption>\n<tr><td>2–4 h <Cite id="1" /></td></tr>\n</table>'),
  block('Notes', 'Ask: what would a fading effect mean?'),
  block('SlideFace', '- Pills take weeks\n- One dose helps within hours, then fades <Cite id="1" />\n- Not a cure <Cite id="2" />'),
  '## No face written',
  block('Plain', 'The first sentence is a point. The second is not.\n\nAnother first sentence <Cite id="3" />. More.'),
  block('Clinical', 'Clinical prose.'),
].join('\n\n');

describe('slide faces', () => {
  const { slides } = deckOf(FACED);

  it('a section split by <SlideBreak /> may give each part its own <SlideFace> (in order, written at its end)', () => {
    const split = [
      '## One infusion',
      block('Plain', 'About half respond in a day.'),
      '<SlideBreak />',
      block('Plain', 'A stricter review found smaller effects. It rated the proof as very uncertain.'),
      block('SlideFace', '- About half respond in a day'),
      block('SlideFace', '- A stricter review: smaller effects\n- Very uncertain evidence'),
    ];
    const [first, second] = deckOf(split.join('\n\n')).slides;
    expect(first.face).toBe('authored');
    expect(first.html).toContain('<li>About half respond in a day</li>');
    expect(first.html).not.toContain('stricter');
    expect(second.face).toBe('authored');
    expect(second.html).toContain('<li>Very uncertain evidence</li>');
    expect(second.notes).toContain('It rated the proof as very uncertain.');
    // One face for two parts still heads the first part only.
    const one = deckOf(split.slice(0, -1).join('\n\n')).slides;
    expect(one[0].html).toContain('About half respond in a day</li>');
    expect(one[1].face).toBe('automatic');
  });

  it("an authored <SlideFace> is the face; the section's prose, both depths, becomes the notes, then its <Notes>", () => {
    expect(slides[0].face).toBe('authored');
    expect(slides[0].html).toContain('<li>Pills take weeks</li>');
    expect(slides[0].html).not.toContain('That is a long wait');
    for (const prose of ['Most pills take weeks to work. That is a long wait.', 'Conventional antidepressants take weeks.']) expect(slides[0].notes).toContain(prose);
    expect(slides[0].notes.indexOf('Conventional')).toBeLessThan(slides[0].notes.indexOf('Ask: what would'));
  });

  it('a table stays on the face, in its depth, and leaves the notes', () => {
    expect(slides[0].html).toMatch(/<div class="depth depth-clinical"><div class="table-wrap"[^>]*><table>/);
    expect(slides[0].notes).not.toContain('<table>');
  });

  it('gathers the citations of the points into one footer line, each once, after the visual', () => {
    expect(slides[0].html).toContain('<li>One dose helps within hours, then fades</li>');
    const footer = /<p class="slide-sources">.*<\/p>$/.exec(slides[0].html)?.[0] ?? '';
    expect(footer).toBe('<p class="slide-sources"><span class="slide-sources-label">Sources</span> <sup class="cite">[1]</sup> <sup class="cite">[2]</sup></p>');
  });

  it('counts the headline and points, not the citations', () => {
    // "Why speed matters" 3 + "Pills take weeks" 3 + "One dose helps within hours, then fades" 7 + "Not a cure" 3.
    expect(slides[0].words).toBe(16);
  });

  it('without a <SlideFace>, the first plain sentence of each paragraph makes the points', () => {
    expect(slides[1].face).toBe('automatic');
    expect(slides[1].html).toMatch(/<li>The first sentence is a point\.<\/li>\s*<li>Another first sentence\.<\/li>/);
    expect(slides[1].html).not.toContain('The second is not');
    expect(slides[1].html).toContain('[3]');
    expect(slides[1].notes).toContain('Clinical prose.');
  });

  it('a part with nothing for its face (a list without paragraphs, no <SlideFace>) fails the build, naming it', () => {
    const lists = ['## Questions', block('Plain', '1. One?\n2. Two?'), '<SlideBreak />', block('Plain', '3. Three?')].join('\n\n');
    expect(() => deckOf(lists)).toThrow(/section "Questions \(1 of 2\)", section "Questions \(2 of 2\)" would project its headline alone/);
    expect(() => deckOf(`${lists}\n\n${block('SlideFace', '- One, two')}\n\n${block('SlideFace', '- Three')}`)).not.toThrow();
  });

  it('the build check names the lesson and the section of a face over the limit', () => {
    const long = Array.from({ length: FACE_WORDS }, (_, i) => `word${i}`).join(' ');
    // The compile itself fails (the build test, slide-face-build.test.ts, runs it on a real build).
    expect(() => deckOf(`## Too long\n\n${block('SlideFace', `- ${long}`)}`)).toThrow(/section "Too long" has 47 words/);
    const over = [{ title: 'Too long', part: 1, parts: 1, words: FACE_WORDS + 2 }];
    expect(() => assertFaceLengths('lessons/01-x.mdx', over)).toThrow(/lessons\/01-x\.mdx.*section "Too long" has 47 words/);
    expect(() => assertFaceLengths('lessons/01-x.mdx', deckOf(FACED).plan)).not.toThrow();
    expect(deckOf(`## Just fits\n\n${block('SlideFace', `- ${long.split(' ').slice(2).join(' ')}`)}`).plan[0].words).toBe(FACE_WORDS);
  });
});
