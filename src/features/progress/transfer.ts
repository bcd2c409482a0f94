// Export and import of progress files. An imported file is untrusted input: it is validated like
// stored data and merged, so an import can add completions but never remove one. The progress
// page loads this file only when a file is chosen (its words are most of it).
import { EXPORT_FORMAT } from './export';
import { completedSlugs, readRecord } from './record';
import type { BaseStore } from './base';

export { EXPORT_FORMAT, exportProgress } from './export';

/** Why a file was refused: not JSON, not a progress file, damaged, or from a newer version. The
 *  words are the page's (src/pages/progress.astro), so this file carries none. */
export type ImportError = 'json' | 'format' | 'damaged' | 'newer';
export type ImportResult = { ok: true; added: number } | { ok: false; error: ImportError };

export function importProgress(store: BaseStore, text: string, knownSlugs?: Set<string>): ImportResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, error: 'json' };
  }
  if ((parsed as { format?: unknown } | null)?.format !== EXPORT_FORMAT) return { ok: false, error: 'format' };
  const outcome = readRecord(text);
  if (outcome.kind !== 'ok') return { ok: false, error: outcome.kind === 'newer' ? 'newer' : 'damaged' };
  const incoming = outcome.record;
  if (knownSlugs) {
    for (const slug of Object.keys(incoming.lessons)) if (!knownSlugs.has(slug)) delete incoming.lessons[slug];
  }
  const before = new Set(completedSlugs(store.record));
  store.merge(incoming);
  const added = completedSlugs(store.record).filter((slug) => !before.has(slug)).length;
  return { ok: true, added };
}
