// "Clear my data": removes every key of this course from this device and this tab, through the
// storage door. Apart from ./storage.ts so only the progress page carries it.
import { PREFIX, local, session } from './storage';

/** Returns how many keys were removed from the device's storage. */
export function clearCourseData(): number {
  let removed = 0;
  for (const area of [local, session]) {
    try {
      for (const key of area.keys()) {
        if (!key.startsWith(PREFIX)) continue;
        area.removeItem(key);
        if (area === local) removed++;
      }
    } catch {
      // Nothing was stored there if it cannot be used.
    }
  }
  try {
    if (window.name.startsWith(PREFIX)) window.name = '';
  } catch {
    // No window (tests in Node).
  }
  return removed;
}
