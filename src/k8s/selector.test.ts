/**
 * labels.Parse and metav1.ParseToLabelSelector, token by token as upstream reads them. The
 * messages are what the real kubectl printed against the served simulator (selector-compare.test.ts
 * checks them where a kubectl is installed) and what upstream's selector_test.go expects.
 */
import { describe, expect, it } from 'vitest';
import { selectorMatches } from './labels.ts';
import { parseLabelSelector, parseRequirements, parseSelector } from './selector.ts';

const KEY_SHAPE =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_SHAPE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const OPERATORS = 'in, notin, =, ==, !=, gt, lt';

describe('labels.Parse refuses what the API server refuses, in its words', () => {
  it.each([
    ['a b', `unable to parse requirement: found 'b', expected: ${OPERATORS}`],
    ['app:monolith', `unable to parse requirement: <nil>: Invalid value: "app:monolith": ${KEY_SHAPE}`],
    ['-ltier=postgres', `unable to parse requirement: <nil>: Invalid value: "-ltier": ${KEY_SHAPE}`],
    [',a', "found ',', expected: !, identifier, or 'end of string'"],
    ['a,', "found '', expected: identifier after ','"],
    ['!a b', "found 'b', expected: ',' or 'end of string'"],
    ['a=b=c', "found '=', expected: ',' or 'end of string'"],
    ['a in b', "unable to parse requirement: found 'b' expected: '('"],
    ['a in (b c)', "unable to parse requirement: found 'c', expected: ',' or ')'"],
    ['a in (b', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['a notin', "unable to parse requirement: found '' expected: '('"],
    ['a in =', "unable to parse requirement: found '=' expected: '('"],
    ['a in (=', "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
    ['a=(', "unable to parse requirement: found '(', expected: identifier"],
    ['a>=1', "unable to parse requirement: found '=', expected: identifier"],
    [
      'x>a',
      `unable to parse requirement: values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`,
    ],
    [
      'x<99999999999999999999',
      `unable to parse requirement: values[0]: Invalid value: "99999999999999999999": for 'Gt', 'Lt' operators, the value must be an integer`,
    ],
    ['a=@', `unable to parse requirement: values[0][a]: Invalid value: "@": ${VALUE_SHAPE}`],
    [
      // Sorted first: the value in error is named by its place in the sorted set.
      'a in (x,-y)',
      `unable to parse requirement: values[0][a]: Invalid value: "-y": ${VALUE_SHAPE}`,
    ],
  ])('%s', (text, error) => {
    expect(parseSelector(text)).toEqual({ ok: false, error });
  });

  it('reads keywords as values where values go, and keeps every requirement, sorted by key', () => {
    expect(parseRequirements('in in (in),!b,a notin (z,,y),c==,x>3')).toEqual({
      ok: true,
      requirements: [
        { key: 'a', operator: 'notin', values: ['', 'y', 'z'] },
        { key: 'b', operator: '!', values: [] },
        { key: 'c', operator: '==', values: [''] },
        { key: 'in', operator: 'in', values: ['in'] },
        { key: 'x', operator: 'gt', values: ['3'] },
      ],
    });
    expect(parseRequirements('  ')).toEqual({ ok: true, requirements: [] });
    expect(parseRequirements('a in ()')).toEqual({
      ok: true,
      requirements: [{ key: 'a', operator: 'in', values: [''] }],
    });
  });
});

describe('a parsed -l selects as the API server would', () => {
  const pick = (text: string, labels: Record<string, string>) => {
    const r = parseSelector(text);
    if (!r.ok) throw new Error(r.error);
    return selectorMatches(r.selector, labels);
  };
  it.each([
    ['app=kubia,app=web', { app: 'kubia' }, false],
    ['app=kubia,app=kubia', { app: 'kubia' }, true],
    ['app!=kubia', {}, true],
    ['rank>2', { rank: '3' }, true],
    ['rank>2', { rank: '2' }, false],
    ['rank<3', { rank: '-10' }, true],
    ['rank>2', { rank: '+5' }, true],
    ['rank>2', { rank: 'three' }, false],
    ['rank<3', {}, false],
    ['!tier,app', { app: 'x' }, true],
  ] as const)('%s over %j: %s', (text, labels, selected) => {
    expect(pick(text, labels)).toBe(selected);
  });
});

describe('metav1.ParseToLabelSelector builds an object selector', () => {
  it('puts equalities in matchLabels (the last of a key wins) and the rest in key order', () => {
    expect(parseLabelSelector('b in (y,x),a notin (z),c,app=kubia,app=web,!d')).toEqual({
      ok: true,
      selector: {
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'a', operator: 'NotIn', values: ['z'] },
          { key: 'b', operator: 'In', values: ['x', 'y'] },
          { key: 'c', operator: 'Exists' },
          { key: 'd', operator: 'DoesNotExist' },
        ],
      },
    });
  });
  it.each([
    ['app!=kubia', '"!=" is not a valid label selector operator'],
    ['rank>1', `"gt" isn't supported in label selectors`],
    [
      'a b',
      `couldn't parse the selector string "a b": unable to parse requirement: found 'b', expected: ${OPERATORS}`,
    ],
  ])('refuses %s', (text, error) => {
    expect(parseLabelSelector(text)).toEqual({ ok: false, error });
  });
});
