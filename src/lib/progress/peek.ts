export * from '../../features/progress/peek';
export * from '../../features/progress/watch';
