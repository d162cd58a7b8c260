import { createHash } from 'node:crypto';
import type { Response } from 'express';

/**
 * A JSON answer as the bytes sent and their ETag, made once (issue 17): the response cache keeps these,
 * so a repeated checkout is answered without turning the text into bytes and hashing it again, which
 * Express's `send` does for every string (a third of a cache hit's time for a 25 kB answer).
 */
export interface JsonAnswer {
  body: Buffer;
  /** A strong validator of the exact bytes (`strongEtag`), as the form's static files have. */
  etag: string;
}

/** A strong ETag of exact bytes: the first 27 characters of their SHA-256 (base64url), quoted. */
export function strongEtag(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

export function jsonAnswer(json: string): JsonAnswer {
  const body = Buffer.from(json, 'utf8');
  return { body, etag: strongEtag(body) };
}

/** Send the bytes as application/json (utf-8) with their ETag; Express then neither converts nor hashes them. */
export function sendJsonAnswer(res: Response, answer: JsonAnswer): void {
  res.status(200).set({ 'Content-Type': 'application/json; charset=utf-8', ETag: answer.etag }).send(answer.body);
}
