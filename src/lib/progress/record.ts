export * from '../../features/progress/record';
export * from '../../features/progress/merge';
