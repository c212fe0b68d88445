/**
 * encoding/json's syntax errors, in its words: what the API server answers for a body that is
 * not JSON, such as a patch typed without its quotes (`kubectl patch … -p '{spec: …}'` gives
 * `invalid character 's' looking for beginning of object key string`). Written from Go's
 * scanner.go: the same states, the same contexts, the same quoting of the character.
 */

class SyntaxFailure {
  constructor(readonly message: string) {}
}

/** scanner.go's quoteChar. */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  const q = JSON.stringify(c);
  return `'${q.slice(1, -1)}'`;
}

/** The syntax error encoding/json gives for `text`, or undefined when it is JSON. */
export function goJsonSyntaxError(text: string): string | undefined {
  let i = 0;
  const n = text.length;
  const at = () => String.fromCodePoint(text.codePointAt(i)!);
  const fail = (context: string): never => {
    throw new SyntaxFailure(`invalid character ${quoteChar(at())} ${context}`);
  };
  const end = (): never => {
    throw new SyntaxFailure('unexpected end of JSON input');
  };
  const space = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r' || text[i] === '\n')) i++;
  };
  const digits = () => {
    while (i < n && text[i]! >= '0' && text[i]! <= '9') i++;
  };
  const isDigit = () => i < n && text[i]! >= '0' && text[i]! <= '9';

  const literal = (word: string) => {
    i++;
    for (const want of word.slice(1)) {
      if (i >= n) end();
      if (text[i] !== want) fail(`in literal ${word} (expecting '${want}')`);
      i++;
    }
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= n) end();
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        i++;
        if (i >= n) end();
        const e = text[i]!;
        if ('"\\/bfnrt'.includes(e)) i++;
        else if (e === 'u') {
          i++;
          for (let k = 0; k < 4; k++) {
            if (i >= n) end();
            if (!/[0-9a-fA-F]/.test(text[i]!)) fail('in \\u hexadecimal character escape');
            i++;
          }
        } else fail('in string escape code');
        continue;
      }
      if (c < ' ') fail('in string literal');
      i += at().length;
    }
  };
  const number = () => {
    if (text[i] === '-') {
      i++;
      if (i >= n) end();
    }
    if (text[i] === '0') i++;
    else if (isDigit()) digits();
    else fail('in numeric literal');
    if (i < n && text[i] === '.') {
      i++;
      if (i >= n) end();
      if (!isDigit()) fail('after decimal point in numeric literal');
      digits();
    }
    if (i < n && (text[i] === 'e' || text[i] === 'E')) {
      i++;
      if (i < n && (text[i] === '+' || text[i] === '-')) i++;
      if (i >= n) end();
      if (!isDigit()) fail('in exponent of numeric literal');
      digits();
    }
  };
  let depth = 0;
  const value = (): void => {
    space();
    if (i >= n) end();
    const c = text[i]!;
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    fail('looking for beginning of value');
  };
  const nest = () => {
    // scanner.go's maxNestingDepth.
    if (++depth > 10000) fail('exceeded max depth');
  };
  const object = () => {
    nest();
    i++;
    space();
    if (i >= n) end();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      if (text[i] !== '"') fail('looking for beginning of object key string');
      string();
      space();
      if (i >= n) end();
      if (text[i] !== ':') fail('after object key');
      i++;
      value();
      space();
      if (i >= n) end();
      if (text[i] === '}') {
        i++;
        depth--;
        return;
      }
      if (text[i] !== ',') fail('after object key:value pair');
      i++;
      space();
      if (i >= n) end();
    }
  };
  const array = () => {
    nest();
    i++;
    space();
    if (i >= n) end();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      value();
      space();
      if (i >= n) end();
      if (text[i] === ']') {
        i++;
        depth--;
        return;
      }
      if (text[i] !== ',') fail('after array element');
      i++;
    }
  };

  try {
    value();
    space();
    if (i < n) fail('after top-level value');
    return undefined;
  } catch (e) {
    if (e instanceof SyntaxFailure) return e.message;
    throw e;
  }
}
