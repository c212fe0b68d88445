/**
 * The Go template engine, table-driven: each case's expected output or error was printed by
 * kubectl 1.33 (`kubectl create --dry-run=client -o go-template=…` over DATA), many of them ported
 * from Go's text/template exec_test.go and parse_test.go to JSON data. Then Go's fmt, kubectl's
 * printer glue, and what the simulator refuses to print rather than print wrong.
 */
import { describe, expect, it } from 'vitest';
import { KubectlError } from '../command.ts';
import { formatFloat, sprintf, GoValue } from './gofmt.ts';
import {
  GO_TEMPLATE_BUDGET,
  GoNotSimulated,
  GoTemplateExecError,
  GoTemplateParseError,
  goTemplateFormat,
  parseGoTemplate,
  printWithGoTemplate,
  runGoTemplate,
} from './gotemplate.ts';
import { cluster } from '../test-fixtures.ts';

/** The object every case runs over, as kubectl decodes it (a Pod with fields of every kind). */
const DATA = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 't', labels: { app: 'web', tier: 'front' } },
  x: 'x',
  u: { v: 'v', w: null },
  i: 17,
  f: 1.5,
  big: 1000000,
  tiny: 0.0001,
  neg: -3,
  t: true,
  fl: false,
  s: 'hello',
  e: '',
  z: 0,
  sl: ['a', 'b', 'c'],
  il: [1, 2, 3],
  el: [],
  m: { one: 1, two: 2, three: 3 },
  em: {},
  nested: [{ name: 'a', v: [1, 2] }, { name: 'b' }],
  nil: null,
  html: '<a href="x">&\'',
  b64: 'aGVsbG8gd29ybGQ=',
  uni: 'héllo, 世界',
};

interface Case {
  name: string;
  template: string;
  /** --allow-missing-template-keys=false */
  strict?: boolean;
  output?: string;
  parseError?: string;
  /** What the template wrote before its execution error. */
  partial?: string;
  execError?: string;
}

