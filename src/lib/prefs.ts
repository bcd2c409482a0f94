// Reader preferences (theme, reading depth). Small separate keys, read before first paint by
// the inline script in Base.astro; this module is for the controls that change them.
export const PREFIX = 'ketamine-course:';
export const THEME_KEY = `${PREFIX}theme`;
export const DEPTH_KEY = `${PREFIX}depth`;

export type Theme = 'light' | 'dark';
export type Depth = 'plain' | 'clinical';

export function readPref(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writePref(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage off: the choice lasts for this page only, which the progress notice already explains.
  }
}

/** "Clear my data": removes every key this course wrote on this device, progress included. */
export function clearCourseData(): number {
  let removed = 0;
  try {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith(PREFIX)) {
        localStorage.removeItem(key);
        removed++;
      }
    }
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // Nothing was stored if storage is unavailable.
  }
  return removed;
}
