export * from '../features/quiz/quiz.types';
