/**
 * Comparisons ready to open, and the builder behind them: the same kubia start (Service kubia,
 * Deployment kubia with 3 replicas of v1 requesting 500m CPU each, 3 nodes of 2 CPUs, default
 * timings, 10 requests/s), then one update per lane at 0:20, written as the kubectl commands the
 * app's buttons run (`actions.*`): Recreate, a RollingUpdate with chosen numbers, or blue/green as
 * three visible steps (create green; after `rollout status` of green, switch the Service; retire
 * blue). A lane may deploy the book's broken v3 (readiness probe, minReadySeconds 10) instead of v2.
 */
import { deepCopy } from '../k8s/copy.ts';
import type { Deployment, Service } from '../k8s/types.ts';
import * as actions from '../run/actions.ts';
import { createRun } from '../run/run.ts';
import {
  ScenarioError,
  type Scenario,
  type ScenarioStep,
  type ScenarioVariant,
} from '../scenario/scenario.ts';

/** Text in English and Korean. */
export type Bilingual = { en: string; ko: string };

/** One lane's update, as the comparison form offers it. */
export type LaneUpdate =
  | { strategy: 'recreate'; broken?: boolean }
  | {
      strategy: 'rolling';
      maxSurge: string;
      maxUnavailable: string;
      minReadySeconds?: number;
      broken?: boolean;
    }
  | { strategy: 'blue-green'; broken?: boolean };

/** When the lanes' updates run (the pods of v1 have long been ready by then). */
export const UPDATE_AT = 20;
/** How long the presets play: every update but a broken one has finished well before. */
export const PRESET_SECONDS = 90;

const NEW_IMAGE = 'luksa/kubia:v2';
const BROKEN_IMAGE = 'luksa/kubia:v3';

const KUBIA = `apiVersion: v1
kind: Service
metadata:
  name: kubia
spec:
  selector:
    app: kubia
  ports:
  - port: 80
    targetPort: 8080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: kubia
spec:
  replicas: 3
  selector:
    matchLabels:
      app: kubia
  template:
    metadata:
      name: kubia
      labels:
        app: kubia
    spec:
      containers:
      - image: luksa/kubia:v1
        name: nodejs
        ports:
        - containerPort: 8080
        resources:
          requests:
            cpu: 500m
`;

/** The start every preset shares: kubia as the book has it, with CPU requests so cost shows. */
export function kubiaStart(): Scenario {
  return {
    apiVersion: 'rolloutlab/v1',
    kind: 'Scenario',
    metadata: {
      name: 'kubia-compare',
      title: { en: 'kubia: three ways to update', ko: 'kubia: 세 가지 업데이트 방법' },
    },
    spec: {
      seed: 7,
      cluster: { nodes: 3, cpu: '2', memory: '8Gi' },
      timing: {},
      traffic: { service: 'kubia', requestsPerSecond: 10 },
      manifests: KUBIA,
      steps: [],
      until: PRESET_SECONDS,
    },
  };
}

const pct = (s: string) => s.replace('%', 'pct');

/** A lane's name and title from its update (`rolling-1-0`, "RollingUpdate 1/0"). */
export function laneLabel(u: LaneUpdate): { name: string; title: Bilingual } {
  const broken = u.broken
    ? { name: '-v3', en: ' · broken v3', ko: ' · 고장 난 v3' }
    : { name: '', en: '', ko: '' };
  if (u.strategy === 'recreate')
    return {
      name: `recreate${broken.name}`,
      title: { en: `Recreate${broken.en}`, ko: `Recreate${broken.ko}` },
    };
  if (u.strategy === 'blue-green')
    return {
      name: `blue-green${broken.name}`,
      title: { en: `Blue/green${broken.en}`, ko: `블루/그린${broken.ko}` },
    };
  const ready = u.minReadySeconds ? `, minReadySeconds ${u.minReadySeconds}` : '';
  const numbers = `${u.maxSurge}/${u.maxUnavailable}`;
  return {
    name: `rolling-${pct(u.maxSurge)}-${pct(u.maxUnavailable)}${u.minReadySeconds ? `-${u.minReadySeconds}s` : ''}${broken.name}`
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '-'),
    title: {
      en: `Rolling update ${numbers}${ready}${broken.en}`,
      ko: `롤링 업데이트 ${numbers}${ready}${broken.ko}`,
    },
  };
}

const step = (at: number, line: actions.CommandLine, after?: string): ScenarioStep => ({
  at,
  ...(after ? { after } : {}),
  run: line.run,
  ...(line.stdin !== undefined ? { stdin: line.stdin } : {}),
});

/**
 * The kubectl steps of one lane's update of Deployment `d` behind Service `svc`, at `at`. Throws
 * ScenarioError with the API server's message when the RollingUpdate numbers are invalid
 * (maxSurge and maxUnavailable both 0, a negative minReadySeconds, …).
 */
