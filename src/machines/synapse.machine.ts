export * from '../features/synapse/synapse.machine';
