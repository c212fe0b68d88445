import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManifestError } from '../k8s/yaml.ts';
import {
  answerIsRight,
  isNumberQuestion,
  LIMITS,
  numberIsRight,
  parseScenario,
  ScenarioError,
} from './scenario.ts';

const chapter = readFileSync(new URL('./examples/kubia-chapter.yaml', import.meta.url), 'utf8');

/** The importer's contract: a valid scenario or an error that says what is wrong, never anything else. */
function importText(text: string): 'ok' | 'error' {
  try {
    const s = parseScenario(text);
    expect(s.kind).toBe('Scenario');
    expect(s.spec.steps.length).toBeLessThanOrEqual(LIMITS.steps);
    return 'ok';
  } catch (e) {
    if (e instanceof ScenarioError || e instanceof ManifestError) {
      expect(e.message.length).toBeGreaterThan(0);
      return 'error';
    }
    throw e;
  }
}

describe('scenario files', () => {
  it('reads the example chapter', () => {
    const s = parseScenario(chapter);
    expect(s.metadata.title?.ko).toBe('kubia를 v1에서 v2로 업데이트한 뒤, 고장 난 v3와 롤백');
    expect(s.spec.steps.map((x) => x.at)).toEqual([30, 120, 180, 190, 230]);
    expect(s.spec.traffic).toEqual({ service: 'kubia', requestsPerSecond: 10 });
  });

  it.each([
    ['not a scenario', 'apiVersion: v1\nkind: Pod\n', 'not a scenario'],
    ['steps out of order', chapter.replace('at: 120', 'at: 10'), 'steps must be in time order'],
    [
      'a step without a command',
      chapter.replace(/run: kubectl rollout history deployment kubia/, 'run: ""'),
      'run: Required value',
    ],
    ['too many nodes', chapter.replace('nodes: 3', 'nodes: 5000'), 'spec.cluster.nodes'],
    ['a negative time', chapter.replace('at: 30', 'at: -1'), 'spec.steps[0].at'],
    ['broken YAML', 'apiVersion: rolloutlab/v1\nkind: [Scenario\n', 'error converting YAML to JSON'],
    ['two documents', `${chapter}\n---\n${chapter}`, 'exactly one document'],
    [
      'a node CPU that is no quantity',
      chapter.replace("cpu: '4'", 'cpu: lots'),
      `spec.cluster.cpu: Invalid value: "lots": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
    ],
    [
      'a negative node memory',
      chapter.replace('memory: 8Gi', 'memory: -5Gi'),
      'spec.cluster.memory: Invalid value: "-5Gi": must be greater than 0',
    ],
    ['a node CPU of 0', chapter.replace("cpu: '4'", 'cpu: 0'), 'spec.cluster.cpu: Invalid value: "0"'],
  ])('refuses %s with a clear message', (_name, text, message) => {
    expect(() => parseScenario(text)).toThrow(message);
  });

  it.each([
    ['a misspelt list of steps', chapter.replace('  steps:', '  stpes:'), ['spec.stpes']],
    [
      "a step's misspelt condition",
      chapter.replace(
        '      run: kubectl set image',
        '      aftr: kubectl rollout status deploy/kubia\n      run: kubectl set image',
      ),
      ['spec.steps[0].aftr'],
    ],
    [
      'fields at every level',
      chapter
        .replace('metadata:\n', 'metadata:\n  labels: { a: b }\n')
        .replace("cluster: { nodes: 3, cpu: '4', memory: 8Gi }", 'cluster: { nodes: 2, cpus: 4 }')
        .replace('spec:\n', 'spec:\n  timing: { jiter: 0 }\n  apps: { "luksa/kubia:v1": { startup: 3 } }\n')
        .replace('apiVersion:', 'clsuter: {}\napiVersion:'),
      [
        'clsuter',
        'metadata.labels',
        'spec.timing.jiter',
        'spec.apps[luksa/kubia:v1].startup',
        'spec.cluster.cpus',
      ],
    ],
    // Listed in the order the file has them, as the API server lists them.
  ])('refuses unknown fields as the API server decodes strictly: %s', (_name, text, fields) => {
    expect(() => parseScenario(text)).toThrow(
      `strict decoding error: ${fields.map((f) => `unknown field "${f}"`).join(', ')}`,
    );
  });

  it.each([
    ['in YAML', chapter.replace('  seed: 7\n', '  seed: 7\n  seed: 8\n'), 12, 'seed'],
    ['quoted', chapter.replace('  seed: 7\n', "  seed: 7\n  'seed': 8\n"), 12, 'seed'],
    [
      'in JSON',
      JSON.stringify(parseScenario(chapter), null, 2).replace('"seed": 7', '"seed": 7,\n    "seed": 9'),
      13,
      'seed',
    ],
  ])(
    'refuses a key given twice, %s, as a strict decoder does: the first would be lost',
    (_name, text, line, key) => {
      expect(() => parseScenario(text)).toThrow(
        `error parsing scenario: error converting YAML to JSON: yaml: unmarshal errors:\n  line ${line}: key "${key}" already set in map`,
      );
    },
  );

  it('reads JSON as JSON.parse does, tabs and escapes too', () => {
    const s = parseScenario(chapter);
    const named = { ...s, metadata: { ...s.metadata, name: 'a\u2028b\\/"é' } };
    for (const text of [JSON.stringify(named, null, '\t'), JSON.stringify(named)])
      expect(parseScenario(text)).toEqual(JSON.parse(text));
  });

  it("refuses an unknown field in a comparison's variant and in a question", () => {
    const variants = [
      { name: 'a', steps: [{ at: 30, run: 'kubectl get pods' }] },
      { name: 'b', stpes: [] },
    ];
    expect(() =>
      parseScenario({ ...parseScenario(chapter), spec: { ...parseScenario(chapter).spec, variants } }),
    ).toThrow('strict decoding error: unknown field "spec.variants[1].stpes"');
    const question = { prompt: 'How many?', choices: ['1', '2'], answer: 0, hint: 'count' };
    const s = parseScenario(chapter);
    s.spec.steps[0] = { ...s.spec.steps[0]!, stop: true, question } as never;
    expect(() => parseScenario(s)).toThrow(
      'strict decoding error: unknown field "spec.steps[0].question.hint"',
    );
  });

  it('drops prototype-pollution keys', () => {
    const s = parseScenario(
      chapter.replace(
        'spec:\n',
        'spec:\n  __proto__: { polluted: true }\n  files: { __proto__: { x: 1 }, a.yaml: "kind: x" }\n',
      ),
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(s.spec.files).toEqual({ 'a.yaml': 'kind: x' });
  });

  const small = `apiVersion: rolloutlab/v1
kind: Scenario
metadata: { name: s, title: { en: Small, ko: 작은 } }
spec:
  seed: 3
  cluster: { nodes: 2 }
  traffic: { service: kubia, requestsPerSecond: 5 }
  manifests: |
    apiVersion: v1
    kind: Service
    metadata: { name: kubia }
    spec: { selector: { app: kubia }, ports: [{ port: 80 }] }
  steps:
    - { at: 5, run: kubectl get pods, say: { en: Look, ko: 보기 } }
    - { at: 9, run: kubectl scale deploy kubia --replicas=2, stop: true, expect: { pods: { v1: ">0" }, timeline: { from: 0, refused: 0 } } }
`;
  const mutate = (base: string) =>
    fc
      .tuple(fc.nat({ max: base.length - 1 }), fc.integer({ min: 0, max: 3 }), fc.string({ maxLength: 6 }))
      .map(([pos, op, s]) => {
        if (op === 0) return base.slice(0, pos);
        if (op === 1) return base.slice(0, pos) + s + base.slice(pos + 1);
        if (op === 2) return base.slice(0, pos) + s + base.slice(pos);
        return base.slice(0, pos) + base.slice(pos + s.length + 1);
      });

  it('fuzz: mutations of the full chapter give a valid scenario or an error (1,000 cases)', () => {
    fc.assert(
      fc.property(mutate(chapter), (text) => ['ok', 'error'].includes(importText(text))),
      { numRuns: 1_000, seed: 7 },
    );
  });

  it('fuzz: random and mutated files always give a valid scenario or an error (10,000 cases)', () => {
    const mutated = mutate(small);
    const nested = fc
      .nat({ max: 400 })
      .map((n) => `apiVersion: rolloutlab/v1\nkind: Scenario\nspec: ${'['.repeat(n)}${']'.repeat(n)}\n`);
    const anything = fc.oneof(
      mutated,
      fc.string({ maxLength: 300 }),
      nested,
      fc.jsonValue().map((v) => JSON.stringify(v)),
    );
    fc.assert(
      fc.property(anything, (text) => ['ok', 'error'].includes(importText(text))),
      { numRuns: 10_000, seed: 7 },
    );
  });
});

describe('a stop question in a scenario', () => {
  const base = (step: Record<string, unknown>) => ({
    apiVersion: 'rolloutlab/v1',
    kind: 'Scenario',
    spec: { steps: [{ at: 5, run: 'kubectl get pods', stop: true, ...step }] },
  });
  const q = {
    prompt: { en: 'How many?', ko: '몇 개?' },
    choices: ['12', 13, { en: 'none', ko: '없음' }],
    answer: 1,
  };

  it('keeps the prompt, choices (numbers as text), answer, explanation, reveals and notes', () => {
    const s = parseScenario(
      base({ question: { ...q, explain: 'Because.', reveals: ['budget.max', 'why'] }, notes: 'Slow down.' }),
    );
    expect(s.spec.steps[0]!.question).toEqual({
      prompt: { en: 'How many?', ko: '몇 개?' },
      choices: ['12', '13', { en: 'none', ko: '없음' }],
      answer: 1,
      explain: { en: 'Because.' },
      reveals: ['budget.max', 'why'],
    });
    expect(s.spec.steps[0]!.notes).toEqual({ en: 'Slow down.' });
  });

  it.each([
    [
      { ...q, answer: 3 },
      'spec.steps[0].question.answer: Invalid value: 3: must be an integer between 0 and 2',
    ],
    [
      { ...q, choices: ['1'] },
      'spec.steps[0].question.choices: Invalid value: 1 items: must be a list of 2 to 8 answers',
    ],
    [{ ...q, prompt: '' }, 'spec.steps[0].question.prompt: Required value'],
    [{ ...q, reveals: ['pods'] }, 'spec.steps[0].question.reveals[0]: Unsupported value: "pods"'],
  ])('refuses a bad question with its field: %j', (question, message) => {
    expect(() => parseScenario(base({ question }))).toThrow(message);
  });

  const nq = { prompt: 'How many pods at most?', number: { answer: 13 } };

  it('keeps a number question: the answer, its tolerance and unit, no choices', () => {
    const s = parseScenario(
      base({
        question: {
          ...nq,
          number: { answer: 13, tolerance: 0.5, unit: { en: 'pods', ko: '개' } },
          reveals: ['budget.max'],
        },
      }),
    );
    expect(s.spec.steps[0]!.question).toEqual({
      prompt: { en: 'How many pods at most?' },
      number: { answer: 13, tolerance: 0.5, unit: { en: 'pods', ko: '개' } },
      reveals: ['budget.max'],
    });
    expect(
      parseScenario(base({ question: { ...nq, number: { answer: -2.5, unit: 's' } } })).spec.steps[0]!
        .question,
    ).toEqual({ prompt: { en: 'How many pods at most?' }, number: { answer: -2.5, unit: 's' } });
  });

  it.each([
    [{ ...nq, number: {} }, 'spec.steps[0].question.number.answer: Required value'],
    [
      { ...nq, number: { answer: '13' } },
      'spec.steps[0].question.number.answer: Invalid value: "13": must be a number between -1000000000 and 1000000000',
    ],
    [
      { ...nq, number: { answer: 13, tolerance: -1 } },
      'spec.steps[0].question.number.tolerance: Invalid value: -1: must be a number between 0 and 1000000000',
    ],
    [{ ...nq, number: { answer: 13, unit: ' ' } }, 'spec.steps[0].question.number.unit: Required value'],
    [
      { ...nq, number: { answer: 13, units: 'pods' } },
      'strict decoding error: unknown field "spec.steps[0].question.number.units"',
    ],
    [{ ...nq, number: 13 }, 'spec.steps[0].question.number: must be a map'],
    [
      { ...nq, choices: ['12', '13'] },
      'spec.steps[0].question.choices: Forbidden: a question has either choices (choices, answer) or a number (number.answer), not both',
    ],
    [{ ...nq, answer: 1 }, 'spec.steps[0].question.answer: Forbidden'],
    [{ prompt: 'How many?' }, 'spec.steps[0].question.choices: Required value'],
  ])('refuses a bad number question with its field: %j', (question, message) => {
    expect(() => parseScenario(base({ question }))).toThrow(message);
  });

  it.each([
    ['kubectl get pods -w', '-w'],
    ['kubectl get deploy kubia --watch', '--watch'],
    ['k get pods --watch-only=true', '--watch-only'],
    ['kubectl -n default get pods -w=T', '-w'],
    ['kubectl events --watch', '--watch'],
    ['kubectl logs -f deploy/kubia', '-f'],
    ['kubectl logs deploy/kubia --follow=1', '--follow'],
  ])('refuses a condition that watches until stopped: %s', (after, flag) => {
    expect(() => parseScenario(base({ after }))).toThrow(
      `spec.steps[0].after: Invalid value: ${JSON.stringify(after)}: a condition must exit, and ${flag} keeps it running`,
    );
  });

  it.each([
    'kubectl rollout status deployment/kubia -w',
    'kubectl rollout status deployment/kubia --watch=true',
    'kubectl get pods --watch=false',
    'kubectl get pods -w=0',
    'kubectl wait --for=condition=Available deployment/kubia',
    'kubectl logs deploy/kubia',
    "kubectl get pods -l 'a in (x'",
    // A word that names something every object inherits is no command with a watch flag.
    'kubectl constructor -w',
    'kubectl --as alice get pods',
  ])('keeps a condition that exits: %s', (after) => {
    expect(parseScenario(base({ after })).spec.steps[0]!.after).toBe(after);
  });

  it('refuses a question on a step that is no stop', () => {
    expect(() => parseScenario(base({ stop: false, question: q }))).toThrow(
      'spec.steps[0].question: Forbidden: a question is asked at a stop (stop: true)',
    );
  });
});

describe('checking an answer', () => {
  it.each([
    [{ answer: 13 }, 13, true],
    [{ answer: 13 }, 12, false],
    [{ answer: 13 }, 13.0000001, false],
    [{ answer: 0.3 }, 0.1 + 0.2, true],
    [{ answer: 2.5, tolerance: 0.5 }, 3, true],
    [{ answer: 2.5, tolerance: 0.5 }, 2, true],
    [{ answer: 2.5, tolerance: 0.5 }, 3.01, false],
    [{ answer: -4, tolerance: 1 }, -5, true],
    [{ answer: 13 }, Number.NaN, false],
    [{ answer: 13, tolerance: 1e9 }, Number.POSITIVE_INFINITY, false],
  ])('number %j given %d is right: %s', (n, value, right) => {
    expect(numberIsRight(n, value)).toBe(right);
    expect(answerIsRight({ number: n }, value)).toBe(right);
  });

  it("a choice is right when it is the answer's index", () => {
    const q = { choices: ['12', '13'], answer: 1 };
    expect(answerIsRight(q, 1)).toBe(true);
    expect(answerIsRight(q, 0)).toBe(false);
    expect(isNumberQuestion(q)).toBe(false);
    expect(isNumberQuestion({ number: { answer: 1 } })).toBe(true);
  });
});
