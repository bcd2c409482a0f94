// The one storage door: every key this course keeps in the browser, and the only code that calls
// localStorage or sessionStorage. Every call may throw (storage off, a getter that throws, quota),
// so each is wrapped and its outcome returned, never thrown. Reading never writes: there is no
// probe, so storage that is full still reads what it holds.
//
// Where keys live: `local` is localStorage (kept on this device), `session` is sessionStorage.
// ./tab.ts adds tab-long storage (sessionStorage, else the window's name) on top of `session`.

export const PREFIX = 'ketamine-course:';

/** Every key the course keeps, by name (checked by the type; nothing of it ships): the key is
 *  PREFIX + name. "Clear my data" removes everything under PREFIX. */
export type KeyName =
  | 'progress' // the progress record (src/features/progress)
  | `progress:unreadable:${string}` // an unreadable record kept aside, by date
  | 'probe' // a moment's write that tells whether storage takes writes now
  | `notice-seen:${string}` // in the tab: the progress notices already told
  | 'theme'
  | 'depth'
  | 'audience'
  | 'motion'
  | 'quiz-mode'
  | 'questions' // the patient's questions (src/features/consult/questions.ts)
  | 'questions:unreadable'
  | 'deck-shortcuts'
  | `deck:${string}` // a deck's position record, and its BroadcastChannel's name
  | `deck-timer:${string}`; // in the tab: the presenter's timer

export const key = (name: KeyName) => PREFIX + name;

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The browser's storage: a StorageLike that can also list its keys (for "Clear my data"). */
export interface BrowserArea extends StorageLike {
  keys(): string[];
}

export type WriteResult = 'ok' | 'quota' | 'unavailable';
export type ReadResult = { ok: true; value: string | null } | { ok: false };

/** The browser's storage of that kind, looked up on every call so a throwing getter throws inside
 *  the call (and is caught by read/write/remove) rather than once at start-up. */
function browserArea(which: 'localStorage' | 'sessionStorage'): BrowserArea {
  const get = () => globalThis[which] as Storage;
  return {
    keys: () => Object.keys(get()),
    getItem: (key) => get().getItem(key),
    setItem: (key, value) => get().setItem(key, value),
    removeItem: (key) => get().removeItem(key),
  };
}

export const local = browserArea('localStorage');
export const session = browserArea('sessionStorage');

export function read(key: string, from: Pick<StorageLike, 'getItem'> | null = local): ReadResult {
  if (!from) return { ok: false };
  try {
    return { ok: true, value: from.getItem(key) };
  } catch {
    return { ok: false };
  }
}

/** The stored value, or null when there is none or storage cannot be read. */
export const readValue = (key: string, from: Pick<StorageLike, 'getItem'> | null = local): string | null => {
  const result = read(key, from);
  return result.ok ? result.value : null;
};

export function write(key: string, value: string, to: Pick<StorageLike, 'setItem'> | null = local): WriteResult {
  if (!to) return 'unavailable';
  try {
    to.setItem(key, value);
    return 'ok';
  } catch (error) {
    // QuotaExceededError in every current browser (Firefox once said NS_ERROR_DOM_QUOTA_REACHED).
    return /quota/i.test((error as Error)?.name) ? 'quota' : 'unavailable';
  }
}

export function remove(key: string, from: Pick<StorageLike, 'removeItem'> | null = local): boolean {
  if (!from) return false;
  try {
    from.removeItem(key);
    return true;
  } catch {
    return false;
  }
}

/** The before-paint script (PageHead.astro inlines it): applies the stored theme, reading depth and
 *  audience, and stores an audience sent as ?audience=… . Kept here so every storage call and key
 *  stays in this file; tests/unit/audience.test.ts runs it. */
export const beforePaint = () => `try{var d=document.documentElement,s=localStorage,k=${JSON.stringify(key('audience'))},q=/audience=(patient|student|presenter|all)/.exec(location.search),t=s.getItem(${JSON.stringify(key('theme'))}),p=s.getItem(${JSON.stringify(key('depth'))}),a=q?q[1]:s.getItem(k);q&&history.replaceState(0,"",location.pathname);/^(dark|light)$/.test(t)&&(d.dataset.theme=t);/^(patient|student|presenter|all)$/.test(a)&&(d.dataset.audience=a);/^(plain|clinical)$/.test(p)||(p=a=="patient"&&"plain");p&&(d.dataset.depth=p);q&&s.setItem(k,a)}catch(e){}`;
