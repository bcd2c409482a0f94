import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { commandForKey, indexFromHash, slideAnnouncement } from '../../../src/features/deck/keys';
import {
  assertFaceLengths,
  attr,
  FACE_WORDS,
  faceWords,
  numberFragments,
  scan,
  shortAuthor,
  slideLabel,
  splitSlides,
  stepperSteps,
  textOf,
  topLevel,
} from '../../../src/features/deck/slides';
import { buildDeck, checkQuestions, QUESTION_WORDS } from '../../../src/features/deck/deck-build';

// HTML shaped like Astro's output for a lesson rendered with the slide components.
const notes = (text: string) => `<aside class="slide-notes" data-slide-notes><p>${text}</p></aside>`;
const BREAK = '<hr data-slide-break>';
const depth = (kind: 'plain' | 'clinical', html: string) => `<div class="depth depth-${kind}">${html}</div>`;

const LESSON = [
  depth('plain', '<p>Intro in plain words.</p>'),
  depth('clinical', '<p>Intro for students <sup class="cite"><a href="../#ref-a" aria-label="Reference 1">[1]</a></sup>.</p>'),
  '<h2 id="timeline">Timeline</h2>',
  depth('plain', '<ol class="timeline"><li><strong>1962:</strong> made</li><li>1964: tested</li></ol>'),
  depth('clinical', '<ol class="timeline"><li>1962</li><li>1964</li><li>1970</li></ol>'),
  BREAK,
  depth('plain', '<ol class="timeline"><li>2000</li></ol>'),
  notes('Two slides. Ask the class.'),
  '<h2 id="a-new-anesthetic">A new <span class="term">anesthetic</span> &amp; more</h2>',
  depth('plain', '<p>Text with a <a href="#x">link > arrow</a>.</p>'),
  notes('Say this.'),
  '<h2 id="the-pathway">The pathway</h2>',
  '<div class="slide-diagram" data-stepper-steps="8"><astro-island uid="x" props="{&quot;a&quot;:[0,&quot;<h2>not a heading</h2>&quot;]}" ssr><div class="synapse"><h2>Inside an island</h2><svg viewBox="0 0 4 4"><path d="M0 0" /></svg></div></astro-island></div>',
  '<script>if (a < b) document.write("<h2>")</script>',
  '<!-- <h2>commented out</h2> -->',
  '<h2 id="key-points">Key points</h2>',
  '<div class="fragments" data-fragments><ul><li>One<ul><li>nested</li></ul></li><li>Two</li></ul></div>',
  notes('Wrap up.'),
  BREAK,
].join('\n');

describe('splitSlides on a lesson', () => {
  const { intro, slides } = splitSlides(LESSON);

  it('keeps the introduction (before the first heading) apart', () => {
    expect(intro.html).toContain('Intro in plain words');
    expect(intro.html).toContain('Intro for students');
    expect(intro.html).not.toContain('<h2');
  });

  it('makes one slide per top-level <h2>, and one more per <SlideBreak />', () => {
    expect(slides.map(slideLabel)).toEqual([
      'Timeline (1 of 2)',
      'Timeline (2 of 2)',
      'A new anesthetic & more',
      'The pathway',
      'Key points',
    ]);
    expect(slides.map((s) => s.anchor)).toEqual(['timeline', 'timeline', 'a-new-anesthetic', 'the-pathway', 'key-points']);
  });

  it('gives a continuation slide a heading, and each slide its own content only', () => {
    expect(slides[0].html).toMatch(/^<h2 id="timeline">Timeline<\/h2>/);
    expect(slides[0].html).toContain('1970');
    expect(slides[0].html).not.toContain('2000');
    expect(slides[1].html).toMatch(/^<h2 class="slide-continued">Timeline <span class="slide-part">\(continued\)<\/span><\/h2>/);
    expect(slides[1].html).toContain('2000');
  });

  it('lifts the notes out of the slides; a part without notes shares its section’s', () => {
    for (const slide of slides) expect(slide.html).not.toContain('data-slide-notes');
    expect(slides[0].notes).toBe('<p>Two slides. Ask the class.</p>');
    expect(slides[1].notes).toBe('<p>Two slides. Ask the class.</p>');
    // The section's prose moves to the notes, before its <Notes>.
    expect(slides[2].notes).toBe('<div class="depth depth-plain"><p>Text with a <a href="#x">link > arrow</a>.</p></div><p>Say this.</p>');
    expect(slides[2].html).not.toContain('depth-plain');
    expect(slides[3].notes).toBe('');
  });

  it('does not split at headings inside islands, attributes, scripts or comments', () => {
    expect(slides[3].html).toContain('Inside an island');
    expect(slides[3].html).toContain('document.write("<h2>")');
    expect(slides[3].html).toContain('<!-- <h2>commented out</h2> -->');
  });

  it('numbers fragments: timeline events and <Fragments> items, not nested lists', () => {
    // The longest list decides: the clinical timeline has 3 events.
    expect(slides.map((s) => s.fragments)).toEqual([3, 1, 0, 0, 2]);
    expect(slides[0].html).toContain('<li data-fragment="1"><strong>1962:</strong> made</li>');
    expect(slides[0].html).toContain('<li data-fragment="3">1970</li>');
    expect(slides[4].html).toContain('<li data-fragment="1">One<ul><li>nested</li></ul></li><li data-fragment="2">Two</li>');
  });

  it('finds the stepper and its steps', () => {
    expect(slides.map((s) => s.stepperSteps)).toEqual([0, 0, 0, 8, 0]);
  });

  it('drops the empty slide a break at the very end would make', () => {
    expect(slides.at(-1)!.title).toBe('Key points');
    expect(slides.at(-1)!.parts).toBe(1);
  });
});

