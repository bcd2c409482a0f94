export * from '../features/synapse/synapse-steps';
