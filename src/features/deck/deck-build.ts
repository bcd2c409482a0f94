// The whole deck of a lesson, at build time: the title slide (and the objectives when they are long),
// the sections' slides (split on the MDX tree by src/integrations/deck-plan.mjs), then the check-your-understanding part from the
// lesson's quiz bank.
import { escapeHtml, slideLabel, type SplitLesson } from './slides';

// ── Check-your-understanding slides ──────────────────────────────────────────────────────────

/** A quiz bank question as a projected slide shows it. */
export interface DeckQuestion {
  id: string;
  number: number;
  of: number;
  prompt: string;
  /** The choices, in the bank's order (lettered A, B, …); none for true/false. */
  options: string[];
  /** "B. Usual treatments …", "True", or "A and C". */
  answer: string;
  explanation: string;
}

interface BankChoice {
  id: string;
  text: string;
  explanation: string;
}
type BankQuestion =
  | { id: string; type: 'truefalse'; prompt: string; answer: boolean; explanation: string }
  | { id: string; type: 'single'; prompt: string; options: BankChoice[]; answer: string }
  | { id: string; type: 'multiple'; prompt: string; options: BankChoice[]; answer: string[] }
  | { id: string; type: 'ordering' | 'matching'; prompt: string };

const letter = (i: number) => String.fromCharCode(65 + i);

/**
 * Two or three questions of the lesson's bank for the end of the deck: the kinds a class can
 * answer aloud (true/false, one or several choices), spread over the bank (first, middle, last),
 * so they cover the lesson rather than its first section.
 */
/** The most words a question slide's prompt, options, answer and explanation may hold together. */
export const QUESTION_WORDS = 55;

const wordsIn = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Words a question slide shows once its answer is revealed (the answer restates one option). */
function questionWords(q: BankQuestion): number {
  if (q.type === 'truefalse') return wordsIn(`${q.prompt} True False ${q.explanation}`);
  if (q.type !== 'single' && q.type !== 'multiple') return Infinity;
  const right = q.options.find((o) => (Array.isArray(q.answer) ? q.answer.includes(o.id) : q.answer === o.id));
  return wordsIn([q.prompt, ...q.options.map((o) => o.text), right?.text ?? '', right?.explanation ?? ''].join(' '));
}

export function checkQuestions(bank: readonly BankQuestion[], count = 3): DeckQuestion[] {
  const asked = bank.filter((q) => q.type === 'truefalse' || q.type === 'single' || q.type === 'multiple');
  // A question asked of a class must fit its slide at projector size with its answer revealed:
  // the long ones stay in the quiz (myths-and-facts had a 67-word face that ran into the footer).
  const fitting = asked.filter((q) => questionWords(q) <= QUESTION_WORDS);
  const usable = fitting.length >= 2 ? fitting : asked;
  const n = Math.min(count, usable.length);
  if (n < 2) return [];
  const picked = Array.from({ length: n }, (_, i) => usable[Math.round((i * (usable.length - 1)) / (n - 1))]);
  return picked.map((q, i) => {
    const base = { id: q.id, number: i + 1, of: n, prompt: q.prompt };
    if (q.type === 'truefalse') return { ...base, options: [], answer: q.answer ? 'True' : 'False', explanation: q.explanation };
    if (q.type === 'single') {
      const at = q.options.findIndex((o) => o.id === q.answer);
      const right = q.options[at];
      return { ...base, options: q.options.map((o) => o.text), answer: `${letter(at)}. ${right.text}`, explanation: right.explanation };
    }
    const q2 = q as Extract<BankQuestion, { type: 'multiple' }>;
    const right = q2.options.map((o, j) => ({ o, j })).filter(({ o }) => q2.answer.includes(o.id));
    const letters = right.map(({ j }) => letter(j));
    const answer = letters.length > 1 ? `${letters.slice(0, -1).join(', ')} and ${letters[letters.length - 1]}` : letters[0];
    // One explanation is enough to say why; the others are in the quiz and the notes.
    return { ...base, options: q2.options.map((o) => o.text), answer, explanation: right[0].o.explanation };
  });
}

// ── The deck: title slide, the sections' slides, then the check-your-understanding part ─────

export interface DeckSlide {
  kind: 'title' | 'objectives' | 'section' | 'divider' | 'question';
  /** The name in the overview, the window title and the live region. */
  label: string;
  /** A section's face (HTML split from the lesson); empty for the slides drawn by components. */
  html: string;
  /** Speaker notes (HTML). */
  notes: string;
  fragments: number;
  stepperSteps: number;
  /** The reading view's anchor, for the first slide of a section. */
  anchor: string;
  lead?: string;
  question?: DeckQuestion;
  /** The lesson's objectives, on the title slide or, when they are long, on a slide of their own. */
  objectives?: string[];
}

/**
 * Whether the objectives fit on the title slide under the title and above the crisis line: at
 * most 8 lines of about 66 characters at 28 px on the 1280×720 canvas (measured: 9 lines run
 * into the crisis line). Longer lists get a slide of their own after the title.
 */
export function objectivesFitTitle(objectives: readonly string[]): boolean {
  return objectives.reduce((lines, o) => lines + Math.ceil(o.length / 66), 0) <= 8;
}

/** The whole deck of a lesson, in order. */
export function buildDeck(title: string, lesson: SplitLesson, questions: DeckQuestion[], objectives: string[] = []): DeckSlide[] {
  const intro = lesson.intro.html + lesson.intro.notes;
  const base = { html: '', fragments: 0, stepperSteps: 0, anchor: '' };
  const together = objectivesFitTitle(objectives);
  const deck: DeckSlide[] = [{ ...base, kind: 'title', label: title, notes: intro, objectives: together ? objectives : [] }];
  if (!together) {
    deck.push({
      ...base,
      kind: 'objectives',
      label: 'In this lesson you will',
      notes: '<p>The lesson’s objectives: what the class will be able to do by the end.</p>',
      objectives,
    });
  }
  for (const s of lesson.slides) {
    deck.push({
      kind: 'section',
      label: slideLabel(s),
      html: s.html,
      notes: s.notes,
      fragments: s.fragments,
      stepperSteps: s.stepperSteps,
      anchor: s.part === 1 ? s.anchor : '',
    });
  }
  if (questions.length) {
    deck.push({
      ...base,
      kind: 'divider',
      label: 'Check your understanding',
      lead: `${questions.length === 2 ? 'Two' : 'Three'} questions from this lesson. Think of your answer before it shows.`,
      notes: '<p>Ask each question aloud and give the class a moment before you show the answer (next). Nothing is scored or kept.</p>',
    });
    for (const q of questions) {
      deck.push({
        ...base,
        kind: 'question',
        label: `Question ${q.number} of ${q.of}`,
        fragments: 1,
        notes: `<p><strong>Answer: ${escapeHtml(q.answer)}</strong></p><p>${escapeHtml(q.explanation)}</p>`,
        question: q,
      });
    }
  }
  return deck;
}