describe('splitSlides edge cases', () => {
  it('a lesson without headings is all introduction', () => {
    expect(splitSlides('<p>Only text</p>')).toEqual({ intro: { html: '<p>Only text</p>', notes: '' }, slides: [] });
  });
  it('a break before any heading does not make a slide', () => {
    expect(splitSlides(`<p>a</p>${BREAK}<p>b</p>`).slides).toEqual([]);
  });
  it('notes in the introduction stay with it', () => {
    expect(splitSlides(`<p>a</p>${notes('hello')}<h2>B</h2>`).intro.notes).toBe('<p>hello</p>');
  });
  it('an element left open at the end keeps its content', () => {
    const { slides } = splitSlides('<h2>A</h2><div><p>unclosed');
    expect(slides[0].html).toContain('unclosed');
  });
  it('every byte of the input lands somewhere (nothing is lost but the marks)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom('<h2 id="x">T</h2>', BREAK, notes('n'), '<p>p</p>', '<ol class="timeline"><li>e</li></ol>', 'text', '<br>', '<!-- c -->'),
          { maxLength: 30 },
        ),
        (parts) => {
          const html = parts.join('');
          const { intro, slides } = splitSlides(html);
          const out = intro.html + slides.map((s) => s.html).join('');
          const count = (s: string, needle: string) => s.split(needle).length - 1;
          expect(count(out, '<p>p</p>')).toBe(count(html, '<p>p</p>'));
          expect(count(out, 'text')).toBe(count(html, 'text'));
          expect(count(out, '<li data-fragment="1">e</li>')).toBe(count(html.slice(html.indexOf('<h2') === -1 ? html.length : html.indexOf('<h2')), '<li>e</li>'));
          for (const s of slides) expect(s.fragments).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('the HTML scanner', () => {
  it('reads ">" inside quoted attributes and raw text without breaking tags', () => {
    const html = '<a title="a > b" href=\'x\'>t</a><style>p > a {}</style><br/><img src=x>';
    const tokens = [...scan(html)].map((t) => `${t.kind}:${t.name}`);
    expect(tokens).toEqual(['open:a', 'text:', 'close:a', 'open:style', 'text:', 'close:style', 'open:br', 'open:img']);
  });
  it('treats a stray "<" as text', () => {
    expect([...scan('1 < 2')].every((t) => t.kind === 'text')).toBe(true);
  });
  it('finds top-level nodes, including void and self-closed ones', () => {
    expect(topLevel('<p>a<b>b</b></p> <hr/><svg><path/></svg>').map((n) => n.name)).toEqual(['p', '', 'hr', 'svg']);
  });
  it('reads attributes in every quoting style', () => {
    expect(attr(' id="a" data-x=\'b\' data-y=c data-z', 'data-x')).toBe('b');
    expect(attr(' id="a" data-y=c', 'data-y')).toBe('c');
    expect(attr(' data-z', 'data-z')).toBe('');
    expect(attr(' data-zz', 'data-z')).toBeNull();
  });
  it('decodes text', () => {
    expect(textOf('A <em>b</em> &amp; c&#39;s &#x2013; d&nbsp;e')).toBe("A b & c's – d e");
  });
});

describe('small helpers', () => {
  it('numberFragments leaves other lists alone', () => {
    expect(numberFragments('<ul><li>a</li></ul>')).toEqual({ html: '<ul><li>a</li></ul>', count: 0 });
  });
  it('stepperSteps takes the largest', () => {
    expect(stepperSteps('<div data-stepper-steps="3"></div><div data-stepper-steps=8></div>')).toBe(8);
    expect(stepperSteps('<p>none</p>')).toBe(0);
  });
  it('shortAuthor names a person by surname and an organisation in full', () => {
    expect(shortAuthor('Traynelis SF, Wollmuth LP, McBain CJ, et al.', 2010)).toBe('Traynelis 2010');
    expect(shortAuthor('Zarate CA Jr, Singh JB', 2006)).toBe('Zarate 2006');
    expect(shortAuthor('Moda-Sava RN, Murdock MH', 2019)).toBe('Moda-Sava 2019');
    expect(shortAuthor('US Food and Drug Administration', 2019)).toBe('US Food and Drug Administration 2019');
    expect(shortAuthor('Chang, et al.', 2019)).toBe('Chang 2019');
  });
});

// The deck's pure helpers in src/features/deck/keys.ts (the DOM parts are covered end to end).

describe('deck keys', () => {
  const el = (selector: string) => ({ closest: (s: string) => (s.split(',').some((part) => part.trim() === selector) ? {} : null) });
  const key = (k: string, target: unknown = null, mods: Record<string, boolean> = {}) => ({ key: k, target: target as EventTarget, ...mods });

  it('maps the keys presenters and clickers use', () => {
    const map = Object.fromEntries(
      ['ArrowRight', 'PageDown', ' ', 'ArrowLeft', 'PageUp', 'Home', 'End', 'Escape', 'o', 'O', 'f', 'b', '.', 's', '?'].map((k) => [k, commandForKey(key(k), true)]),
    );
    expect(map).toEqual({
      ArrowRight: 'next',
      PageDown: 'next',
      ' ': 'next',
      ArrowLeft: 'previous',
      PageUp: 'previous',
      Home: 'first',
      End: 'last',
      Escape: 'escape',
      o: 'overview',
      O: 'overview',
      f: 'fullscreen',
      b: 'blank',
      '.': 'blank',
      s: 'presenter',
      '?': 'help',
    });
  });

  it('with shortcuts off, only navigation keys act (WCAG 2.1.4)', () => {
    for (const k of [' ', 'o', 'f', 'b', 's', '?']) expect(commandForKey(key(k), false)).toBeNull();
    for (const k of ['ArrowRight', 'PageDown', 'ArrowLeft', 'PageUp', 'Home', 'End', 'Escape']) expect(commandForKey(key(k), false)).not.toBeNull();
  });

  it('leaves keys to controls and to the browser', () => {
    // Space presses a focused button; arrows move a radio choice; letters type in a field.
    expect(commandForKey(key(' ', el('button')), true)).toBeNull();
    expect(commandForKey(key('ArrowRight', el('input')), true)).toBeNull();
    expect(commandForKey(key('o', el('textarea')), true)).toBeNull();
    // Arrows on a button still move the deck; modified keys never do (Ctrl+F, Alt+←).
    expect(commandForKey(key('ArrowRight', el('button')), true)).toBe('next');
    expect(commandForKey(key('f', null, { ctrlKey: true }), true)).toBeNull();
    expect(commandForKey(key('ArrowLeft', null, { altKey: true }), true)).toBeNull();
    expect(commandForKey(key('x'), true)).toBeNull();
  });
});

describe('deck addresses and announcements', () => {
  it('reads "#5" as the fifth slide and a heading anchor as its slide', () => {
    expect(indexFromHash('#5', 10)).toBe(4);
    expect(indexFromHash('#1', 10)).toBe(0);
    expect(indexFromHash('#0', 10)).toBeNull();
    expect(indexFromHash('#11', 10)).toBeNull();
    expect(indexFromHash('', 10)).toBeNull();
    expect(indexFromHash('#glutamate', 3, ['', 'neurons', 'glutamate'])).toBe(2);
    expect(indexFromHash('#nowhere', 3, ['', 'neurons', 'glutamate'])).toBeNull();
  });
  it('announces "Slide 4 of 12: title"', () => {
    expect(slideAnnouncement(3, 12, 'The NMDA receptor')).toBe('Slide 4 of 12: The NMDA receptor');
  });
});

// ── Slide faces: key points on the slide, the prose in the notes ─────────────────────────────
const cite = (n: number) => `<sup class="cite" data-astro-cid-x><a href="../#ref-${n}" aria-label="Reference ${n}">[${n}]</a></sup>`;
const face = (html: string) => `<div class="slide-face" data-slide-face>${html}</div>`;
const FACED = [
  '<h2 id="why-speed-matters">Why speed matters</h2>',
  depth('plain', `<p>Most pills take weeks to work. That is a long wait.</p><p>One dose can help within hours ${cite(1)}. It fades.</p>`),
  depth('clinical', `<p>Conventional antidepressants take weeks.</p><div class="table-wrap" role="region"><table><caption>Time</caption><tr><td>2–4 h ${cite(1)}</td></tr></table></div>`),
  notes('Ask: what would a fading effect mean?'),
  face(`<ul><li>Pills take weeks</li><li>One dose helps within hours, then fades ${cite(1)}</li><li>Not a cure ${cite(2)}</li></ul>`),
  '<h2 id="auto">No face written</h2>',
  depth('plain', `<p>The first sentence is a point. The second is not.</p><p>Another first sentence ${cite(3)}. More.</p>`),
  depth('clinical', '<p>Clinical prose.</p>'),
].join('\n');

describe('slide faces', () => {
  const { slides } = splitSlides(FACED);

  it('a section split by <SlideBreak /> may give each part its own <SlideFace> (in order, written at its end)', () => {
    const split = [
      '<h2 id="one">One infusion</h2>',
      depth('plain', '<p>About half respond in a day.</p>'),
      BREAK,
      depth('plain', '<p>A stricter review found smaller effects. It rated the proof as very uncertain.</p>'),
      face('<ul><li>About half respond in a day</li></ul>'),
      face('<ul><li>A stricter review: smaller effects</li><li>Very uncertain evidence</li></ul>'),
    ].join('\n');
    const [first, second] = splitSlides(split).slides;
    expect(first.face).toBe('authored');
    expect(first.html).toContain('<li>About half respond in a day</li>');
    expect(first.html).not.toContain('stricter');
    expect(second.face).toBe('authored');
    expect(second.html).toContain('<li>Very uncertain evidence</li>');
    expect(second.notes).toContain('It rated the proof as very uncertain.');
    // One face for two parts still heads the first part only, as before.
    const one = splitSlides(split.replace(/\n<div class="slide-face"[^\n]*$/, '')).slides;
    expect(one[0].html).toContain('About half respond in a day</li>');
    expect(one[1].face).toBe('automatic');
  });

  it('an authored <SlideFace> is the face; the section\'s prose, both depths, becomes the notes, then its <Notes>', () => {
    expect(slides[0].face).toBe('authored');
    expect(slides[0].html).toContain('<li>Pills take weeks</li>');
    expect(slides[0].html).not.toContain('That is a long wait');
    for (const prose of ['Most pills take weeks to work. That is a long wait.', 'Conventional antidepressants take weeks.']) {
      expect(slides[0].notes).toContain(prose);
    }
    expect(slides[0].notes.indexOf('Conventional')).toBeLessThan(slides[0].notes.indexOf('Ask: what would'));
  });

  it('a table stays on the face, in its depth, and leaves the notes', () => {
    expect(slides[0].html).toMatch(/<div class="depth depth-clinical"><div class="table-wrap"[^>]*><table>/);
    expect(slides[0].notes).not.toContain('<table>');
  });

  it('gathers the citations of the points into one footer line, each once, after the visual', () => {
    expect(slides[0].html).toContain('<li>One dose helps within hours, then fades</li>');
    const footer = /<p class="slide-sources">.*<\/p>$/.exec(slides[0].html)?.[0] ?? '';
    expect(footer).toContain('[1]');
    expect(footer).toContain('[2]');
    expect(footer.match(/\[1\]/g)).toHaveLength(1);
  });

  it('counts the headline and points, not the citations', () => {
    // "Why speed matters" 3 + "Pills take weeks" 3 + "One dose helps within hours, then fades" 7 + "Not a cure" 3.
    expect(slides[0].words).toBe(16);
    expect(faceWords(`<li>Two words ${cite(12)}</li>`)).toBe(2);
  });

  it('without a <SlideFace>, the first plain sentence of each paragraph makes the points', () => {
    expect(slides[1].face).toBe('automatic');
    expect(slides[1].html).toContain('<li>The first sentence is a point.</li><li>Another first sentence.</li>');
    expect(slides[1].html).not.toContain('The second is not');
    expect(slides[1].html).toContain('[3]');
    expect(slides[1].notes).toContain('Clinical prose.');
  });

  it('the build check names the lesson and the section of a face over the limit', () => {
    const long = Array.from({ length: FACE_WORDS }, (_, i) => `word${i}`).join(' ');
    const { slides: over } = splitSlides(`<h2 id="x">Too long</h2>${face(`<ul><li>${long}</li></ul>`)}`);
    expect(over[0].words).toBe(FACE_WORDS + 2);
    expect(() => assertFaceLengths('lessons/01-x.mdx', over)).toThrow(/lessons\/01-x\.mdx.*section "Too long" has 47 words/);
    expect(() => assertFaceLengths('lessons/01-x.mdx', slides)).not.toThrow();
  });
});

describe('check-your-understanding slides', () => {
  const choice = (id: string) => ({ id, text: `Option ${id}`, explanation: `Because ${id}.` });
  const bank = [
    { id: 'q1', type: 'truefalse' as const, prompt: 'True or false: one?', answer: false, explanation: 'False, because.' },
    { id: 'q2', type: 'ordering' as const, prompt: 'Put in order' },
    { id: 'q3', type: 'single' as const, prompt: 'Which?', options: [choice('a'), choice('b'), choice('c')], answer: 'b' },
    { id: 'q4', type: 'multiple' as const, prompt: 'Which ones?', options: [choice('a'), choice('b'), choice('c')], answer: ['a', 'c'] },
    { id: 'q5', type: 'truefalse' as const, prompt: 'True or false: five?', answer: true, explanation: 'True.' },
  ];

  it('takes three answerable questions spread over the bank, with the answer spelled out', () => {
    const qs = checkQuestions(bank);
    // Four answerable (q2 is an ordering): the first, the middle one, the last.
    expect(qs.map((q) => q.id)).toEqual(['q1', 'q4', 'q5']);
    expect(qs[0]).toMatchObject({ number: 1, of: 3, answer: 'False', options: [], explanation: 'False, because.' });
    expect(qs[1]).toMatchObject({ answer: 'A and C', options: ['Option a', 'Option b', 'Option c'], explanation: 'Because a.' });
    expect(checkQuestions(bank.slice(2, 4))[0]).toMatchObject({ answer: 'B. Option b', explanation: 'Because b.' });
  });

  it('leaves a question too long for its slide to the quiz (QUESTION_WORDS), unless too few would be left', () => {
    const long = { id: 'q9', type: 'truefalse' as const, prompt: 'Long '.repeat(QUESTION_WORDS), answer: true, explanation: 'True.' };
    expect(checkQuestions([...bank, long]).map((q) => q.id)).toEqual(['q1', 'q4', 'q5']);
    expect(checkQuestions([bank[0], long]).map((q) => q.id)).toEqual(['q1', 'q9']);
  });

  it('needs at least two; the deck then ends with a divider and one slide per question, its answer a fragment', () => {
    expect(checkQuestions(bank.slice(0, 2))).toEqual([]);
    const deck = buildDeck('Lesson', splitSlides(FACED), checkQuestions(bank));
    expect(deck.map((s) => s.kind)).toEqual(['title', 'section', 'section', 'divider', 'question', 'question', 'question']);
    expect(deck[4]).toMatchObject({ label: 'Question 1 of 3', fragments: 1 });
    expect(deck[4].notes).toContain('Answer: False');
    expect(buildDeck('Lesson', splitSlides(FACED), []).map((s) => s.kind)).toEqual(['title', 'section', 'section']);
    // Short objectives stay on the title slide; a long list (over 8 lines of 66 characters) follows it.
    const short = buildDeck('Lesson', splitSlides(FACED), [], ['Explain the idea', 'List the facts']);
    expect(short.map((s) => s.kind)).toEqual(['title', 'section', 'section']);
    expect(short[0].objectives).toEqual(['Explain the idea', 'List the facts']);
    const long = Array.from({ length: 5 }, (_, i) => `Objective ${i + 1}: ${'words '.repeat(12)}`);
    const split = buildDeck('Lesson', splitSlides(FACED), [], long);
    expect(split.map((s) => s.kind)).toEqual(['title', 'objectives', 'section', 'section']);
    expect(split[0].objectives).toEqual([]);
    expect(split[1].objectives).toEqual(long);
  });
});
