// A progress file: the record with its format name and the time of export (./transfer.ts reads it).
import type { ProgressRecord } from './record';

export const EXPORT_FORMAT = 'ketamine-course-progress';

export function exportProgress(record: ProgressRecord, exportedAt: Date = new Date()): string {
  return JSON.stringify({ format: EXPORT_FORMAT, exportedAt: exportedAt.toISOString(), ...record }, null, 2);
}
