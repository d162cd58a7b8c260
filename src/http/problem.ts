import type { Response } from 'express';
import type { FieldError } from '../quote/quote-error';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
}

const TYPE_BASE = 'https://frontera.dev/problems/';

/** RFC 9457 problem details; `type` is a stable URI per error code. */
export function problem(status: number, code: string, title: string, detail: string, errors?: FieldError[]): Problem {
  return { type: `${TYPE_BASE}${code.toLowerCase().replace(/_/g, '-')}`, title, status, detail, code, ...(errors ? { errors } : {}) };
}

export function sendProblem(res: Response, p: Problem): void {
  res.status(p.status).type('application/problem+json').send(JSON.stringify(p));
}