const CASES: Case[] = [
  { name: 'text', template: 'some text', output: 'some text' },
  { name: 'dot string', template: '{{.x}}', output: 'x' },
  { name: 'nested field', template: '{{.u.v}}', output: 'v' },
  { name: 'field of a map in a variable', template: '{{$u := .u}}{{$u.v}}', output: 'v' },
  { name: '$ is the data', template: '{{$.x}} {{$.u.v}}', output: 'x v' },
  { name: 'missing key', template: '{{.missing}}', output: '<no value>' },
  { name: 'missing key, then a field', template: '{{.missing.deeper}}', output: '<no value>' },
  { name: 'null value', template: '{{.nil}} {{.u.w}}', output: '<no value> <no value>' },
  {
    name: 'field of a null value',
    template: '{{.nil.x}}',
    partial: '',
    execError: 'template: output:1:6: executing "output" at <.nil.x>: nil pointer evaluating interface {}.x',
  },
  {
    name: 'field of a string',
    template: '{{.x.y}}',
    partial: '',
    execError:
      'template: output:1:4: executing "output" at <.x.y>: can\'t evaluate field y in type interface {}',
  },
  {
    name: 'field of a string variable',
    template: '{{$x := .x}}{{$x.y}}',
    partial: '',
    execError: 'template: output:1:16: executing "output" at <$x.y>: can\'t evaluate field y in type string',
  },
  {
    name: 'method-like call of a field',
    template: '{{.x 1}}',
    partial: '',
    execError: 'template: output:1:2: executing "output" at <.x>: x is not a method but has arguments',
  },
  {
    name: 'piped into a field',
    template: '{{1 | .x}}',
    partial: '',
    execError: 'template: output:1:6: executing "output" at <.x>: x is not a method but has arguments',
  },
  { name: 'declare, assign, print', template: '{{$x := 1}}{{$x = 2}}{{$x}}', output: '2' },
  {
    name: 'variables in scope',
    template: '{{$x := 0}}{{if true}}{{$x := 5}}{{$x}}{{end}}{{$x}}',
    output: '50',
  },
  { name: 'assignment in a range', template: '{{$n := 0}}{{range .sl}}{{$n = .}}{{end}}{{$n}}', output: 'c' },
  {
    name: 'ints and floats',
    template: '{{.i}} {{.f}} {{.big}} {{.tiny}} {{.neg}} {{.z}}',
    output: '17 1.5 1000000 0.0001 -3 0',
  },
  {
    name: 'constants',
    template: "{{1}} {{-1}} {{1.5}} {{1e6}} {{0x1F}} {{0o17}} {{0b101}} {{017}} {{1_000}} {{'a'}} {{'\\n'}}",
    output: '1 -1 1.5 1e+06 31 15 5 15 1000 97 10',
  },
  {
    name: 'strings',
    template: '{{"a\\tb"}}|{{`raw\\n`}}|{{"\\u00e9\\x41\\101"}}',
    output: 'a\tb|raw\\n|éAA',
  },
  { name: 'bools and nil', template: '{{true}} {{false}} {{printf "%v" nil}}', output: 'true false <nil>' },
  { name: 'hex float', template: '{{0x1p3}}', output: '8' },
  {
    name: 'integer overflow',
    template: '{{99999999999999999999}}',
    parseError: 'template: output:1: integer overflow: "99999999999999999999"',
  },
  {
    name: 'overflows int',
    template: '{{18446744073709551615}}',
    partial: '',
    execError:
      'template: output:1:2: executing "output" at <18446744073709551615>: 18446744073709551615 overflows int',
  },
  { name: 'bad number', template: '{{1.5.3}}', parseError: 'template: output:1: unexpected ".3" in operand' },
  {
    name: 'malformed char',
    template: "{{'ab'}}",
    parseError: "template: output:1: malformed character constant: 'ab'",
  },
  { name: 'invalid escape', template: '{{"\\q"}}', parseError: 'template: output:1: invalid syntax' },
  { name: 'if true', template: '{{if .t}}yes{{else}}no{{end}}', output: 'yes' },
  { name: 'if false', template: '{{if .fl}}yes{{else}}no{{end}}', output: 'no' },
  {
    name: 'if empty string, zero, empty list, empty map, nil',
    template:
      '{{if .e}}1{{end}}{{if .z}}2{{end}}{{if .el}}3{{end}}{{if .em}}4{{end}}{{if .nil}}5{{end}}{{if .missing}}6{{end}}.',
    output: '.',
  },
  {
    name: 'else if chain',
    template: '{{if eq .i 1}}one{{else if eq .i 17}}seventeen{{else}}other{{end}}',
    output: 'seventeen',
  },
  { name: 'with', template: '{{with .u}}{{.v}}{{end}}', output: 'v' },
  { name: 'with else', template: '{{with .missing}}x{{else}}none{{end}}', output: 'none' },
  { name: 'else with', template: '{{with .missing}}x{{else with .u}}{{.v}}{{end}}', output: 'v' },
  { name: 'with a variable', template: '{{with $v := .u.v}}{{$v}}{{.}}{{end}}', output: 'vv' },
  { name: 'range a list', template: '{{range .sl}}[{{.}}]{{end}}', output: '[a][b][c]' },
  {
    name: 'range index and element',
    template: '{{range $i, $e := .sl}}{{$i}}={{$e}} {{end}}',
    output: '0=a 1=b 2=c ',
  },
  {
    name: 'range a map, sorted',
    template: '{{range $k, $v := .m}}{{$k}}={{$v}} {{end}}',
    output: 'one=1 three=3 two=2 ',
  },
  { name: 'range map values', template: '{{range .m}}{{.}} {{end}}', output: '1 3 2 ' },
  {
    name: 'range empty else',
    template:
      '{{range .el}}x{{else}}empty{{end}} {{range .em}}x{{else}}empty{{end}} {{range .missing}}x{{else}}missing{{end}}',
    output: 'empty empty missing',
  },
  {
    name: 'range an int',
    template: '{{range 3}}{{.}}{{end}} {{range $v := .z}}x{{else}}none{{end}}',
    output: '012 none',
  },
  {
    name: 'range an int with two variables',
    template: '{{range $i, $e := 3}}{{end}}',
    partial: '',
    execError:
      'template: output:1:18: executing "output" at <3>: can\'t use 3 to iterate over more than one variable',
  },
  {
    name: 'range a string',
    template: '{{range .s}}x{{end}}',
    partial: '',
    execError: 'template: output:1:8: executing "output" at <.s>: range can\'t iterate over hello',
  },
  { name: 'range with $ inside', template: '{{range .sl}}{{$.x}}{{end}}', output: 'xxx' },
  {
    name: 'break and continue',
    template: '{{range .il}}{{if eq . 2}}{{continue}}{{end}}{{if eq . 3}}{{break}}{{end}}{{.}}{{end}}',
    output: '1',
  },
  {
    name: 'nested range',
    template: '{{range .nested}}{{.name}}:{{range .v}}{{.}}{{end}};{{end}}',
    output: 'a:12;b:;',
  },
  { name: 'pipeline', template: '{{.s | printf "%s!" | printf "<%s>"}}', output: '<hello!>' },
  { name: 'parenthesized', template: '{{printf "%s-%d" (index .sl 1) (len .sl)}}', output: 'b-3' },
  {
    name: 'field of a parenthesized value',
    template: '{{(index .nested 0).name}} {{(index .nested 1).v}}',
    output: 'a <no value>',
  },
  {
    name: 'non executable stage',
    template: '{{.x | 3}}',
    parseError: 'template: output:1: non executable command in pipeline stage 2',
  },
  {
    name: 'unexpected . after term',
    template: '{{"a".x}}',
    parseError: 'template: output:1: unexpected . after term "\\"a\\""',
  },
  {
    name: 'len',
    template: '{{len .sl}} {{len .m}} {{len .s}} {{len .uni}} {{len .el}}',
    output: '3 3 5 14 0',
  },
  {
    name: 'len of a number',
    template: '{{len .i}}',
    partial: '',
    execError: 'template: output:1:2: executing "output" at <len .i>: error calling len: len of type int64',
  },
  {
    name: 'len of nothing',
    template: '{{len .missing}}',
    partial: '',
    execError:
      'template: output:1:2: executing "output" at <len .missing>: error calling len: reflect: call of reflect.Value.Type on zero Value',
  },
  {
    name: 'len of null',
    template: '{{len .nil}}',
    partial: '',
    execError:
      'template: output:1:2: executing "output" at <len .nil>: error calling len: len of nil pointer',
  },
  {
    name: 'index',
    template:
      '{{index .sl 1}} {{index .m "two"}} {{index .nested 0 "v" 1}} {{index .m "none"}} {{index .s 1}}',
    output: 'b 2 2 <no value> 101',
  },
  {
    name: 'index out of range',
    template: '{{index .sl 3}}',
    partial: '',
    execError:
      'template: output:1:2: executing "output" at <index .sl 3>: error calling index: reflect: slice index out of range',
  },
  {
    name: 'index negative',
    template: '{{index .sl -1}}',
    partial: '',
    execError:
      'template: output:1:2: executing "output" at <index .sl -1>: error calling index: index out of range: -1',
  },
  {
    name: 'index a map with a number',
    template: '{{index .m 1}}',
    partial: '',
    execError:
      'template: output:1:2: executing "output" at <index .m 1>: error calling index: value has type int; should be string',
  },
  {
    name: 'index of nothing',
    template: '{{index .missing 0}}',
    partial: '',
    execError:
      'template: output:1:2: executing "output" at <index .missing 0>: error calling index: index of untyped nil',
  },
  {
    name: 'slice',
    template: '{{slice .sl 1}} {{slice .sl 1 2}} {{slice .s 1 3}} {{slice .sl}}',
    output: '[b c] [b] el [a b c]',
  },
  { name: 'slice past the length, within capacity', template: '{{slice .sl 0 4}}', output: '[a b c <nil>]' },
  {
    name: 'slice past the capacity',
    template: '{{slice .sl 0 5}}',
    partial: '',
    execError:
      'template: output:1:2: executing "output" at <slice .sl 0 5>: error calling slice: index out of range: 5',
  },
  {
    name: 'slice backwards',
    template: '{{slice .sl 2 1}}',
    partial: '',
    execError:
      'template: output:1:2: executing "output" at <slice .sl 2 1>: error calling slice: invalid slice index: 2 > 1',
  },
  {
    name: 'slice index from a field',
    template: '{{slice .sl 0 .z}}',
    partial: '',
    execError:
      'template: output:1:2: executing "output" at <slice .sl 0 .z>: error calling slice: cannot index slice/array with type interface {}',
  },
  {
    name: 'eq and ne',
    template:
      '{{eq .i 17}} {{eq .x "x"}} {{eq .i 1 2 17}} {{ne .s "hello"}} {{eq .nil nil}} {{eq .missing nil}}',
    output: 'true true true false true true',
  },
  {
    name: 'eq of incompatible types',
    template: '{{eq .i "17"}}',
    partial: '',
    execError:
      'template: output:1:2: executing "output" at <eq .i "17">: error calling eq: incompatible types for comparison',
  },
  {
    name: 'eq of int and float',
    template: '{{eq .i 17.0}}',
    partial: '',
    execError:
      'template: output:1:2: executing "output" at <eq .i 17.0>: error calling eq: incompatible types for comparison',
  },
  {
    name: 'eq of maps',
    template: '{{eq .m .m}}',
    partial: '',
    execError:
      'template: output:1:2: executing "output" at <eq .m .m>: error calling eq: non-comparable type map[one:%!s(int64=1) three:%!s(int64=3) two:%!s(int64=2)]: map[string]interface {}',
  },
  {
    name: 'eq without a second argument',
    template: '{{eq .i}}',
    partial: '',
    execError:
      'template: output:1:2: executing "output" at <eq .i>: error calling eq: missing argument for comparison',
  },
  {
    name: 'lt, le, gt, ge',
    template: '{{lt .i 20}} {{le 17 .i}} {{gt .s "abc"}} {{ge .f 1.5}}',
    output: 'true true true true',
  },
  {
    name: 'lt of bools',
    template: '{{lt .t .fl}}',
    partial: '',
    execError:
      'template: output:1:2: executing "output" at <lt .t .fl>: error calling lt: invalid type for comparison',
  },
  {
    name: 'and, or, not',
    template: '{{and .t .s}} {{and .z .s}} {{or .z .e}} {{or .missing .x}} {{not .el}} {{not .x}}',
    output: 'hello 0  x true false',
  },
  { name: 'and of nothing', template: '{{and .missing .x}}', output: '<no value>' },
  {
    name: 'wrong number of args',
    template: '{{lt 1}}',
    partial: '',
    execError: 'template: output:1:2: executing "output" at <lt>: wrong number of args for lt: want 2 got 1',
  },
  {
    name: 'too many args',
    template: '{{not 1 2}}',
    partial: '',
    execError:
      'template: output:1:2: executing "output" at <not>: wrong number of args for not: want 1 got 2',
  },
  {
    name: 'print and println',
    template: '{{print 1 2 "a" "b" 3 .nil}}|{{println .x .i}}|{{print .missing}}',
    output: '1 2ab3 <nil>|x 17\n|<nil>',
  },
  {
    name: 'printf verbs',
    template:
      '{{printf "%s %d %v %q %t %5.2f %x %X %o %b %c %U %e %g" .s .i .f .x .t .f .s 255 8 5 65 65 .big .tiny}}',
    output: 'hello 17 1.5 "x" true  1.50 68656c6c6f FF 10 101 A U+0041 %!e(int64=1000000) 0.0001',
  },
  {
    name: 'printf widths and flags',
    template: '{{printf "[%-6s][%6s][%06d][%+d][% d][%-8.3f][%.2s][%#x][%#o]" .x .x .i .i .i .f .s 255 8}}',
    output: '[x     ][     x][000017][+17][ 17][1.500   ][he][0xff][010]',
  },
  {
    name: 'printf of composites',
    template: '{{printf "%v|%d|%s|%q" .m .il .sl .sl}}',
    output: 'map[one:1 three:3 two:2]|[1 2 3]|[a b c]|["a" "b" "c"]',
  },
  {
    name: 'printf %#v and %T',
    template: '{{printf "%#v|%#v|%T|%T|%T|%T" .nested .nil .i .f .sl .m}}',
    output:
      '[]interface {}{map[string]interface {}{"name":"a", "v":[]interface {}{1, 2}}, map[string]interface {}{"name":"b"}}|<nil>|int64|float64|[]interface {}|map[string]interface {}',
  },
  {
    name: 'printf bad verbs',
    template: '{{printf "%d %s %z" .x .i .t}}',
    output: '%!d(string=x) %!s(int64=17) %!z(bool=true)',
  },
  {
    name: 'printf missing and extra',
    template: '{{printf "%d %d" 1}}|{{printf "%d" 1 2 "x"}}|{{printf "%!"}}|{{printf "%"}}',
    output: '1 %!d(MISSING)|1%!(EXTRA int=2, string=x)|%!!(MISSING)|%!(NOVERB)',
  },
  {
    name: 'printf indexes and stars',
    template: '{{printf "%[2]d %[1]d|%*d|%.*f|%[3]d" 1 2 5 3 2 1.2345}}',
    output: '2 1| 5|%!f(int=002)|5',
  },
  {
    name: 'printf of nothing',
    template: '{{printf "%v %s %d" .missing .missing nil}}',
    output: '<nil> %!s(<nil>) %!d(<nil>)',
  },
  {
    name: 'printf float rounding',
    template: '{{printf "%.0f %.0f %.0f %.2f %.1f %.3e" 0.5 1.5 2.5 0.125 0.25 1234.5678}}',
    output: '0 2 2 0.12 0.2 1.235e+03',
  },
  {
    name: 'printf format not a string',
    template: '{{printf .i}}',
    partial: '',
    execError:
      'template: output:1:9: executing "output" at <.i>: wrong type for value; expected string; got int64',
  },
  {
    name: 'html, js, urlquery',
    template: '{{html .html}}|{{js .html}}|{{urlquery .html .uni}}|{{html .missing}}',
    output:
      '&lt;a href=&#34;x&#34;&gt;&amp;&#39;|\\u003Ca href\\u003D\\"x\\"\\u003E\\u0026\\\'|%3Ca+href%3D%22x%22%3E%26%27h%C3%A9llo%2C+%E4%B8%96%E7%95%8C|&lt;no value&gt;',
  },
  { name: 'base64decode', template: '{{base64decode .b64}}', output: 'hello world' },
  {
    name: 'base64decode of bad data',
    template: '{{base64decode "aGVsbG8"}}',
    partial: '',
    execError:
      'template: output:1:2: executing "output" at <base64decode "aGVsbG8">: error calling base64decode: base64 decode failed: illegal base64 data at input byte 4',
  },
  {
    name: 'base64decode of a number',
    template: '{{base64decode .i}}',
    partial: '',
    execError:
      'template: output:1:15: executing "output" at <.i>: wrong type for value; expected string; got int64',
  },
  {
    name: 'exists',
    template:
      '{{exists . "u" "v"}} {{exists . "missing"}} {{exists .sl 2}} {{exists .sl 3}} {{exists . "nil"}}',
    output: 'true false true false false',
  },
  {
    name: 'call',
    template: '{{call .x}}',
    partial: '',
    execError:
      'template: output:1:2: executing "output" at <call .x>: error calling call: non-function .x of type string',
  },
  {
    name: 'define and template',
    template: '{{define "T"}}<{{.}}>{{end}}{{template "T" .x}}{{template "T"}}',
    output: '<x><<no value>>',
  },
  { name: 'block', template: '{{block "B" .u}}{{.v}}{{end}}', output: 'v' },
  {
    name: 'template not defined',
    template: '{{template "nope"}}',
    partial: '',
    execError:
      'template: output:1:11: executing "output" at <{{template "nope"}}>: template "nope" not defined',
  },
  {
    name: 'error inside a template',
    template: '{{define "T"}}\n{{.v.w}}{{end}}{{template "T" .u}}',
    partial: '\n',
    execError: 'template: output:2:4: executing "T" at <.v.w>: can\'t evaluate field w in type interface {}',
  },
  {
    name: 'multiple definition',
    template: '{{define "T"}}a{{end}}{{define "T"}}b{{end}}',
    parseError: 'template: output:1: template: multiple definition of template "T"',
  },
  { name: 'trim markers', template: 'a  {{- .x -}}  b {{- /* c */ -}} c', output: 'axbc' },
  { name: 'comment', template: 'a{{/* a\ncomment */}}b', output: 'ab' },
  { name: 'minus number is not a trim marker', template: '{{-3}}', output: '-3' },
  { name: 'newline in an action', template: '{{.x\n}}{{if\n.t}}!{{end}}', output: 'x!' },
  { name: 'unclosed action', template: '{{.x', parseError: 'template: output:1: unclosed action' },
  {
    name: 'unclosed action on the next line',
    template: '{{.x\n',
    parseError: 'template: output:2: unclosed action started at output:1',
  },
  { name: 'unclosed left paren', template: '{{(.x}}', parseError: 'template: output:1: unclosed left paren' },
  {
    name: 'unexpected right paren',
    template: '{{.x)}}',
    parseError: 'template: output:1: unexpected right paren',
  },
  { name: 'unexpected EOF', template: '{{if .x}}', parseError: 'template: output:1: unexpected EOF' },
  { name: 'unexpected end', template: '{{end}}', parseError: 'template: output:1: unexpected {{end}}' },
  {
    name: 'else after else',
    template: '{{if .x}}a{{else}}b{{else}}c{{end}}',
    parseError: 'template: output:1: expected end; found {{else}}',
  },
  {
    name: 'undefined function',
    template: '{{nope .x}}',
    parseError: 'template: output:1: function "nope" not defined',
  },
  {
    name: 'undefined variable',
    template: '{{$x}}',
    parseError: 'template: output:1: undefined variable "$x"',
  },
  { name: 'bad character', template: '{{.x!}}', parseError: "template: output:1: bad character U+0021 '!'" },
  {
    name: 'unrecognized character',
    template: '{{\u0001}}',
    parseError: 'template: output:1: unrecognized character in action: U+0001',
  },
  {
    name: 'unterminated string',
    template: '{{"abc}}',
    parseError: 'template: output:1: unterminated quoted string',
  },
  { name: 'unclosed comment', template: '{{/* abc', parseError: 'template: output:1: unclosed comment' },
  {
    name: 'comment ends early',
    template: '{{/* abc */ x}}',
    parseError: 'template: output:1: comment ends before closing delimiter',
  },
  { name: 'empty command', template: '{{}}', parseError: 'template: output:1: missing value for command' },
  {
    name: 'missing value for if',
    template: '{{if}}{{end}}',
    parseError: 'template: output:1: missing value for if',
  },
  {
    name: 'break outside range',
    template: '{{break}}',
    parseError: 'template: output:1: {{break}} outside {{range}}',
  },
  {
    name: 'too many declarations',
    template: '{{$a, $b := 1}}',
    parseError: 'template: output:1: too many declarations in command',
  },
  { name: 'missing key allowed', template: '{{.missing}}', output: '<no value>' },
  {
    name: 'missing key refused',
    template: '[{{.x}}] {{.missing}}',
    strict: true,
    partial: '[x] ',
    execError: 'template: output:1:11: executing "output" at <.missing>: map has no entry for key "missing"',
  },
  {
    name: 'missing key below nothing refused',
    template: '{{.nil.x}}',
    strict: true,
    partial: '',
    execError: 'template: output:1:6: executing "output" at <.nil.x>: nil pointer evaluating interface {}.x',
  },
  {
    name: 'null value refused? no',
    template: '{{.nil}}|{{.u.w}}',
    strict: true,
    output: '<no value>|<no value>',
  },
  {
    name: 'index of a missing key refused? no',
    template: '{{index .m "none"}}',
    strict: true,
    output: '<no value>',
  },
];

