/**
 * YAML as kubectl reads and writes it, beside the real kubectl against the served simulator.
 * kubectl reads manifests with go-yaml v2, which keeps YAML 1.1's words: `on`, `yes` and `n` are
 * booleans, `010` is octal, `1_000` a thousand, and `<<` merges a map. A plain scalar in a string
 * field (an annotation), in an int32 field (replicas) and as a key must give the same answer and
 * the same stored object on both sides. Then `get -o yaml`: the strings go-yaml quotes (words,
 * numbers, timestamps, `12:30`), the style it quotes them in (`'''a'`, `"a\tb"`, `|2-`) and its
 * order of keys (`a2` before `a10`). Also the YAML slips
 * whose go-yaml words are known. Skipped, saying why, without a kubectl binary.
 */
import { describe, expect, it } from 'vitest';
import { comparisonKubectl, deploymentManifest } from './paired.ts';
import { usePairedClusters } from './paired-suite.ts';

const kubectl = comparisonKubectl();

const deployment = (name: string, { replicas = '1', metadata = '' } = {}) =>
  deploymentManifest(name, { spec: `replicas: ${replicas}`, metadata });

/** Plain scalars as an annotation's value (a string field). */
const ANNOTATION_VALUES = [
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'n',
  'True',
  'FALSE',
  '~',
  'null',
  '',
  '010',
  '08',
  '0x1F',
  '0o7',
  '0b11',
  '1_000',
  '1e3',
  '.5',
  '-.5',
  '+1',
  '1.',
  '12:30',
  '190:20:30',
  '2001-12-14',
  '2001-12-14T21:59:43Z',
  '2001-1-2',
  '.inf',
  '-.Inf',
  '.nan',
  '<<',
  '0x',
  '1e',
  '_1',
  '99999999999999999999',
  '1e400',
  "'yes'",
  '"010"',
  'yes please',
  '2001-13-01',
];

/** Plain scalars as spec.replicas (an int32). */
const REPLICAS = [
  '010',
  '08',
  '0x3',
  '0o7',
  '0b11',
  '1_0',
  '1e1',
  '3.',
  '+2',
  '-0',
  '1.5',
  '.inf',
  'on',
  '0b_1_1',
];

