// The review session machine, walked path by path (as the quiz machine is): every path from the
// start reaches a state the session can be in, and the effects fire where they should.
import { describe, expect, test, vi } from 'vitest';
import { createActor } from 'xstate';
import { getSimplePaths } from '@xstate/graph';
import { reviewMachine } from '../../../src/features/review/review.machine';
import type { Question } from '../../../src/features/quiz/quiz.types';

const opt = (id: string) => ({ id, text: `Option ${id}`, explanation: `Because ${id}.` });
const q1: Question = { id: 'q1', lesson: 'intro', type: 'single', prompt: 'One?', section: 's1', options: [opt('a'), opt('b')], answer: 'b' };
const q2: Question = { id: 'q2', lesson: 'dose', type: 'truefalse', prompt: 'Two?', section: 's2', answer: true } as Question;

function start(questions: Question[]) {
  const grade = vi.fn();
  const announce = vi.fn();
  const focus = { question: vi.fn(), error: vi.fn(), feedback: vi.fn(), result: vi.fn() };
  const actor = createActor(
    reviewMachine.provide({
      actions: {
        grade: (_, params) => grade(params),
        announce: (_, params) => announce(params),
        focusQuestion: focus.question,
        focusErrorSummary: focus.error,
        focusFeedback: focus.feedback,
        focusResult: focus.result,
      },
    }),
    { input: { questions } },
  ).start();
  return { actor, grade, announce, focus };
}

describe('review machine', () => {
  test('no questions: empty', () => {
    expect(start([]).actor.getSnapshot().value).toBe('empty');
  });

  test('the whole session by keyboard events: each answer graded at once, with feedback, then the result', () => {
    const { actor, grade, announce, focus } = start([q1, q2]);
    expect(actor.getSnapshot().value).toBe('intro');
    actor.send({ type: 'START' });
    expect(focus.question).toHaveBeenCalledTimes(1);
    actor.send({ type: 'ANSWER', questionId: 'q1', response: 'a' });
    actor.send({ type: 'CHECK' });
    expect(actor.getSnapshot().value).toBe('checked');
    expect(grade).toHaveBeenLastCalledWith({ question: q1, correct: false });
    expect(announce).toHaveBeenLastCalledWith({ kind: 'checked', correct: false });
    expect(focus.feedback).toHaveBeenCalledTimes(1);
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'ANSWER', questionId: 'q2', response: true });
    actor.send({ type: 'CHECK' });
    expect(grade).toHaveBeenLastCalledWith({ question: q2, correct: true });
    actor.send({ type: 'NEXT' });
    const done = actor.getSnapshot();
    expect(done.value).toBe('done');
    expect(done.context.stopped).toBe(false);
    expect(announce).toHaveBeenLastCalledWith({ kind: 'done', answered: 2, right: 1, stopped: false });
    expect(focus.result).toHaveBeenCalledTimes(1);
    expect(grade).toHaveBeenCalledTimes(2);
  });

  test('Check with nothing chosen: an error, nothing graded; answering clears it', () => {
    const { actor, grade, focus } = start([q1]);
    actor.send({ type: 'START' });
    actor.send({ type: 'CHECK' });
    expect(actor.getSnapshot().value).toBe('answering');
    expect(actor.getSnapshot().context.error).not.toBeNull();
    expect(focus.error).toHaveBeenCalledTimes(1);
    expect(grade).not.toHaveBeenCalled();
    actor.send({ type: 'ANSWER', questionId: 'q1', response: 'b' });
    expect(actor.getSnapshot().context.error).toBeNull();
  });

  test('an answer for another question is ignored', () => {
    const { actor } = start([q1, q2]);
    actor.send({ type: 'START' });
    actor.send({ type: 'ANSWER', questionId: 'q2', response: true });
    expect(actor.getSnapshot().context.responses).toEqual({});
  });

  test('stopping keeps what was answered and says the session was stopped', () => {
    const { actor, grade } = start([q1, q2]);
    actor.send({ type: 'START' });
    actor.send({ type: 'ANSWER', questionId: 'q1', response: 'b' });
    actor.send({ type: 'CHECK' });
    actor.send({ type: 'STOP' });
    const done = actor.getSnapshot();
    expect(done.value).toBe('done');
    expect(done.context.stopped).toBe(true);
    expect(grade).toHaveBeenCalledTimes(1);
  });

  test('every simple path through the session ends in a known state, grading once per checked question', () => {
    const events = [
      { type: 'START' },
      { type: 'ANSWER', questionId: 'q1', response: 'a' },
      { type: 'ANSWER', questionId: 'q2', response: false },
      { type: 'CHECK' },
      { type: 'NEXT' },
      { type: 'STOP' },
    ] as const;
    const paths = getSimplePaths(reviewMachine, { input: { questions: [q1, q2] }, events: [...events] } as never);
    expect(paths.length).toBeGreaterThan(5);
    const states = new Set(paths.map((p) => String(p.state.value)));
    expect(states).toEqual(new Set(['intro', 'answering', 'checked', 'done']));
    for (const path of paths) {
      const { actor, grade } = start([q1, q2]);
      for (const step of path.steps) actor.send(step.event as never);
      const snapshot = actor.getSnapshot();
      expect(String(snapshot.value)).toBe(String(path.state.value));
      expect(grade).toHaveBeenCalledTimes(Object.keys(snapshot.context.results).length);
    }
  });
});
