/**
 * go-yaml v2's reading of plain scalars, its order of keys and the style it writes a string in,
 * with cases from its own tests (decode_test.go's unmarshal table, encode_test.go's marshalTests
 * and TestSortedOutput) and strings kubectl 1.33 printed (`get -o yaml`); the comparison with the
 * real kubectl is src/server/yaml-compare.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { goDoubleQuoted, goResolve, goYamlKeyOrder, goYamlQuotes, goYamlStyle } from './go-yaml.ts';
import { goJsonText } from './go-json.ts';
import './yaml-impl.ts';
import { parseManifests, toYaml, parseDocuments } from './yaml.ts';

describe('goResolve', () => {
  const CASES: [string, string, unknown][] = [
    // YAML 1.1's booleans, which go-yaml v2 keeps.
    ['y', 'bool', true],
    ['Y', 'bool', true],
    ['yes', 'bool', true],
    ['On', 'bool', true],
    ['TRUE', 'bool', true],
    ['n', 'bool', false],
    ['No', 'bool', false],
    ['OFF', 'bool', false],
    ['False', 'bool', false],
    ['yEs', 'str', 'yEs'],
    // Nulls.
    ['', 'null', null],
    ['~', 'null', null],
    ['null', 'null', null],
    ['NULL', 'null', null],
    // Ints, as strconv.ParseInt(s, 0, 64) reads them once the underscores are gone.
    ['685230', 'int', 685230],
    ['+685_230', 'int', 685230],
    ['02472256', 'int', 685230],
    ['-02472256', 'int', -685230],
    ['0o2472256', 'int', 685230],
    ['0x_0A_74_AE', 'int', 685230],
    ['0b1010_0111_0100_1010_1110', 'int', 685230],
    ['-0b101010', 'int', -42],
    ['0X1F', 'int', 31],
    ['4294967296', 'int', 4294967296],
    ['18446744073709551615', 'int', 2 ** 64],
    ['-0', 'int', 0],
    // Floats: what is not an int but looks like a float (`08` is not octal, so it is a float).
    ['08', 'float', 8],
    ['6.8523e+5', 'float', 685230],
    ['685.230_15e+03', 'float', 685230.15],
    ['685_230.15', 'float', 685230.15],
    ['0.1', 'float', 0.1],
    ['.1', 'float', 0.1],
    ['-.1', 'float', -0.1],
    ['1.', 'float', 1],
    ['1e3', 'float', 1000],
    ['.Inf', 'float', Number.POSITIVE_INFINITY],
    ['-.inf', 'float', Number.NEGATIVE_INFINITY],
    ['99999999999999999999', 'float', 1e20],
    // Out of float64's range: ParseFloat fails, so it stays text.
    ['1e400', 'str', '1e400'],
    // Base 60 is unsupported; these are strings.
    ['1:1', 'str', '1:1'],
    ['190:20:30', 'str', '190:20:30'],
    // Timestamps read into interface{} stay their text.
    ['2015-01-01', 'timestamp', '2015-01-01'],
    ['2015-2-3T3:4:5Z', 'timestamp', '2015-2-3T3:4:5Z'],
    ['2015-02-24t18:19:39Z', 'timestamp', '2015-02-24t18:19:39Z'],
    ['2015-02-24T18:19:39.12+01:00', 'timestamp', '2015-02-24T18:19:39.12+01:00'],
    ['2015-02-24 18:19:39', 'timestamp', '2015-02-24 18:19:39'],
    ['2015-02-30', 'str', '2015-02-30'],
    ['2015-02-24T18:19:39', 'str', '2015-02-24T18:19:39'],
    // Text.
    ['-b_c', 'str', '-b_c'],
    ['+b_c', 'str', '+b_c'],
    ['50cent_of_dollar', 'str', '50cent_of_dollar'],
    ['<<', 'str', '<<'],
    ['0x', 'str', '0x'],
    ['.', 'str', '.'],
    ['-', 'str', '-'],
    ['_1', 'str', '_1'],
    ['1.2.3.4', 'str', '1.2.3.4'],
  ];
  it.each(CASES)('%s is %s', (text, tag, value) => {
    expect(goResolve(text)).toEqual({ tag, value });
  });

  it('.nan is a float', () => {
    const r = goResolve('.nan');
    expect(r.tag).toBe('float');
    expect(Number.isNaN(r.value)).toBe(true);
  });
});

describe('goYamlQuotes', () => {
  it.each([
    ['yes', true],
    ['010', true],
    ['', true],
    ['12:30', true],
    ['-1:30.5', true],
    ['2015-01-01', true],
    ['1e400', false],
    ['nginx', false],
    ['1.2.3.4', false],
    ['<<', false],
  ])('%s: %s', (s, quoted) => {
    expect(goYamlQuotes(s)).toBe(quoted);
  });
});

describe('goYamlStyle', () => {
  it.each([
    // encode_test.go's marshalTests.
    ['hi', 'plain'],
    ['true', 'double'],
    ['10', 'double'],
    ['', 'double'],
    ['B\nC', 'literal'],
    ['-', 'single'],
    ['<foo>', 'plain'],
    ['1:1', 'double'],
    ['\x00', 'double'],
    ['你好', 'plain'],
    ['b: c', 'single'],
    ['Hello #comment', 'single'],
    ['你好 #comment', 'single'],
    // A quote may not start a plain scalar; inside one it may.
    ["'a", 'single'],
    ["'", 'single'],
    ["''", 'single'],
    ["' a", 'single'],
    ["a'b", 'plain'],
    ["it's", 'plain'],
    ["a'", 'plain'],
    ['"a\'b"', 'single'],
    ["x: 'y'", 'single'],
    // Indicators at the start, `: ` and ` #` anywhere, document markers.
    ['- a', 'single'],
    ['-a', 'plain'],
    ['? a', 'single'],
    ['?a', 'plain'],
    [':a', 'plain'],
    ['?', 'single'],
    [':', 'single'],
    ['a:', 'single'],
    ['a:b', 'plain'],
    ['a :b', 'plain'],
    ['a#b', 'plain'],
    ['#a', 'single'],
    ['---a', 'single'],
    ['...', 'single'],
    ...[...'%@`!&*|>[{,'].map((c) => [`${c}a`, 'single']),
    ['a]', 'plain'],
    ['a,b', 'plain'],
    // Spaces at either end; runs of spaces inside are plain.
    [' a', 'single'],
    ['a ', 'single'],
    [' ', 'single'],
    [" it's", 'single'],
    ["a' ", 'single'],
    ['a  b', 'plain'],
    ['a\u00a0', 'plain'],
    // A tab, or what go-yaml does not print, is double-quoted; so is a space next to a break.
    ['a\tb', 'double'],
    ['\t', 'double'],
    ["'a\tb'", 'double'],
    ['a\r\nb', 'double'],
    ['a\u0001b', 'double'],
    ['\u{1F600}', 'double'],
    ['\ufeffa', 'double'],
    ['a \nb', 'double'],
    ['a\nb ', 'double'],
    ['a\t\nb', 'double'],
    // Line breaks: a literal block, leading and trailing ones too; LS is a break go-yaml quotes.
    ['a\n b', 'literal'],
    ['\na', 'literal'],
    ['a\n\n', 'literal'],
    ['\n', 'literal'],
    [' a\nb', 'literal'],
    ["a'\nb", 'literal'],
    ['a\u2028b', 'single'],
  ])('%j is %s', (s, style) => {
    expect(goYamlStyle(s)).toBe(style);
  });

  it.each([
    ['a', 'plain'],
    ['a\nb', 'double'],
    ["'a", 'single'],
  ])('the key %j is %s', (s, style) => {
    expect(goYamlStyle(s, true)).toBe(style);
  });
});

describe('goDoubleQuoted', () => {
  it.each([
    ['10', '"10"'],
    ['\x00', '"\\0"'],
    ['a\tb', '"a\\tb"'],
    ['a \nb', '"a \\nb"'],
    ['a\r\nb', '"a\\r\\nb"'],
    ['a\u0001b', '"a\\x01b"'],
    ['a\u001fb', '"a\\x1Fb"'],
    ['say "hi" \\o/', '"say \\"hi\\" \\\\o/"'],
    ['\u{1F600}', '"\\U0001F600"'],
    ['é\u2028', '"é\\L"'],
    // go-yaml's is_bom looks at the start of the string: then every character is escaped.
    ['\ufeffa', '"\\uFEFF\\x61"'],
    ['\ufeffé b', '"\\uFEFF\\xE9\\x20\\x62"'],
  ])('%j is written %s', (s, written) => {
    expect(goDoubleQuoted(s)).toBe(written);
  });
});

describe('goYamlKeyOrder', () => {
  // go-yaml v2's TestSortedOutput, its string keys in the order go-yaml writes them.
  const SORTED = [
    '',
    '.1',
    '.2',
    '.a',
    '1',
    '2',
    'a!10',
    'a/2',
    'a/10',
    'a~10',
    'ab/1',
    'b/1',
    'b/01',
    'b/2',
    'b/02',
    'b/3',
    'b/03',
    'b1',
    'b01',
    'b3',
    'c2.10',
    'c10.2',
    'd1',
    'd12',
    'd12a',
  ];
  it('sorts as go-yaml does, from any order', () => {
    for (let seed = 1; seed <= 20; seed++) {
      let s = seed;
      const shuffled = [...SORTED].sort(() => ((s = (s * 16807) % 2147483647) % 3) - 1);
      expect(shuffled.sort(goYamlKeyOrder)).toEqual(SORTED);
    }
  });
});

describe('manifests read as kubectl reads them', () => {
  it('takes YAML 1.1 words and numbers as go-yaml does, keys as their text, and merges', () => {
    const [doc] = parseManifests(
      'kind: X\nmetadata:\n  labels: &l {on: y, 010: "08", off: no}\n  annotations:\n    <<: *l\n    n: 0x10\n',
    );
    // A key given in the map wins over one merged into it.
    expect(doc).toEqual({
      kind: 'X',
      metadata: {
        labels: { true: true, 8: '08', false: false },
        annotations: { true: true, 8: '08', false: 16 },
      },
    });
  });

  it('refuses what JSON cannot hold, as sigs.k8s.io/yaml does', () => {
    expect(() => parseManifests('kind: X\nspec: {replicas: .inf}\n')).toThrow(
      'error parsing STDIN: error converting YAML to JSON: json: unsupported value: +Inf',
    );
  });

  it('a scenario file and claims keep YAML 1.2: no is a word there', () => {
    expect(parseDocuments('lang: no\nn: 010\n')).toEqual([{ lang: 'no', n: 10 }]);
  });

  it('writes strings so that both readers read them back as strings', () => {
    const value = { a: 'on', b: '010', c: '12:30', d: 'nginx', e: '1e400', f: 'no' };
    const text = toYaml(value);
    expect(parseManifests(`kind: X\nv:\n${text.replace(/^/gm, '  ')}`)[0]!['v']).toEqual(value);
    expect(parseDocuments(text)).toEqual([value]);
  });
});

describe('goJsonText', () => {
  it('writes map keys in byte order, integer-like keys included', () => {
    expect(goJsonText({ b: 1, 8: 'x', 1000: 'y', a: [{ z: 1, y: 2 }] })).toBe(
      '{"1000":"y","8":"x","a":[{"y":2,"z":1}],"b":1}',
    );
  });
  it('escapes as encoding/json does, and indents as MarshalIndent', () => {
    expect(goJsonText({ s: '<a&b>\u2028' })).toBe('{"s":"\\u003ca\\u0026b\\u003e\\u2028"}');
    expect(goJsonText({ a: [], b: {}, c: [1] }, { indent: '  ' })).toBe(
      '{\n  "a": [],\n  "b": {},\n  "c": [\n    1\n  ]\n}',
    );
  });
});

describe('YAML slips in go-yaml words (as the real kubectl 1.33 printed them)', () => {
  const M =
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n';
  const args = (value: string) => M.replace('image: nginx', `image: nginx\n    args: ${value}`);
  const error = (text: string) => {
    try {
      parseManifests(text);
    } catch (e) {
      return (e as Error).message.replace('error parsing STDIN: error converting YAML to JSON: yaml: ', '');
    }
    return undefined;
  };
  it.each([
    [
      'a tab as indentation',
      M.replace('  name: p', '\tname: p'),
      'line 4: found character that cannot start any token',
    ],
    [
      'a quote never closed',
      M.replace('image: nginx', 'image: "nginx'),
      'line 9: found unexpected end of stream',
    ],
    [
      'no space after a colon',
      M.replace('  containers:', '  containers:x'),
      'line 7: mapping values are not allowed in this context',
    ],
    [
      'a key indented too far',
      M.replace('  containers:', '   containers:'),
      'line 6: did not find expected key',
    ],
    [
      'a list item out of line',
      M.replace('    image: nginx', '   image: nginx'),
      'line 7: did not find expected key',
    ],
    ['a stray word', M.replace('kind: Pod', 'kind: Pod\noops'), "line 4: could not find expected ':'"],
    ['an alias to no anchor', M.replace('image: nginx', 'image: *x'), "unknown anchor 'x' referenced"],
    ['a comma missing in a list', args('["a" "b"]'), "line 8: did not find expected ',' or ']'"],
    [
      'a comma missing in a map',
      M.replace('name: p', 'name: p\n  labels: {a: b c: d}'),
      "line 4: did not find expected ',' or '}'",
    ],
    ['two commas in a list', args('["a", , "b"]'), 'line 8: did not find expected node content'],
    [
      'text after a closing quote',
      M.replace('image: nginx', 'image: "nginx"x'),
      'line 7: did not find expected key',
    ],
    [
      'text after an item indented under its key',
      args('\n      - "a"b'),
      "line 9: did not find expected '-' indicator",
    ],
    ['text after a quote on a document’s first line', 'kind: "Pod"x\n', 'did not find expected key'],
    [
      'a value that begins with @',
      M.replace('image: nginx', 'image: @x'),
      'line 8: found character that cannot start any token',
    ],
    [
      'an unknown escape',
      M.replace('image: nginx', 'image: "\\q"'),
      'line 8: found unknown escape character',
    ],
    [
      'a short escape',
      M.replace('image: nginx', 'image: "\\x4"'),
      'line 8: did not find expected hexdecimal number',
    ],
    [
      'text after a document separator',
      `${M}--- x\n`,
      'error parsing STDIN: invalid Yaml document separator: x',
    ],
  ])('%s', (_, text, want) => {
    expect(error(text)).toBe(want);
  });
});
