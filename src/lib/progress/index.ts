export * from '../../features/progress/index';
