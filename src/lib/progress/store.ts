export * from '../../features/progress/store';