function run(c: Case): Omit<Case, 'name' | 'template' | 'strict'> {
  try {
    return { output: parseGoTemplate(c.template).execute(DATA, { missingKeyError: c.strict === true }) };
  } catch (e) {
    if (e instanceof GoTemplateParseError) return { parseError: e.message };
    if (e instanceof GoTemplateExecError) return { partial: e.partial, execError: e.message };
    throw e;
  }
}

describe('Go templates as kubectl 1.33 runs them', () => {
  it.each(CASES)('$name: $template', (c) => {
    const { name: _name, template: _template, strict: _strict, ...want } = c;
    expect(run(c)).toEqual(want);
  });
});

describe("Go's fmt", () => {
  const v = (type: ConstructorParameters<typeof GoValue>[0], x: unknown) => new GoValue(type, x);

  it.each([
    [0.5, 'f', 0, '0'],
    [1.5, 'f', 0, '2'],
    [2.5, 'f', 0, '2'],
    [0.125, 'f', 2, '0.12'],
    [0.375, 'f', 2, '0.38'],
    [1.005, 'f', 2, '1.00'],
    [1e21, 'g', -1, '1e+21'],
    [123456, 'g', -1, '123456'],
    [1234567, 'g', -1, '1.234567e+06'],
    [0.0001, 'g', -1, '0.0001'],
    [0.00001, 'g', -1, '1e-05'],
    [1234.5678, 'e', 3, '1.235e+03'],
    [0, 'e', 6, '0.000000e+00'],
    [5e-324, 'g', -1, '5e-324'],
    [0.1, 'f', 20, '0.10000000000000000555'],
    [-0, 'g', -1, '-0'],
    [Number.NaN, 'g', -1, 'NaN'],
    [Number.POSITIVE_INFINITY, 'f', 2, '+Inf'],
  ] as const)('FormatFloat(%s, %s, %s) is %s', (x, fmt, prec, want) => {
    expect(formatFloat(x, fmt, prec)).toBe(want);
  });

  it('prints maps sorted, lists spaced, nil in a map as <nil>', () => {
    const m = v('map[string]interface {}', { b: [1, 'x', null], a: { z: null }, c: 1.5 });
    expect(sprintf('%v', [m])).toBe('map[a:map[z:<nil>] b:[1 x <nil>] c:1.5]');
    expect(sprintf('%#v', [m])).toBe(
      'map[string]interface {}{"a":map[string]interface {}{"z":interface {}(nil)}, "b":[]interface {}{1, "x", interface {}(nil)}, "c":1.5}',
    );
    expect(sprintf('%d', [m])).toBe(
      'map[%!d(string=a):map[%!d(string=z):<nil>] %!d(string=b):[1 %!d(string=x) <nil>] %!d(string=c):%!d(float64=1.5)]',
    );
  });

  it('says what does not fit', () => {
    expect(sprintf('%d|%s|%t', [v('string', 'abc'), v('int', 1), null])).toBe(
      '%!d(string=abc)|%!s(int=1)|%!t(<nil>)',
    );
    expect(sprintf('%d %d', [v('int', 1)])).toBe('1 %!d(MISSING)');
    expect(sprintf('%d', [v('int', 1), v('string', 'x'), null])).toBe('1%!(EXTRA string=x, <nil>)');
    expect(sprintf('%.*d|%*d', [v('string', 'x'), v('int', 1), v('float64', 1.5), v('int', 2)])).toBe(
      '%!(BADPREC)1|%!(BADWIDTH)2',
    );
  });
});

