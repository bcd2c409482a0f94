import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkQuizSections, quizBankSchema, validateQuizBank } from '../../src/course/quiz-schema';

const FILE = 'lessons/04-what-the-evidence-says.quiz.yaml';

// The documented example of the format: every question type once.
const EXAMPLE = `
lesson: what-the-evidence-says
passMark: 0.8
questions:
  - id: response-vs-remission
    type: single
    prompt: In depression trials, what does "remission" mean?
    hint: Think about where the symptom score ends up, not how far it moved.
    section: response-is-not-remission
    options:
      - id: halved
        text: Symptom scores fell by at least half
        explanation: That is "response". A person who responds can still have many symptoms.
      - id: minimal
        text: Symptoms fell to a minimal level, below a set cut-off
        explanation: Right. Remission means few or no symptoms are left, a higher bar than response.
      - id: cured
        text: The depression will not come back
        explanation: No trial outcome means that. Remission describes how someone is now, not a cure.
    answer: minimal

  - id: single-dose-effects
    type: multiple
    prompt: Which are true of a single ketamine infusion for depression?
    hint: Select all that apply.
    section: how-long-it-lasts
    options:
      - id: hours
        text: Relief can begin within hours
        explanation: Right. Onset within 2 to 4 hours has been seen in trials.
      - id: fades
        text: The effect of one dose often fades within about a week
        explanation: Right. In pooled trials, response fell from about half at 24 hours to 40% at day 7.
      - id: permanent
        text: One dose usually cures depression
        explanation: Not so. A fading single-dose effect is not a cure.
    answer: [hours, fades]

  - id: seventy-percent
    type: truefalse
    prompt: "True or false: 70% of people with depression are cured by ketamine."
    section: the-seventy-percent-claim
    answer: false
    explanation: >-
      False. The 70% figure comes from an uncontrolled chart review and counts improvement, not cure.

  - id: trial-steps
    type: ordering
    prompt: Put the steps of a randomised controlled trial in order.
    section: how-trials-work
    items:
      - id: enrol
        text: Enrol eligible participants
      - id: randomise
        text: Randomly assign them to ketamine or a comparison
      - id: treat
        text: Give the treatments
      - id: measure
        text: Measure symptoms with a rating scale
    explanation: Participants are enrolled first, then randomised, treated, and measured.

  - id: terms
    type: matching
    prompt: Match each term to its meaning.
    section: response-is-not-remission
    pairs:
      - id: response
        term: Response
        definition: Symptom score falls by at least half
      - id: remission
        term: Remission
        definition: Few or no symptoms remain
      - id: relapse
        term: Relapse
        definition: Symptoms return after improving
    explanation: Response is a big improvement, remission is being nearly symptom-free, relapse is a return.
`;

const valid = () => parse(EXAMPLE) as any;

