// SCORM API discovery as the standards describe it (SCORM 1.2 RTE 3.3.6.1, SCORM 2004 RTE 3.1.3):
// look in this window's parents, up to a bounded depth, then in the opener's chain. A window of
// another origin throws on access: it is skipped, not fatal.
export function findApi<T>(name: 'API' | 'API_1484_11', start: Window = window): T | null {
  const search = (win: Window | null): T | null => {
    for (let depth = 0; win && depth < 500; depth++) {
      try {
        const api = (win as unknown as Record<string, unknown>)[name];
        if (api) return api as T;
      } catch {
        // another origin
      }
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  };
  let found = search(start);
  if (!found) {
    try {
      found = search(start.opener as Window | null);
    } catch {
      found = null;
    }
  }
  return found;
}
