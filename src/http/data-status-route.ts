import type { Request, Response } from 'express';
import type { DataStatus } from '../data/data-store';

/**
 * `GET /data/status`: every data file with the version being served (sha256
 * of its text), its periods, when it was loaded, the result of the last
 * read and, for a rejected edit, the errors with file, line and column;
 * then the exchange rates in use and how their feeds are doing.
 */
export function dataStatusHandler(status: () => DataStatus) {
  return (_req: Request, res: Response): void => {
    res.set('Cache-Control', 'no-store').json(status());
  };
}