/** Applies a change to a fresh copy of the example and returns the error message validateQuizBank throws. */
function errorFor(change: (bank: any) => void): string {
  const bank = valid();
  change(bank);
  try {
    validateQuizBank(FILE, bank);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the bank to be rejected');
}

describe('quiz bank schema', () => {
  it('accepts the documented example with every question type', () => {
    const bank = validateQuizBank(FILE, valid());
    expect(bank.questions.map((q) => q.type)).toEqual(['single', 'multiple', 'truefalse', 'ordering', 'matching']);
    expect(bank.passMark).toBe(0.8);
  });

  it('passMark is optional', () => {
    const bank = valid();
    delete bank.passMark;
    expect(validateQuizBank(FILE, bank).passMark).toBeUndefined();
  });

  it.each<[string, (bank: any) => void, string, RegExp]>([
    ['a duplicate question id', (b) => (b.questions[3].id = 'seventy-percent'), 'seventy-percent', /questions\.3\.id: .*already used by question 3/],
    ['an answer that is not an option', (b) => (b.questions[0].answer = 'gone'), 'response-vs-remission', /questions\.0\.answer: .*"gone" is not one of its option ids \(halved, minimal, cured\)/],
    ['a multiple answer that is not an option', (b) => b.questions[1].answer.push('nope'), 'single-dose-effects', /questions\.1\.answer\.2: .*"nope"/],
    ['a multiple answer listed twice', (b) => b.questions[1].answer.push('hours'), 'single-dose-effects', /questions\.1\.answer\.2: .*listed twice/],
    ['an option without an explanation', (b) => delete b.questions[0].options[1].explanation, 'response-vs-remission', /questions\.0\.options\.1\.explanation: .*explanation is required/],
    ['an explanation too short to explain', (b) => (b.questions[1].options[2].explanation = 'No.'), 'single-dose-effects', /questions\.1\.options\.2\.explanation: .*at least 10 characters/],
    ['a duplicate option id', (b) => (b.questions[0].options[2].id = 'halved'), 'response-vs-remission', /questions\.0\.options\.2\.id: .*option id "halved" is used twice/],
    ['an unknown question type', (b) => (b.questions[2].type = 'essay'), 'seventy-percent', /questions\.2\.type: .*type must be one of: single, multiple, truefalse, ordering, matching/],
    ['a true/false answer given as a string', (b) => (b.questions[2].answer = 'false'), 'seventy-percent', /questions\.2\.answer: .*true or false/],
    ['a single answer given as a list', (b) => (b.questions[0].answer = ['minimal']), 'response-vs-remission', /questions\.0\.answer: .*one correct option/],
    ['an ordering question without an explanation', (b) => delete b.questions[3].explanation, 'trial-steps', /questions\.3\.explanation: /],
    ['an ordering item repeated', (b) => (b.questions[3].items[2] = { ...b.questions[3].items[0] }), 'trial-steps', /questions\.3\.items\.2\.id: .*"enrol" is used twice/],
    ['an ordering question with one item', (b) => (b.questions[3].items = b.questions[3].items.slice(0, 1)), 'trial-steps', /questions\.3\.items: .*at least 2/],
    ['a matching definition used twice', (b) => (b.questions[4].pairs[2].definition = b.questions[4].pairs[0].definition), 'terms', /questions\.4\.pairs\.2\.definition: .*used twice/],
    ['a matching pair without a term', (b) => delete b.questions[4].pairs[1].term, 'terms', /questions\.4\.pairs\.1\.term: /],
    ['a section that is not an anchor slug', (b) => (b.questions[1].section = 'How it lasts'), 'single-dose-effects', /questions\.1\.section: .*lower-case/],
    ['a missing prompt', (b) => delete b.questions[2].prompt, 'seventy-percent', /questions\.2\.prompt: .*required/],
    ['an unknown field (a typo)', (b) => (b.questions[0].explanaton = 'x'), 'response-vs-remission', /questions\.0: .*explanaton/],
    ['options on a true/false question', (b) => (b.questions[2].options = []), 'seventy-percent', /questions\.2: .*options/],
  ])('rejects %s, naming the file, the question id and the field', (_, change, questionId, field) => {
    const message = errorFor(change);
    expect(message).toContain(FILE);
    expect(message).toContain(`question "${questionId}"`);
    expect(message).toMatch(field);
  });

  it('names the question by position when its id is missing', () => {
    const message = errorFor((b) => delete b.questions[1].id);
    expect(message).toMatch(/questions\.1\.id: question 2: id is required/);
  });

  it.each<[string, (bank: any) => void, RegExp]>([
    ['fewer than 4 questions', (b) => (b.questions = b.questions.slice(0, 3)), /questions: .*at least 4/],
    ['more than 8 questions', (b) => (b.questions = [...b.questions, ...b.questions].map((q: any, i: number) => ({ ...q, id: `q${i}` }))), /questions: .*at most 8/],
    ['a pass mark given as a percentage', (b) => (b.passMark = 80), /passMark: .*at most 1/],
    ['a missing lesson slug', (b) => delete b.lesson, /lesson: .*required/],
  ])('rejects a bank with %s, naming the file and the field', (_, change, field) => {
    const message = errorFor(change);
    expect(message).toContain(FILE);
    expect(message).toMatch(field);
  });

  it('reports every problem at once, one line each', () => {
    const message = errorFor((b) => {
      b.questions[0].answer = 'gone';
      b.questions[4].id = 'seventy-percent';
    });
    expect(message.split('\n')).toHaveLength(2);
  });

  it('the schema itself (used by the content collection) carries the question id in its messages', () => {
    const bank = valid();
    bank.questions[0].answer = 'gone';
    const result = quizBankSchema.safeParse(bank);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path).toEqual(['questions', 0, 'answer']);
    expect(result.error!.issues[0].message).toContain('question "response-vs-remission"');
  });

  it('checkQuizSections finds a Re-read link that points to no heading', () => {
    const bank = validateQuizBank(FILE, valid());
    const anchors = ['response-is-not-remission', 'how-long-it-lasts', 'the-seventy-percent-claim', 'how-trials-work'];
    expect(() => checkQuizSections(FILE, bank, anchors)).not.toThrow();
    expect(() => checkQuizSections(FILE, bank, anchors.slice(1))).toThrow(
      /questions\.0\.section: question "response-vs-remission": section "response-is-not-remission" is not a heading anchor/,
    );
  });
});
