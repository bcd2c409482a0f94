// Reader preferences (theme, reading depth, motion, quiz mode, deck shortcuts): small separate
// keys, read before first paint by the inline script (BEFORE_PAINT in ./storage); this module is
// for the controls that change them. Storage goes through the one door (./storage).
import { key, readValue, write } from './storage';

export { PREFIX } from './storage';
export const THEME_KEY = key('theme');
export const DEPTH_KEY = key('depth');

export type Theme = 'light' | 'dark';
export type Depth = 'plain' | 'clinical';

// The door's own functions under their preference names (no wrappers: every page ships these).
// A preference that cannot be written (storage off or full) lasts for this page only, which the
// progress notice explains; callers ignore write's outcome.
export { readValue as readPref, write as writePref };
