import { describe, expect, it } from 'vitest';
import { feedLine, pastedLines, printedChunksInOrder, printedInOrder, type Heredoc } from './terminal.ts';

const DEPRECATED = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';
const TABLE = 'NAME    ENDPOINTS   AGE\nkubia   10.244.1.2:8080   4s\n';

// Each case as the real kubectl prints it to a terminal (stdout and stderr together).
describe('printedInOrder', () => {
  it.each([
    ['only stdout', TABLE, '', [[TABLE, false]]],
    [
      'only stderr',
      '',
      'error: unknown command "foo" for "kubectl"\n',
      [['error: unknown command "foo" for "kubectl"\n', true]],
    ],
    [
      'a warning before the table (get endpoints)',
      TABLE,
      DEPRECATED,
      [
        [DEPRECATED, true],
        [TABLE, false],
      ],
    ],
    [
      'an error after the table (get pods nope kubia-1)',
      'NAME      READY\nkubia-1   1/1\n',
      'Error from server (NotFound): pods "nope" not found\n',
      [
        ['NAME      READY\nkubia-1   1/1\n', false],
        ['Error from server (NotFound): pods "nope" not found\n', true],
      ],
    ],
    [
      'warnings first, errors last',
      'pod/kubia-1\n',
      `${DEPRECATED}Warning: second\nError from server (NotFound): pods "a" not found\n`,
      [
        [`${DEPRECATED}Warning: second\n`, true],
        ['pod/kubia-1\n', false],
        ['Error from server (NotFound): pods "a" not found\n', true],
      ],
    ],
    ['a warning without a newline at the end', '', 'Warning: last', [['Warning: last', true]]],
    [
      'a warning that is not at the start stays after stdout',
      'x\n',
      'error: a\nWarning: b\n',
      [
        ['x\n', false],
        ['error: a\nWarning: b\n', true],
      ],
    ],
  ])('%s', (_, stdout, stderr, want) => {
    expect(printedInOrder(stdout, stderr).map((p) => [p.text, p.stderr])).toEqual(want);
  });
});

const RETRY =
  'error when evicting pods/"kubia-2" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod\'s disruption budget.\n';

// A command that goes on prints in chunks as time passes: a terminal shows them as they came.
describe('printedChunksInOrder', () => {
  it.each([
    ['no chunk', [], []],
    [
      'one chunk, as printedInOrder',
      [{ stdout: TABLE, stderr: DEPRECATED }],
      [
        [DEPRECATED, true],
        [TABLE, false],
      ],
    ],
    [
      'a drain that retries: the refusal between the evictions, not after "drained"',
      [
        { stdout: 'node/node-2 cordoned\nevicting pod default/kubia-1\nevicting pod default/kubia-2\n' },
        { stderr: RETRY },
        { stdout: 'evicting pod default/kubia-2\n' },
        { stdout: 'pod/kubia-1 evicted\n' },
        { stdout: 'pod/kubia-2 evicted\nnode/node-2 drained\n' },
      ],
      [
        ['node/node-2 cordoned\nevicting pod default/kubia-1\nevicting pod default/kubia-2\n', false],
        [RETRY, true],
        [
          'evicting pod default/kubia-2\npod/kubia-1 evicted\npod/kubia-2 evicted\nnode/node-2 drained\n',
          false,
        ],
      ],
    ],
    [
      'errors of two chunks in a row read as one',
      [{ stdout: 'a\n', stderr: 'error: x\n' }, { stderr: 'error: y\n' }],
      [
        ['a\n', false],
        ['error: x\nerror: y\n', true],
      ],
    ],
  ])('%s', (_, chunks, want) => {
    expect(printedChunksInOrder(chunks).map((p) => [p.text, p.stderr])).toEqual(want);
  });
});

/** Feeds lines in order as the console does; the commands they complete, and what stays open. */
function feed(lines: string[], pending: Heredoc | null = null) {
  const run: { command: string; stdin?: string }[] = [];
  for (const l of lines) {
    const fed = feedLine(pending, l);
    pending = fed.pending;
    if (fed.run) run.push(fed.run);
  }
  return { run, pending };
}

