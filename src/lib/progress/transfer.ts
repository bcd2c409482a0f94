// Export and import of progress files. An imported file is untrusted input: it is validated like
// stored data and merged, so an import can add completions but never remove one.
import { completedSlugs, readRecord, type ProgressRecord } from './record';
import type { ProgressStore } from './store';

export const EXPORT_FORMAT = 'ketamine-course-progress';

export function exportProgress(record: ProgressRecord, exportedAt: Date = new Date()): string {
  return JSON.stringify({ format: EXPORT_FORMAT, exportedAt: exportedAt.toISOString(), ...record }, null, 2);
}

export type ImportResult = { ok: true; added: number } | { ok: false; error: string };

export function importProgress(store: ProgressStore, text: string, knownSlugs?: Set<string>): ImportResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not a progress file (it is not valid JSON).' };
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, error: 'This file is not a progress file exported from this course.' };
  }
  const outcome = readRecord(text);
  if (outcome.kind === 'invalid') return { ok: false, error: 'This progress file is damaged or incomplete.' };
  if (outcome.kind === 'newer') {
    return { ok: false, error: 'This progress file comes from a newer version of the course.' };
  }
  const incoming = outcome.record;
  if (knownSlugs) {
    for (const slug of Object.keys(incoming.lessons)) if (!knownSlugs.has(slug)) delete incoming.lessons[slug];
  }
  const before = new Set(completedSlugs(store.record));
  store.merge(incoming);
  const added = completedSlugs(store.record).filter((slug) => !before.has(slug)).length;
  return { ok: true, added };
}
