import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManifestError } from '../k8s/yaml.ts';
import { LIMITS, parseScenario, ScenarioError } from './scenario.ts';

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
  ])('refuses %s with a clear message', (_name, text, message) => {
    expect(() => parseScenario(text)).toThrow(message);
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

  it('refuses a question on a step that is no stop', () => {
    expect(() => parseScenario(base({ stop: false, question: q }))).toThrow(
      'spec.steps[0].question: Forbidden: a question is asked at a stop (stop: true)',
    );
  });
});
