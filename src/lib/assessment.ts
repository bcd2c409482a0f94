export * from '../features/quiz/assessment';
