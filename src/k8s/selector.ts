/**
 * Label selector strings, as k8s.io/apimachinery reads them: `labels.Parse` (what the API server
 * does with a list's `labelSelector`, and kubectl with `top -l`) and `metav1.ParseToLabelSelector`
 * (what `create pdb --selector` and `set selector` build an object's selector with). The lexer and
 * the recursive descent follow upstream's token by token, so a selector that fails fails with
 * upstream's words: `-l app:monolith` is a key that is no label key, `-l 'a b'` a key without an
 * operator.
 */
import { parseInt64 } from './labels.ts';
import type { LabelSelector, LabelSelectorRequirement } from './types.ts';
import { formatFieldError, goQuote, isQualifiedName, isValidLabelValue } from './validation.ts';

/** selection.Operator's strings. */
type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'gt' | 'lt' | 'exists' | '!';

/** One requirement of a parsed selector (labels.Requirement): values sorted, without repeats. */
export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

const BINARY_OPERATORS: readonly Operator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];

const enum Token {
  EndOfString,
  ClosedPar,
  Comma,
  DoesNotExist,
  DoubleEquals,
  Equals,
  GreaterThan,
  Identifier,
  In,
  LessThan,
  NotEquals,
  NotIn,
  OpenPar,
}

const TOKENS: ReadonlyMap<string, Token> = new Map([
  [')', Token.ClosedPar],
  [',', Token.Comma],
  ['!', Token.DoesNotExist],
  ['==', Token.DoubleEquals],
  ['=', Token.Equals],
  ['>', Token.GreaterThan],
  ['in', Token.In],
  ['<', Token.LessThan],
  ['!=', Token.NotEquals],
  ['notin', Token.NotIn],
  ['(', Token.OpenPar],
]);

const isWhitespace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecial = (ch: string) =>
  ch === '=' || ch === '!' || ch === '(' || ch === ')' || ch === ',' || ch === '>' || ch === '<';

/** The lexer's items, up to and with the end of the string. */
function scan(s: string): [Token, string][] {
  let pos = 0;
  // Go's read: a NUL byte at the end of the string, and a NUL in it, both end a token.
  const read = () => (pos < s.length ? s[pos++]! : '\0');
  const unread = () => void pos--;
  const lex = (): [Token, string] => {
    let ch = read();
    while (isWhitespace(ch)) ch = read();
    if (ch === '\0') return [Token.EndOfString, ''];
    unread();
    let buffer = '';
    if (isSpecial(ch)) {
      let last: [Token, string] | undefined;
      for (;;) {
        const c = read();
        if (c === '\0') break;
        if (!isSpecial(c)) {
          unread();
          break;
        }
        buffer += c;
        const tok = TOKENS.get(buffer);
        if (tok !== undefined) last = [tok, buffer];
        else if (last) {
          unread();
          break;
        }
      }
      // Every special character is a token by itself, so the first one always makes one.
      return last!;
    }
    for (;;) {
      const c = read();
      if (c === '\0') break;
      if (isSpecial(c) || isWhitespace(c)) {
        unread();
        break;
      }
      buffer += c;
    }
    return [TOKENS.get(buffer) ?? Token.Identifier, buffer];
  };
  const items: [Token, string][] = [];
  for (;;) {
    const item = lex();
    items.push(item);
    if (item[0] === Token.EndOfString) return items;
  }
}

class ParseError extends Error {}

/** A field error's text with no path above it (`<nil>: Invalid value: ...`). */
const invalid = (field: string, value: string, detail: string) =>
  formatFieldError({ type: 'Invalid value', field, badValue: value, detail });