describe.skipIf(!kubectl)(`YAML beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  const pair = usePairedClusters(kubectl?.path);

  const apply = async (manifest: string) => {
    const run = await pair().run('apply -f -', manifest);
    expect(run.inPage).toEqual(run.real);
    return run;
  };
  const same = async (line: string) => {
    const run = await pair().run(line);
    expect(run.inPage).toEqual(run.real);
    return run.real;
  };

  it.each(ANNOTATION_VALUES.map((v, i) => [v, i] as const))('an annotation: v: %s', async (value, i) => {
    const name = `ann-${i}`;
    await apply(deployment(name, { metadata: `  annotations:\n    v: ${value}\n` }));
    await same(`get deployments ${name} --ignore-not-found -o jsonpath={.metadata.annotations}`);
  });

  it.each(REPLICAS.map((v, i) => [v, i] as const))('replicas: %s', async (value, i) => {
    const name = `rep-${i}`;
    await apply(deployment(name, { replicas: value }));
    await same(`get deployments ${name} --ignore-not-found -o jsonpath={.spec.replicas}`);
  });

  // Slips made by hand, in go-yaml's words and on go-yaml's line (the YAML library has its own).
  const SLIPS: [string, (m: string) => string][] = [
    ['a tab as indentation', (m) => m.replace('  replicas: 1', '\treplicas: 1')],
    ['a tab before a list item', (m) => m.replace('      - name: c', '\t- name: c')],
    ['a tab after a dash', (m) => m.replace('      - name: c', '      -\tname: c')],
    ['a quote never closed', (m) => m.replace('image: nginx', 'image: "nginx')],
    ['a quote never closed, early', (m) => m.replace('  name: slip', '  name: "slip')],
    ['a single quote never closed', (m) => m.replace('image: nginx', "image: 'nginx")],
    ['a second key on one line', (m) => m.replace('image: nginx', 'image: nginx: latest')],
    ['no space after a colon', (m) => m.replace('replicas: 1', 'replicas:1')],
    ['no space after the first colon', (m) => m.replace('apiVersion: apps/v1', 'apiVersion:apps/v1')],
    ['a key indented too far', (m) => m.replace('  replicas: 1', '   replicas: 1')],
    ['a key not indented enough', (m) => m.replace('        image: nginx', '       image: nginx')],
    ['a list item at the wrong level', (m) => m.replace('      - name: c', '    - name: c')],
    [
      'a value on the next line, indented less than its key',
      (m) => m.replace('  name: slip', '  name:\n slip'),
    ],
    ['a list item indented less than the one before', (m) => args(m, '\n          - a\n        - b')],
    ['a bracket never closed', (m) => m.replace('matchLabels: {app: slip}', 'matchLabels: [slip')],
    ['a brace never closed', (m) => m.replace('matchLabels: {app: slip}', 'matchLabels: {app: slip')],
    ['a bracket never closed at the end', (m) => `${m}---\nfoo: [\n`],
    ['a stray word', (m) => m.replace('kind: Deployment', 'kind: Deployment\noops')],
    ['an alias to no anchor', (m) => m.replace('image: nginx', 'image: *img')],
    // Inside brackets: the comma or the closing bracket go-yaml wants, on the line before the text.
    ['a comma missing in a list', (m) => args(m, '["a" "b"]')],
    ['a comma missing in a list over two lines', (m) => args(m, '["a",\n          "b" "c"]')],
    ['a comma missing after a comment in a list', (m) => args(m, '["a", # first\n          "b" "c"]')],
    ['a comma missing in a map', (m) => m.replace('labels: {app: slip}', 'labels: {app: slip tier: front}')],
    [
      'a comma missing after a quote in a map',
      (m) => m.replace('labels: {app: slip}', 'labels: {app: "slip" tier: x}'),
    ],
    [
      'a word after the last value of a map',
      (m) => m.replace('labels: {app: slip}', 'labels: {app: "slip" x}'),
    ],
    ['a brace inside a list', (m) => args(m, '[a${x}]')],
    ['two commas in a list', (m) => args(m, '["a", , "b"]')],
    ['a list that begins with a comma', (m) => args(m, '[, "b"]')],
    ['two commas in a map', (m) => m.replace('labels: {app: slip}', 'labels: {app: slip, , tier: x}')],
    // A value that runs on after it ended: the next key, or the next item, is what go-yaml wants.
    ['text after a closing quote', (m) => m.replace('image: nginx', 'image: "nginx"latest')],
    ['text after a closing single quote', (m) => m.replace('image: nginx', "image: 'nginx'latest")],
    ['a word after a closing quote', (m) => m.replace('image: nginx', 'image: "nginx" latest')],
    ['a list closed twice', (m) => args(m, '["a"]]')],
    ['a map closed twice', (m) => m.replace('labels: {app: slip}', 'labels: {app: slip}}')],
    ['text after a quoted item', (m) => args(m, '\n        - "a"b')],
    ['text after a quoted item indented under its key', (m) => args(m, '\n          - "a"b')],
    ['an item indented under its key closed twice', (m) => args(m, '\n          - [a]]')],
    ['two anchors', (m) => m.replace('image: nginx', 'image: &a &b nginx')],
    ['an alias with an anchor', (m) => m.replace('image: nginx', 'image: &a *b')],
    ['text after a quote on the first line of a second document', (m) => `${m}---\nkind: "x"y\n`],
    ['text after a quote on the first line of a list', () => '- "a"b\n- c\n'],
    // Characters that cannot begin a value, and escapes go-yaml does not know.
    ['a value that begins with @', (m) => m.replace('image: nginx', 'image: @nginx')],
    ['a value that begins with a backtick', (m) => m.replace('image: nginx', 'image: `nginx`')],
    ['a value that begins with %', (m) => m.replace('image: nginx', 'image: %nginx')],
    ['a key that begins with @', (m) => m.replace('  replicas: 1', '  @replicas: 1')],
    ['an item that begins with @', (m) => args(m, '["a", @b]')],
    ['an unknown escape', (m) => m.replace('image: nginx', 'image: "ngi\\qnx"')],
    ['a short hexadecimal escape', (m) => m.replace('image: nginx', 'image: "a\\x4"')],
    ['a short unicode escape', (m) => m.replace('image: nginx', 'image: "a\\u12"')],
    // Go's YAML reader splits the stream first: a separator goes on with a comment at most.
    ['text after a document separator', (m) => `${m}---x\n`],
    ['a tag after a document separator', (m) => `${m}--- !tag\n${m}`],
    ['a mapping after a document separator', (m) => `${m}--- x: y\n`],
    // Directives need the `---` after them, which the reader cut off: every one fails.
    ['a %YAML 1.1 directive', (m) => `%YAML 1.1\n---\n${m}`],
    ['a %YAML 1.2 directive', (m) => `%YAML 1.2\n---\n${m}`],
    ['a directive after a comment', (m) => `# c\n\n%YAML 1.2\n---\n${m}`],
    ['a directive without its separator', (m) => `%YAML 1.1\n# c\n${m}`],
    ['two %YAML directives', (m) => `%YAML 1.1\n%YAML 1.1\n---\n${m}`],
    [
      'two %TAG directives for one handle',
      (m) => `${m}---\n# x\n%TAG ! tag:a,2000:\n%TAG ! tag:b,2000:\n---\n${m}`,
    ],
    ['an unknown directive in a second document', (m) => `${m}---\n\n%FOO bar\n---\n${m}`],
    ['a directive at the very end', (m) => `${m}---\n%YAML 1.1`],
  ];
  /** `m` with the container's args: a flow list, or a block one after a line break. */
  const args = (m: string, value: string) =>
    m.replace('image: nginx', `image: nginx\n        args: ${value}`);
  it.each(SLIPS)("a YAML slip in kubectl's words: %s", async (_, slip) => {
    const run = await apply(slip(deployment('slip')));
    expect(run.real.stderr).toMatch(
      /^error: error parsing STDIN: (error converting YAML to JSON: yaml: |invalid Yaml document separator: )/,
    );
  });

  it.each([
    ['metadata: text', (m: string) => m.replace(/metadata:\n {2}name: \S+\n/, 'metadata: text\n')],
    ['generation: x', (m: string) => m.replace(/( {2}name: \S+\n)/, '$1  generation: x\n')],
    ['ownerReferences: 5', (m: string) => m.replace(/( {2}name: \S+\n)/, '$1  ownerReferences: 5\n')],
  ])("the object's own metadata is read by kubectl before it is sent: %s", async (_, change) => {
    const run = await apply(change(deployment('meta')));
    expect(run.real.stderr).toMatch(/^error: unable to decode "STDIN": json: cannot unmarshal /);
  });

  it('keys read as booleans and numbers become their text; merge keys merge', async () => {
    await apply(
      deployment('keys', {
        metadata:
          '  labels: &base {on: x, 010: v, 1e3: z, Off: "no"}\n  annotations:\n    <<: *base\n    extra: "1"\n',
      }),
    );
    const out = await same("get deployment keys -o 'jsonpath={.metadata.labels} {.metadata.annotations}'");
    expect(out.stdout).toContain('"true":"x"');
    expect(out.stdout).toContain('"extra":"1"');
  });

  it('get -o yaml quotes what go-yaml would read as something else, and orders keys as it does', async () => {
    await apply(deployment('printed'));
    const values = ANNOTATION_VALUES.filter((v) => !/['" ]/.test(v) && v !== '');
    await same(`annotate deployment printed ${values.map((v, i) => `a${i}=${v}`).join(' ')}`);
    await same(
      'annotate deployment printed on=1 1=2 a_b=3 aB=4 a-b=5 a01=6 a001=7 b/2=8 b/02=9 c2.10=10 c10.2=11',
    );
    const out = await same('get deployment printed -o yaml');
    // go-yaml's key order: numbers by their value, a non-letter before a letter.
    const keys = [...out.stdout.matchAll(/^ {4}([^ :]+|"[^"]+"):/gm)].map((m) => m[1]);
    expect(keys.slice(0, 7)).toEqual(['"1"', 'a-b', 'a_b', 'a0', 'a1', 'a01', 'a001']);
    expect(keys.indexOf('a2')).toBeLessThan(keys.indexOf('a10'));
    expect(out.stdout).toContain('    a0: "yes"\n');
    expect(out.stdout).toMatch(/ {4}a\d+: "12:30"\n/);
    // A string go-yaml reads back as a string stays plain, though YAML 1.2 would take it for a number.
    expect(out.stdout).toMatch(/ {4}a\d+: 1e400\n/);
  });

  it('get -o yaml writes each string in the style go-yaml chooses: a leading quote single-quoted', async () => {
    // Sent as JSON, so that any character gets in (the last-applied annotation holds them all).
    const strings = [
      ...["'a", "a'b", "a'", "'", "''", "' a", " 'a", "a' ", "x: 'y'", '"a\'b"', "'yes'", "it's"],
      ...['- a', '-a', 'a: b', 'a:b', 'a:', 'a #b', 'a#b', '?a', '? a', ':a', '?', '---a', '...'],
      ...['%a', '@a', '`a', '!a', '&a', '*a', '|a', '>a', '[a', 'a]', '{a}', ',a', 'a,b'],
      ...[' a', 'a ', ' ', 'a  b', 'a\tb', '\ta', "'a\tb'", 'a\u00a0', 'é', '\u{1F600}', '\ufeffa'],
      ...['a\u0001b', 'a\u001fb', 'a\r\nb', 'a\u2028b', "a'\u2028b"],
      ...['a\nb', 'a \nb', 'a\n b', 'a\nb ', 'a\t\nb', 'a\n', '\na', 'a\n\n', '\n', ' a\nb', "a'\nb"],
      ...['a\n\nb', '  a\nb\n', '\n\nx\n'],
      " It's a long value with a quote and a leading space that goes well past the eighty column limit",
    ];
    const container = {
      name: 'c',
      image: 'nginx',
      args: ["'x", '\na', ' y', 'a\u2028b'],
      env: [
        { name: 'QUOTE', value: "'" },
        { name: 'LEADING', value: " it's" },
        { name: 'INSIDE', value: "a'b c" },
      ],
    };
    const labels = { app: 'quoted' };
    await apply(
      JSON.stringify({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'quoted', annotations: Object.fromEntries(strings.map((v, i) => [`v${i}`, v])) },
        spec: {
          replicas: 1,
          selector: { matchLabels: labels },
          template: { metadata: { labels }, spec: { containers: [container] } },
        },
      }),
    );
    await same(`annotate deployment quoted q1="'a" q2="b'" q3=" c'"`);
    const out = await same('get deployment quoted -o yaml');
    expect(out.stdout).toContain("    v0: '''a'\n");
    expect(out.stdout).toContain("          value: ' it''s'\n");
  });

  it('get -o yaml breaks a long string past 80 columns where go-yaml breaks it', async () => {
    const long = 'is long enough to pass the eighty column limit of the go-yaml emitter, so it folds';
    await apply(
      deployment('folded', {
        metadata: [
          '  annotations:',
          `    plain: "this one ${long}"`,
          `    single: "needs quotes: this one ${long}"`,
          `    double: "a tab\\there ${long}  x  y"`,
          `    runs: "spaces  in  runs  this one ${long}"`,
          `    atbreak: "${'x'.repeat(70)}  yy zz"`,
          `    unicode: "é é é é é é é é é é é é é é é é é é é é é é é é é é é é é é é é é é é é é é é é é"`,
          '',
        ].join('\n'),
      }),
    );
    await same(
      'annotate deployment folded kubernetes.io/change-cause="kubectl set image deployment/folded c=nginx:1.27 --record=true"',
    );
    const out = await same('get deployment folded -o yaml');
    expect(out.stdout).toContain(
      '    plain: this one is long enough to pass the eighty column limit of the go-yaml\n      emitter, so it folds\n',
    );
    await same('get deployment folded -o json');
    await same(`get events -o yaml`);
  });
});
