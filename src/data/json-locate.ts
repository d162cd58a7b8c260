import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

/** 1-based line and column, as editors and compilers print them. */
export interface TextPosition {
  line: number;
  column: number;
}

export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** A syntax error of a JSON text, with where it is and a sentence. */
export interface JsonSyntaxError extends TextPosition {
  message: string;
}

/** jsonc-parser's error codes as sentences a person editing the file can act on. */
const SYNTAX_SENTENCES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'expected a property name in double quotes (a trailing comma before "}"?)',
  ValueExpected: 'expected a value (a trailing comma, or the file ends too early?)',
  ColonExpected: 'expected ":" after the property name',
  CommaExpected: 'expected a comma between values',
  CloseBraceExpected: 'expected "}": an object is not closed (the file may be cut short)',
  CloseBracketExpected: 'expected "]": a list is not closed (the file may be cut short)',
  EndOfFileExpected: 'unexpected text after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'a string is not closed with a double quote',
  UnexpectedEndOfNumber: 'malformed number',
  InvalidUnicode: 'malformed \\u escape',
  InvalidEscapeCharacter: 'invalid escape character in a string',
  InvalidCharacter: 'invalid character in a string (control characters must be escaped)',
};

/**
 * A JSON text parsed once, so problems found on the parsed value can be
 * placed back in the text: `locate("periods[1].taxes[0].rate")` is the
 * position of that value, or of its nearest existing ancestor when the
 * value is missing (a required field that was left out).
 */
export class JsonLocator {
  readonly syntaxErrors: JsonSyntaxError[];
  private readonly root: Node | undefined;

  constructor(private readonly text: string) {
    const errors: ParseError[] = [];
    // Strict JSON: the service reads the files with JSON.parse, which takes no comments or trailing commas.
    this.root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    this.syntaxErrors = text.trim() === ''
      ? [{ line: 1, column: 1, message: 'the file is empty (saved half-way?)' }]
      // Only the first error: the ones after it follow from it (a missing comma also "misses" a brace further on).
      : errors.slice(0, 1).map((e) => ({ ...positionAt(text, e.offset), message: SYNTAX_SENTENCES[printParseErrorCode(e.error)] ?? printParseErrorCode(e.error) }));
  }

  locate(path: string): TextPosition {
    const node = this.root ? resolvePath(this.root, path) : undefined;
    return positionAt(this.text, node?.offset ?? 0);
  }
}

/**
 * Walk a path written as `a.b[2].c` down the tree. Keys may themselves hold
 * dots or brackets (zone "1.5", source "EU-4"), so at each object the
 * longest key that the rest of the path starts with wins.
 */
function resolvePath(root: Node, path: string): Node {
  if (path === '(root)' || path === '') return root;
  let node = root;
  let rest = path;
  while (rest !== '') {
    if (node.type === 'array') {
      const m = /^\[(\d+)\]/.exec(rest);
      const child = m ? node.children?.[Number(m[1])] : undefined;
      if (!m || !child) return node;
      node = child;
      rest = stripDot(rest.slice(m[0].length));
      continue;
    }
    if (node.type !== 'object') return node;
    let best: { key: string; value: Node } | undefined;
    for (const prop of node.children ?? []) {
      const key = prop.children?.[0]?.value;
      const value = prop.children?.[1];
      if (typeof key !== 'string' || !value) continue;
      const fits = rest === key || rest.startsWith(`${key}.`) || rest.startsWith(`${key}[`);
      if (fits && (!best || key.length > best.key.length)) best = { key, value };
    }
    if (!best) return node;
    node = best.value;
    rest = stripDot(rest.slice(best.key.length));
  }
  return node;
}

function stripDot(s: string): string {
  return s.startsWith('.') ? s.slice(1) : s;
}
