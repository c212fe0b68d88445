/**
 * Inputs for the fuzz suite, from a seed: kubectl command lines (valid ones, hostile values in
 * every flag, mutated tokens), manifests with one field given a wrong type (for every leaf field
 * of every kind the simulator stores), share links and scenario files with a character changed,
 * and the corpus: every input issue 12 reported, and the accept/reject table. Deterministic: the
 * same seed gives the same inputs.
 */
import { CASES, kubia, service } from './cases.ts';

export type FuzzInput =
  | { kind: 'kubectl'; run: string; stdin?: string }
  | { kind: 'link'; fragment: string }
  | { kind: 'scenario'; text: string };

/** A small seeded generator (mulberry32); the fuzz suite must not depend on Math.random. */
export class Gen {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
}

/** The inputs issue 12 found, kept as regression fixtures. */
export const ISSUE_CORPUS: FuzzInput[] = [
  { kind: 'kubectl', run: `get pods -o jsonpath='{.items[::-1]}'` },
  { kind: 'kubectl', run: `get pods -o jsonpath='{.items[::-1].metadata.name}'` },
  { kind: 'kubectl', run: `get pods -o custom-columns='NAME:.items[::-1]'` },
  { kind: 'kubectl', run: `get pods -o custom-columns='NAME:.metadata.ownerReferences[::-2].name'` },
  { kind: 'kubectl', run: `get pods -o jsonpath='{range .items[*]}{range .items[*]}{..*}{end}{end}'` },
  {
    kind: 'kubectl',
    run: `patch deployment kubia -p '{"spec":{"template":{"spec":{"containers":[{"name":"nodejs","image":1.5}]}}}}'`,
  },
  { kind: 'kubectl', run: `patch deployment kubia -p '{"spec":{"replicas":{}}}'` },
  { kind: 'kubectl', run: `get pods --request-timeout=${'1'.repeat(2000)}x` },
  { kind: 'kubectl', run: `rollout status deployment kubia --timeout=${'9'.repeat(2000)}x` },
  { kind: 'kubectl', run: 'scale deployment kubia --replicas=20000' },
  {
    kind: 'kubectl',
    run: 'apply -f -',
    stdin: JSON.stringify({ ...kubia(), spec: { ...(kubia()['spec'] as object), replicas: 1e5 } }).replace(
      '100000',
      '1e5',
    ),
  },
  { kind: 'kubectl', run: `patch deployment kubia --type=json -p '[{"op":"remove","path":"/spec"}]'` },
  { kind: 'kubectl', run: `patch deployment kubia --type=json -p '[{"op":"remove","path":"/metadata"}]'` },
  { kind: 'kubectl', run: `patch deployment kubia --type=merge -p '{"spec":null}'` },
  { kind: 'kubectl', run: `patch deployment kubia --type=merge -p '{"spec":{"template":null}}'` },
  {
    kind: 'kubectl',
    run: `patch deployment kubia -p '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":1.5}}}}'`,
  },
  ...CASES.map((c): FuzzInput => ({ kind: 'kubectl', run: c.run, ...(c.stdin ? { stdin: c.stdin } : {}) })),
];

const HOSTILE_VALUES = [
  '',
  '-1',
  '0',
  '1.5',
  '1e5',
  '2147483648',
  '99999999999999999999',
  'x'.repeat(300),
  '"',
  "'",
  '{}',
  '[]',
  'null',
  '\u0000',
  '-',
  '--',
  '=',
  '%',
  '200%',
  '{.items[::-1]}',
  '{.items[-1:]}',
  '{range .items[*]}{.metadata.name}{end}',
  '{.items[?(@.status.phase=="Running")].metadata.name}',
  'jsonpath={.items[::-1]}',
  'custom-columns=N:.metadata.name,I:.spec.containers[::-1].image',
  'custom-columns=N:.items[0:9999]',
  'condition=Available',
  'delete',
  'create',
  'jsonpath={.status.replicas}=3',
  'yaml',
  'json',
  'wide',
  'name',
  '1ms',
  '10s',
  '3h',
  `${'9'.repeat(400)}s`,
];

const VERBS = [
  'get',
  'describe',
  'apply -f -',
  'create -f -',
  'delete',
  'scale',
  'set image',
  'patch',
  'label',
  'annotate',
  'rollout status',
  'rollout history',
  'rollout undo',
  'rollout pause',
  'rollout resume',
  'rollout restart',
  'wait',
  'events',
  'diff -f -',
  'expose',
  'create deployment',
  'edit',
  'api-resources',
  'version',
];
const TARGETS = [
  'deployment kubia',
  'deploy/kubia',
  'deployments.apps kubia',
  'rs',
  'pods',
  'pod',
  'svc kubia',
  'service/kubia',
  'nodes',
  'node node-1',
  'events',
  'endpoints',
  'all',
  'deployment missing',
  'ns',
  'replicaset',
  'x',
];
const FLAGS = [
  '--replicas=',
  '-o ',
  '-o=',
  '--output=',
  '-l ',
  '--selector=',
  '--field-selector=',
  '--timeout=',
  '--for=',
  '--request-timeout=',
  '--to-revision=',
  '--revision=',
  '-n ',
  '--type=',
  '-p ',
  '--image=',
  '--port=',
  '--dry-run=',
  '--current-replicas=',
  '--overwrite',
  '-w',
  '--watch=false',
  '--all-namespaces',
  '-A',
  '--show-labels',
  '--sort-by=',
  '--grace-period=',
  '--now',
  '--record',
  '--help',
];