export function updateSteps(d: Deployment, svc: Service, u: LaneUpdate, at = UPDATE_AT): ScenarioStep[] {
  const image = u.broken ? BROKEN_IMAGE : NEW_IMAGE;
  if (u.strategy === 'rolling') {
    const { error } = actions.rollingUpdate(d, {
      image,
      maxSurge: u.maxSurge,
      maxUnavailable: u.maxUnavailable,
      minReadySeconds: u.minReadySeconds ?? 0,
    });
    if (error) throw new ScenarioError(error);
  }
  switch (u.strategy) {
    case 'recreate':
      return u.broken
        ? [step(at, actions.brokenV3(d, { type: 'Recreate' }))]
        : actions.recreate(d, image).map((l) => step(at, l));
    case 'rolling':
      return u.broken
        ? [
            step(
              at,
              actions.brokenV3(d, {
                type: 'RollingUpdate',
                maxSurge: actions.parseIntOrPercent(u.maxSurge),
                maxUnavailable: actions.parseIntOrPercent(u.maxUnavailable),
              }),
            ),
          ]
        : actions
            .rollingUpdate(d, {
              image,
              maxSurge: u.maxSurge,
              maxUnavailable: u.maxUnavailable,
              minReadySeconds: u.minReadySeconds ?? 0,
            })
            .lines.map((l) => step(at, l));
    case 'blue-green': {
      const green = actions.greenDeployment(
        d,
        image,
        u.broken ? { readinessProbe: true, minReadySeconds: 10 } : {},
      );
      const greenName = `${d.metadata.name}${actions.GREEN_SUFFIX}`;
      return [
        step(at, green),
        step(
          at,
          actions.switchService(svc, { app: greenName }),
          `kubectl rollout status deployment/${greenName}`,
        ),
        step(at, actions.scale(d.metadata.name, 0)),
      ];
    }
  }
}

/**
 * A comparison of `updates` on the start `base`: each lane the same scenario, then its update at
 * `at`. The Deployment and Service the updates act on are read from the base as it starts.
 */
export function comparisonOf(
  base: Scenario,
  updates: readonly LaneUpdate[],
  meta: { name?: string; title?: Bilingual } = {},
  at = UPDATE_AT,
): Scenario {
  const start = createRun(base).frame().objects;
  const d = start.deployments.find((x) => x.metadata.name === 'kubia') ?? start.deployments[0];
  const svc = start.services.find((x) => x.metadata.name === 'kubia') ?? start.services[0];
  if (!d || !svc) throw new RangeError('comparisonOf: the start has no Deployment or no Service');
  const names = new Set<string>();
  const variants: ScenarioVariant[] = updates.map((u) => {
    const label = laneLabel(u);
    let name = label.name;
    for (let k = 2; names.has(name); k++) name = `${label.name}-${k}`;
    names.add(name);
    return { name, title: label.title, steps: updateSteps(d, svc, u, at) };
  });
  const s = deepCopy(base);
  if (meta.name) s.metadata.name = meta.name;
  if (meta.title) s.metadata.title = meta.title;
  s.spec.variants = variants;
  return s;
}

export interface ComparisonPreset {
  id: string;
  title: Bilingual;
  updates: readonly LaneUpdate[];
}

const rolling = (maxSurge: string, maxUnavailable: string): LaneUpdate => ({
  strategy: 'rolling',
  maxSurge,
  maxUnavailable,
});

export const COMPARISON_PRESETS: readonly ComparisonPreset[] = [
  {
    id: 'recreate-vs-rolling',
    title: { en: 'Recreate vs rolling update', ko: 'Recreate와 롤링 업데이트' },
    updates: [{ strategy: 'recreate' }, rolling('25%', '25%')],
  },
  {
    id: 'surge-vs-unavailable',
    title: {
      en: 'Rolling update 1/0 vs 0/1 vs 25%/25%',
      ko: '롤링 업데이트 1/0, 0/1, 25%/25% 비교',
    },
    updates: [rolling('1', '0'), rolling('0', '1'), rolling('25%', '25%')],
  },
  {
    id: 'all-three',
    title: { en: 'All three strategies', ko: '세 가지 전략 모두' },
    updates: [{ strategy: 'recreate' }, rolling('25%', '25%'), { strategy: 'blue-green' }],
  },
  {
    id: 'broken-v3',
    title: { en: 'Broken v3: Recreate vs rolling update', ko: '고장 난 v3: Recreate와 롤링 업데이트' },
    updates: [
      { strategy: 'recreate', broken: true },
      { strategy: 'rolling', maxSurge: '1', maxUnavailable: '0', broken: true },
    ],
  },
];

export const comparisonPresetById = (id: string): ComparisonPreset | undefined =>
  COMPARISON_PRESETS.find((p) => p.id === id);

/** The scenario of a preset (with its variants), or undefined for an unknown id. */
export function comparisonPreset(id: string): Scenario | undefined {
  const p = comparisonPresetById(id);
  if (!p) return undefined;
  return comparisonOf(kubiaStart(), p.updates, { name: p.id, title: p.title });
}
