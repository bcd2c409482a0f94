// The words of the patient-facing interface read at grade 8 or below (Flesch–Kincaid, the same
// rule as the lessons: src/course/readability.ts). The pages are rendered with Astro's container API
// (no build needed), so what is measured is the HTML a patient gets: the consult page, "What I
// learned", the privacy page, the home page's chooser and patient path words, the "Add to my
// questions" box and the site's header and footer. The suggested questions and the messages the
// scripts announce are measured from their modules (they are the same strings the scripts use).
// The lessons' own text is measured by readability.test.ts; an empty course is rendered here.
import { describe, expect, test } from 'vitest';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import Consult from '../../src/pages/consult.astro';
import Learned from '../../src/pages/learned.astro';
import Privacy from '../../src/pages/privacy.astro';
import Home from '../../src/pages/index.astro';
import AskQuestion from '../../src/features/consult/AskQuestion.astro';
import { fleschKincaidGrade, plainText } from '../../src/course/readability';
import { MESSAGES, SUGGESTED_QUESTIONS } from '../../src/features/consult/questions';
import { AUDIENCE_TEXT } from '../../src/platform/audience';

const MAX_GRADE = 8;
const grade = (text: string) => Math.round(fleschKincaidGrade(text) * 10) / 10;

/** The words a reader sees or hears: one unit per block, control and label; scripts and styles out. */
export function interfaceText(html: string): string {
  const body = html
    .replace(/^[\s\S]*?<body\b[^>]*>/, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    // Words shown to one audience only (data-for) are read one at a time.
    .replace(/<(strong|span)\b(?=[^>]*\sdata-for=)[^>]*>/g, '\n<p>\n')
    // Controls and labels are units of their own, like paragraphs.
    .replace(/<\/?(button|label|summary|legend|textarea|template|noscript|main|header|footer|nav|form|fieldset)\b[^>]*>/g, '\n<p>\n');
  return plainText(body.replace(/\{/g, '(').replace(/\}/g, ')'));
}

const container = await AstroContainer.create();
const pages = {
  '/consult/': await container.renderToString(Consult),
  '/learned/': await container.renderToString(Learned),
  '/privacy/': await container.renderToString(Privacy),
  '/ (home, no lessons)': await container.renderToString(Home),
};

describe('patient-facing pages read at grade 8 or below', () => {
  test.each(Object.entries(pages))('%s', (_, html) => {
    const text = interfaceText(html);
    expect(text.split(/\s+/).length, 'too few words: did the page render?').toBeGreaterThan(60);
    const g = grade(text);
    console.info(`interface readability ${_}: grade ${g}`);
    expect(g, `reads at grade ${g}:\n${text}`).toBeLessThanOrEqual(MAX_GRADE);
  });

  test('the consult page says where to get help before anything else', () => {
    const main = pages['/consult/'].slice(pages['/consult/'].indexOf('<main'));
    expect(main.indexOf('crisis-line')).toBeGreaterThan(-1);
    expect(main.indexOf('crisis-line')).toBeLessThan(main.indexOf('<h1'));
  });

  test('no paragraph of the consult page is hard on its own', () => {
    // Each prose unit of ten words or more (a button label is not prose), the crisis line included.
    const units = interfaceText(pages['/consult/'])
      .split('\n')
      .filter((u) => u.split(/\s+/).length >= 10);
    const hard = units.map((u) => [u, grade(u)] as const).filter(([, g]) => g > MAX_GRADE);
    expect(hard).toEqual([]);
  });
});

describe('interface words from the feature modules', () => {
  test('the suggested questions, as a list and one by one', () => {
    const all = SUGGESTED_QUESTIONS.join('\n');
    expect(grade(all)).toBeLessThanOrEqual(MAX_GRADE);
    const grades = SUGGESTED_QUESTIONS.map((q) => [q, grade(q)] as const);
    console.info(`suggested questions: grade ${grade(all)} together; one by one ${grades.map(([, g]) => g).join(', ')}`);
    const hard = grades.filter(([, g]) => g > MAX_GRADE);
    expect(hard).toEqual([]);
  });

  test('the messages the scripts announce', () => {
    const messages = Object.values(MESSAGES)
      .map((m) => (typeof m === 'function' ? m(3, 5) : m))
      .join('\n');
    const g = grade(messages);
    expect(g, messages).toBeLessThanOrEqual(MAX_GRADE);
  });

  test('the "Who is reading?" chooser', () => {
    const words = [
      AUDIENCE_TEXT.heading,
      AUDIENCE_TEXT.intro,
      ...Object.values(AUDIENCE_TEXT.choices),
      AUDIENCE_TEXT.skip,
      AUDIENCE_TEXT.stored,
      ...Object.values(AUDIENCE_TEXT.now).map((w) => `Reading as: ${w}.`),
      AUDIENCE_TEXT.patientPathIntro,
      AUDIENCE_TEXT.moreLessonsIntro,
      AUDIENCE_TEXT.presenterIntro,
    ].join('\n');
    expect(grade(words), words).toBeLessThanOrEqual(MAX_GRADE);
  });

  test('the "Add to my questions" box', async () => {
    const html = await container.renderToString(AskQuestion, { props: { q: SUGGESTED_QUESTIONS[2] } });
    const text = interfaceText(`<body>${html}`);
    expect(text).toContain('Add to my questions');
    expect(grade(text), text).toBeLessThanOrEqual(MAX_GRADE);
  });

  test('AskQuestion refuses a question that is not one of the suggested ones', async () => {
    await expect(container.renderToString(AskQuestion, { props: { q: 'Is this made up?' } })).rejects.toThrow(/suggested questions/);
  });
});