/** NewRequirement's checks beyond the key: the values an operator takes, each a label value. */
function requirement(key: string, operator: Operator, values: string[]): Requirement {
  const errs: string[] = [];
  if (operator === 'gt' || operator === 'lt')
    values.forEach((v, i) => {
      if (parseInt64(v) === undefined)
        errs.push(invalid(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
    });
  values.forEach((v, i) => {
    const problems = isValidLabelValue(v);
    if (problems.length) errs.push(invalid(`values[${i}][${key}]`, v, problems.join('; ')));
  });
  // An aggregate prints one error as it is, and several in brackets, each once.
  const unique = [...new Set(errs)];
  if (unique.length === 1) throw new ParseError(unique[0]);
  if (unique.length > 1) throw new ParseError(`[${unique.join(', ')}]`);
  return { key, operator, values };
}

/** labels.Parse: the requirements, sorted by key, or upstream's error. */
export function parseRequirements(
  text: string,
): { ok: true; requirements: Requirement[] } | { ok: false; error: string } {
  const items = scan(text);
  let position = 0;
  // In a place for values, `in` and `notin` are words like any other.
  const asValue = (tok: Token) => (tok === Token.In || tok === Token.NotIn ? Token.Identifier : tok);
  const lookahead = (): [Token, string] => [asValue(items[position]![0]), items[position]![1]];
  const consume = (values = true): [Token, string] => {
    const [tok, lit] = items[position++]!;
    return [values ? asValue(tok) : tok, lit];
  };
  const sorted = (values: Iterable<string>) =>
    [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const parseValues = (): string[] => {
    const [open, openLit] = consume();
    if (open !== Token.OpenPar) throw new ParseError(`found '${openLit}' expected: '('`);
    const [tok, lit] = lookahead();
    if (tok === Token.ClosedPar) {
      consume();
      return [''];
    }
    if (tok !== Token.Identifier && tok !== Token.Comma)
      throw new ParseError(`found '${lit}', expected: ',', ')' or identifier`);
    const values = new Set<string>();
    for (;;) {
      const [t, l] = consume();
      if (t === Token.Identifier) {
        values.add(l);
        const [t2, l2] = lookahead();
        if (t2 === Token.Comma) continue;
        if (t2 === Token.ClosedPar) break;
        throw new ParseError(`found '${l2}', expected: ',' or ')'`);
      }
      if (t !== Token.Comma) throw new ParseError(`found '${l}', expected: ',', or identifier`);
      // `(,`, `,)` and `,,` each hold an empty value.
      if (values.size === 0) values.add('');
      const [t2] = lookahead();
      if (t2 === Token.ClosedPar) {
        values.add('');
        break;
      }
      if (t2 === Token.Comma) values.add('');
    }
    // The list ends at a `)`, which the lookahead above saw; the error names what came before it.
    if (consume()[0] !== Token.ClosedPar) throw new ParseError(`found '${lit}', expected: ')'`);
    return sorted(values);
  };

  const parseRequirement = (): Requirement => {
    let operator: Operator | undefined;
    let [tok, key] = consume();
    if (tok === Token.DoesNotExist) {
      operator = '!';
      [tok, key] = consume();
    }
    if (tok !== Token.Identifier) throw new ParseError(`found '${key}', expected: identifier`);
    const problems = isQualifiedName(key);
    if (problems.length) throw new ParseError(invalid('<nil>', key, problems.join('; ')));
    const [next] = lookahead();
    if ((next === Token.EndOfString || next === Token.Comma) && operator === undefined) operator = 'exists';
    if (operator === 'exists' || operator === '!') return requirement(key, operator, []);
    const [opTok, opLit] = consume(false);
    const op = (
      {
        [Token.In]: 'in',
        [Token.Equals]: '=',
        [Token.DoubleEquals]: '==',
        [Token.GreaterThan]: 'gt',
        [Token.LessThan]: 'lt',
        [Token.NotIn]: 'notin',
        [Token.NotEquals]: '!=',
      } as Partial<Record<Token, Operator>>
    )[opTok];
    if (!op) throw new ParseError(`found '${opLit}', expected: ${BINARY_OPERATORS.join(', ')}`);
    if (op === 'in' || op === 'notin') return requirement(key, op, parseValues());
    const [valueTok] = lookahead();
    if (valueTok === Token.EndOfString || valueTok === Token.Comma) return requirement(key, op, ['']);
    const [t, value] = consume();
    if (t !== Token.Identifier) throw new ParseError(`found '${value}', expected: identifier`);
    return requirement(key, op, [value]);
  };

  const requirements: Requirement[] = [];
  try {
    for (;;) {
      const [tok, lit] = lookahead();
      if (tok === Token.EndOfString) break;
      if (tok !== Token.Identifier && tok !== Token.DoesNotExist)
        throw new ParseError(`found '${lit}', expected: !, identifier, or 'end of string'`);
      try {
        requirements.push(parseRequirement());
      } catch (e) {
        if (e instanceof ParseError) throw new ParseError(`unable to parse requirement: ${e.message}`);
        throw e;
      }
      const [t, l] = consume();
      if (t === Token.EndOfString) break;
      if (t !== Token.Comma) throw new ParseError(`found '${l}', expected: ',' or 'end of string'`);
      const [t2, l2] = lookahead();
      if (t2 !== Token.Identifier && t2 !== Token.DoesNotExist)
        throw new ParseError(`found '${l2}', expected: identifier after ','`);
    }
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e.message };
    throw e;
  }
  // sort.Sort by key: an insertion sort for the few requirements a line has, so stable.
  requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { ok: true, requirements };
}

export type SelectorParseResult = { ok: true; selector: LabelSelector } | { ok: false; error: string };

/**
 * A `-l` selector (labels.Parse) as a LabelSelector to match objects with. `=` and `==` are
 * matchLabels (a key given twice is an `In` beside it, so both must hold); `gt` and `lt`, which
 * no API object's selector may hold, are expressions that `selectorMatches` compares as integers.
 */
export function parseSelector(text: string): SelectorParseResult {
  const parsed = parseRequirements(text);
  if (!parsed.ok) return parsed;
  const matchLabels: Record<string, string> = {};
  const matchExpressions: LabelSelectorRequirement[] = [];
  for (const r of parsed.requirements) {
    const value = r.values[0]!;
    switch (r.operator) {
      case '=':
      case '==':
        if (Object.prototype.hasOwnProperty.call(matchLabels, r.key))
          matchExpressions.push({ key: r.key, operator: 'In', values: [value] });
        else matchLabels[r.key] = value;
        break;
      case '!=':
        matchExpressions.push({ key: r.key, operator: 'NotIn', values: [value] });
        break;
      case 'in':
      case 'notin':
        matchExpressions.push({
          key: r.key,
          operator: r.operator === 'in' ? 'In' : 'NotIn',
          values: r.values,
        });
        break;
      case 'exists':
      case '!':
        matchExpressions.push({ key: r.key, operator: r.operator === '!' ? 'DoesNotExist' : 'Exists' });
        break;
      case 'gt':
      case 'lt':
        matchExpressions.push({
          key: r.key,
          operator: (r.operator === 'gt' ? 'Gt' : 'Lt') as LabelSelectorRequirement['operator'],
          values: [value],
        });
        break;
    }
  }
  const selector: LabelSelector = {};
  if (Object.keys(matchLabels).length) selector.matchLabels = matchLabels;
  if (matchExpressions.length) selector.matchExpressions = matchExpressions;
  return { ok: true, selector };
}

/**
 * metav1.ParseToLabelSelector: an object's selector from a selector string. It takes `=`, `==`,
 * `in`, `notin`, a key and `!key`; `!=` and the integer comparisons are refused.
 */
export function parseLabelSelector(text: string): SelectorParseResult {
  const parsed = parseRequirements(text);
  // `\"%s\"`, not `%q`: the string as it is, between quotes.
  if (!parsed.ok)
    return { ok: false, error: `couldn't parse the selector string "${text}": ${parsed.error}` };
  const selector: LabelSelector = {};
  for (const r of parsed.requirements) {
    if (r.operator === '=' || r.operator === '==') {
      (selector.matchLabels ??= {})[r.key] = r.values[0]!;
      continue;
    }
    if (r.operator === 'gt' || r.operator === 'lt')
      return { ok: false, error: `${goQuote(r.operator)} isn't supported in label selectors` };
    if (r.operator === '!=')
      return { ok: false, error: `${goQuote(r.operator)} is not a valid label selector operator` };
    const operator = ({ in: 'In', notin: 'NotIn', exists: 'Exists', '!': 'DoesNotExist' } as const)[
      r.operator
    ];
    (selector.matchExpressions ??= []).push(
      operator === 'In' || operator === 'NotIn'
        ? { key: r.key, operator, values: r.values }
        : { key: r.key, operator },
    );
  }
  return { ok: true, selector };
}
