export * from '../features/quiz/quiz.machine';
