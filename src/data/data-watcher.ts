import { existsSync, watch, type FSWatcher } from 'node:fs';
import type { Logger } from 'pino';
import { isDataFileName, type DataKind } from './check-data-file';
import type { DataStore } from './data-store';

export interface DataWatcherOptions {
  logger: Logger;
  /**
   * Quiet time after the last change before a file is read. Editors write a
   * file in several steps (truncate, write, rename a temp file over it); a
   * read in between would see a half-saved file. Default 300 ms.
   */
  debounceMs?: number;
}

export interface DataWatcher {
  close(): void;
}

/**
 * Watch `tariffs/`, `tariffs/unions/` and `carriers/` and reload a changed
 * file into the store (an edited customs union re-resolves its members).
 * The folders are watched, not the files: an editor that saves by writing a
 * temp file and renaming it over the original replaces the file (a new
 * inode), which a watch on the file itself would stop seeing.
 */
export function watchDataFolders(store: DataStore, options: DataWatcherOptions): DataWatcher {
  const debounceMs = options.debounceMs ?? 300;
  const timers = new Map<string, NodeJS.Timeout>();
  const watchers: FSWatcher[] = [];

  const later = (key: string, run: () => void) => {
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        try {
          run();
        } catch (err) {
          options.logger.error({ err }, 'data reload failed; the loaded data keeps serving');
        }
      }, debounceMs),
    );
  };

  for (const kind of ['union', 'tariff', 'carrier'] as DataKind[]) {
    const dir = store.dir(kind);
    // A data set without customs unions has no tariffs/unions/ folder: nothing to watch there.
    if (kind === 'union' && !existsSync(dir)) continue;
    try {
      const w = watch(dir, { persistent: false }, (_event, filename) => {
        const name = filename?.toString();
        // Some platforms do not say which file changed: read the whole folder again.
        if (!name) later(`${kind}:*`, () => store.rescan(kind));
        else if (isDataFileName(kind, name)) later(`${kind}:${name}`, () => store.reload(kind, name));
      });
      w.on('error', (err) => options.logger.error({ dir, err: err.message }, 'data folder watch failed; changes are no longer picked up until a restart'));
      watchers.push(w);
    } catch (err) {
      options.logger.error({ dir, err: (err as Error).message }, 'cannot watch the data folder; changes need a restart');
    }
  }
  options.logger.info({ dirs: [store.dir('union'), store.dir('tariff'), store.dir('carrier')], debounceMs }, 'watching data folders');

  return {
    close() {
      for (const w of watchers) w.close();
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}
