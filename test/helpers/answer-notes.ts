import type { NoteOut, QuoteOption, QuoteResult } from '../../src/quote/quote-result';

/** An option's notes, its `noteIds` resolved in the answer's `optionNotes`; fails the test on an id that does not resolve. */
export function notesOf(q: Pick<QuoteResult, 'optionNotes'>, o: Pick<QuoteOption, 'noteIds'>): NoteOut[] {
  return o.noteIds.map((id) => {
    const n = q.optionNotes[id];
    if (!n) throw new Error(`note id ${id} is not in the answer's optionNotes`);
    return n;
  });
}
