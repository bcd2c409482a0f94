export * from '../platform/prefs';
