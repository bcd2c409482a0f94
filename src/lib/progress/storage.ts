// Moved to src/platform/storage.ts (the one storage door). The old names stay for branches that
// still import them; the lead removes this file after the merge.
import { local, read, remove, write, type StorageLike } from '../../platform/storage';
export * from '../../platform/storage';
export const browserStorage = (): StorageLike | null => local;
export const safeRead = (storage: StorageLike | null, key: string) => read(key, storage);
export const safeWrite = (storage: StorageLike | null, key: string, value: string) => write(key, value, storage);
export const safeRemove = (storage: StorageLike | null, key: string) => remove(key, storage);