/** A random command line: a verb, a target, extra words, flags with hostile values, quoting. */
export function randomCommand(g: Gen): string {
  const words = [g.pick(VERBS), g.pick(TARGETS)];
  if (g.next() < 0.3) words.push(g.pick(['nodejs=luksa/kubia:v2', 'a=b', 'app=x', 'app-', 'x=', '*=y']));
  const flags = g.int(4);
  for (let i = 0; i < flags; i++) {
    const f = g.pick(FLAGS);
    if (f.endsWith('=') || f.endsWith(' ')) {
      const v = g.pick(HOSTILE_VALUES);
      words.push(`${f}'${v.replace(/'/g, `'"'"'`)}'`);
    } else words.push(f);
  }
  let line = words.join(' ');
  if (g.next() < 0.15) {
    // A mutation: a character dropped, doubled or replaced.
    const i = g.int(line.length);
    const op = g.int(3);
    const c = g.pick(['"', "'", '\\', ' ', '-', '=', '{', '[', 'x']);
    line =
      op === 0
        ? line.slice(0, i) + line.slice(i + 1)
        : op === 1
          ? line.slice(0, i) + c + line.slice(i)
          : line.slice(0, i) + c + line.slice(i + 1);
  }
  return line;
}

/** Wrong-type replacements for a value: every JSON type but its own, and numbers past the ranges. */
function wrongValues(v: unknown): unknown[] {
  const all: unknown[] = ['3', 'yes', 1.5, 7, true, {}, [], null, 2147483648, -1, 1e21, ['a'], { a: 1 }];
  return all.filter((x) => typeof x !== typeof v || Array.isArray(x) !== Array.isArray(v));
}

/** Every leaf path of a JSON value (`spec.template.spec.containers[0].image`). */
function leaves(v: unknown, path: string, out: string[]): string[] {
  if (Array.isArray(v)) v.forEach((x, i) => leaves(x, `${path}[${i}]`, out));
  else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) leaves(x, path ? `${path}.${k}` : k, out);
    if (path) out.push(path);
  } else out.push(path);
  return out;
}

function setPath(obj: unknown, path: string, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(obj)) as Record<string, unknown>;
  const parts = path.split(/\.|(?=\[)/).map((p) => (p.startsWith('[') ? Number(p.slice(1, -1)) : p));
  let cur: Record<string | number, unknown> = copy;
  for (const p of parts.slice(0, -1)) cur = cur[p] as Record<string | number, unknown>;
  cur[parts[parts.length - 1]!] = value;
  return copy;
}

const POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', labels: { app: 'p' } },
  spec: {
    containers: [
      {
        name: 'c',
        image: 'luksa/kubia:v1',
        ports: [{ containerPort: 8080, protocol: 'TCP' }],
        env: [{ name: 'A', value: 'b' }],
        resources: { requests: { cpu: '100m' }, limits: { cpu: '1' } },
        readinessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 1 },
      },
    ],
    terminationGracePeriodSeconds: 5,
  },
};

/** The sample objects whose every field is mutated: a Deployment, a ReplicaSet, a Pod, a Service. */
export const SAMPLES: Record<string, unknown>[] = [
  {
    ...kubia(),
    spec: {
      ...(kubia()['spec'] as object),
      minReadySeconds: 1,
      paused: false,
      progressDeadlineSeconds: 600,
      revisionHistoryLimit: 5,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' } },
    },
  },
  { ...kubia(), kind: 'ReplicaSet', metadata: { name: 'rs1', labels: { app: 'web' } } },
  POD,
  service(),
];

/** One manifest per (leaf field, wrong value) of every sample, applied or created. */
export function wrongTypeManifests(): FuzzInput[] {
  const out: FuzzInput[] = [];
  for (const sample of SAMPLES)
    for (const path of leaves(sample, '', []))
      for (const bad of wrongValues(
        path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], sample),
      ))
        out.push({
          kind: 'kubectl',
          run: out.length % 2 ? 'create -f -' : 'apply -f -',
          stdin: JSON.stringify(setPath(sample, path, bad)),
        });
  return out;
}

/** A string with one character changed, dropped, doubled or the end cut off. */
export function mutate(g: Gen, s: string): string {
  const i = g.int(s.length);
  switch (g.int(4)) {
    case 0:
      return s.slice(0, i) + String.fromCharCode(32 + g.int(95)) + s.slice(i + 1);
    case 1:
      return s.slice(0, i) + s.slice(i + 1);
    case 2:
      return s.slice(0, i) + s[i] + s.slice(i);
    default:
      return s.slice(0, i);
  }
}