describe('what is not simulated fails instead of printing wrong', () => {
  it.each([
    ['{{1+2i}}', /complex number constants/],
    ['{{printf "%p" .}}', /%p verb/],
    ['{{printf "%x" 1.5}}', /%x verb for floating-point/],
    ['{{slice "héllo" 1 2}}', /not UTF-8 text/],
    ['{{range 100000000}}{{end}}', new RegExp(`more than ${GO_TEMPLATE_BUDGET} steps`)],
    ['{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}', /templates that call templates/],
  ])('%s', (template, message) => {
    expect(() => runGoTemplate(template, DATA)).toThrow(GoNotSimulated);
    expect(() => runGoTemplate(template, DATA)).toThrow(message);
  });
});

describe('the -o go-template printer', () => {
  it('reads go-template-file and templatefile from the scenario files', () => {
    const files = new Map([['t.tmpl', '{{.x}}!']]);
    expect(goTemplateFormat('go-template-file', 't.tmpl', files).template).toBe('{{.x}}!');
    expect(goTemplateFormat('templatefile', './t.tmpl', files).template).toBe('{{.x}}!');
    expect(() => goTemplateFormat('go-template-file', 'nope.tmpl', files)).toThrow(
      'error reading --template nope.tmpl, open nope.tmpl: no such file or directory',
    );
    expect(() => goTemplateFormat('go-template-file', 't.tmpl', undefined)).toThrow(
      /not simulated for this command/,
    );
    expect(() => goTemplateFormat('go-template', '', files)).toThrow(
      'template format specified but no template given',
    );
    expect(() => goTemplateFormat('template', '{{.x', files)).toThrow(
      'error parsing template {{.x, template: output:1: unclosed action',
    );
  });

  it('writes what a failed template wrote, and the object to debug by, before its error', () => {
    const format = goTemplateFormat('go-template', 'A{{.x}}{{.x.y}}', undefined);
    let thrown: unknown;
    try {
      printWithGoTemplate(format, { x: 'v' }, '{"x":"v"}');
    } catch (e) {
      thrown = e;
    }
    // kubectl's error path prints `stdout` first, on standard output, then the message.
    expect(thrown).toBeInstanceOf(KubectlError);
    expect((thrown as { stdout?: string }).stdout).toBe(
      'AvError executing template: template: output:1:11: executing "output" at <.x.y>: can\'t evaluate field y in type interface {}. Printing more information for debugging the template:\n' +
        '\ttemplate was:\n\t\tA{{.x}}{{.x.y}}\n\traw data was:\n\t\t{"x":"v"}\n\tobject given to template engine was:\n\t\tmap[x:v]\n\n',
    );
  });

  it('prints objects for the in-page kubectl', () => {
    const c = cluster({ 'names.tmpl': '{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}' });
    c.kubectl('create deployment web --image=nginx --replicas=2');
    c.sim.advance(30);
    const pods = c.kubectl('get pods -o go-template-file=names.tmpl');
    expect(pods.exitCode).toBe(0);
    expect(pods.stdout).toMatch(/^(web-[a-z0-9]+-[a-z0-9]{5}\n){2}$/);
    const replicas = c.kubectl(`get deployment web -o go-template --template '{{.spec.replicas}}'`);
    expect(replicas.stdout).toBe('2');
    const failed = c.kubectl(
      `get deployment web -o go-template='{{.metadata.name}}{{.spec.nothing}}' --allow-missing-template-keys=false`,
    );
    expect(failed.exitCode).toBe(1);
    expect(failed.stdout).toMatch(/^webError executing template: .*map has no entry for key "nothing"/);
    expect(failed.stderr).toBe(
      'error: error executing template "{{.metadata.name}}{{.spec.nothing}}": template: output:1:25: executing "output" at <.spec.nothing>: map has no entry for key "nothing"\n',
    );
  });
});
