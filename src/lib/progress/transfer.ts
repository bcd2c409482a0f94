export * from '../../features/progress/transfer';