const DEPLOYMENT = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web'];
const YAML = DEPLOYMENT.map((l) => `${l}\n`).join('');

// As bash reads the same lines (a here-document's text is its lines, each ending in a newline).
describe('the console reads lines as a shell does', () => {
  it.each([
    ['a command', ['kubectl get pods'], [{ command: 'kubectl get pods' }]],
    ['blank lines run nothing', ['', '   '], []],
    [
      'kubectl apply -f - <<EOF',
      ['kubectl apply -f - <<EOF', ...DEPLOYMENT, 'EOF'],
      [{ command: 'kubectl apply -f -', stdin: YAML }],
    ],
    [
      "the documentation's cat <<EOF | kubectl apply -f -",
      ['cat <<EOF | kubectl apply -f -', ...DEPLOYMENT, 'EOF', 'kubectl get deploy web'],
      [{ command: 'kubectl apply -f -', stdin: YAML }, { command: 'kubectl get deploy web' }],
    ],
    [
      "a quoted delimiter, and a line that only looks like it ('EOF ' is text)",
      ["kubectl apply -f - << 'END'", 'EOF', 'END '.trim() + ' ', 'END'],
      [{ command: 'kubectl apply -f -', stdin: 'EOF\nEND \n' }],
    ],
    [
      '<<- strips leading tabs, from the delimiter too',
      ['kubectl apply -f - <<-EOF', '\tkind: Deployment', '\t\tname: web', '\tEOF'],
      [{ command: 'kubectl apply -f -', stdin: 'kind: Deployment\nname: web\n' }],
    ],
    [
      'an empty here-document',
      ['kubectl apply -f - <<EOF', 'EOF'],
      [{ command: 'kubectl apply -f -', stdin: '' }],
    ],
  ])('%s', (_name, lines, run) => {
    expect(feed(lines)).toEqual({ run, pending: null });
  });

  it('keeps a here-document open until its delimiter, with its lines so far', () => {
    expect(feed(['kubectl apply -f - <<EOF', 'kind: Deployment'])).toEqual({
      run: [],
      pending: {
        command: 'kubectl apply -f -',
        delimiter: 'EOF',
        stripTabs: false,
        lines: ['kind: Deployment'],
      },
    });
  });

  it('a here-string (<<<) is no here-document', () => {
    expect(feed(['kubectl get pods <<<x'])).toEqual({
      run: [{ command: 'kubectl get pods <<<x' }],
      pending: null,
    });
  });
});

describe('pasted text', () => {
  it('runs each line, joins a line ending in a backslash to the next, and leaves the rest', () => {
    expect(
      pastedLines('kubectl get pods\nkubectl get deploy kubia \\\n  -o wide\nkubectl get', null),
    ).toEqual({
      lines: ['kubectl get pods', 'kubectl get deploy kubia   -o wide'],
      rest: 'kubectl get',
    });
    expect(pastedLines('a\r\nb\rc\n', null)).toEqual({ lines: ['a', 'b', 'c'], rest: '' });
  });

  it('takes a backslash at the end of a here-document line as text', () => {
    const text = 'kubectl apply -f - <<EOF\ncommand: echo \\\nEOF\n';
    const { lines, rest } = pastedLines(text, null);
    expect(lines).toEqual(['kubectl apply -f - <<EOF', 'command: echo \\', 'EOF']);
    expect(rest).toBe('');
    expect(feed(lines).run).toEqual([{ command: 'kubectl apply -f -', stdin: 'command: echo \\\n' }]);
  });

  it('goes on with a here-document opened before it', () => {
    const { pending } = feed(['kubectl apply -f - <<EOF']);
    const { lines } = pastedLines('kind: Deployment \\\nEOF\n', pending);
    expect(feed(lines, pending).run).toEqual([
      { command: 'kubectl apply -f -', stdin: 'kind: Deployment \\\n' },
    ]);
  });
});
