/**
 * The comparison of issue 15: the same commands through the in-page kubectl and the real kubectl
 * against the served simulator, in seven states of the chapter. It prints which outputs differ
 * (with the lines), writes the whole report to reports/kubectl-compare.md, and holds the rate of
 * byte-identical outputs at or above the floor reached so far; raise the floor as differences are
 * fixed.
 *
 * Skipped, saying why, on machines without a kubectl binary.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { compare, lineDiff, maskClock } from './compare.ts';
import { KUBIA_SVC, KUBIA_V1 } from './fixtures.ts';
import { PairedClusters, comparisonKubectl, type PairedRun } from './paired.ts';

/** Outputs identical after masking the wall clock (ages in describe), as a fraction; a ratchet. */
const FLOOR = 1;
/**
 * Outputs byte-identical without any mask (290 of 318): the rest are describe's ages, which the
 * real kubectl computes against the wall clock from the served cluster's virtual timestamps.
 */
const IDENTICAL_FLOOR = 0.9;

const KUBIA_RECREATE = KUBIA_V1.replace(/ {2}strategy:\n(?: {4}.*\n)+/, '  strategy:\n    type: Recreate\n');

type Step = string | number;

/**
 * The issue's writing commands, in the v1 settled state after the reads: labels by selector,
 * annotation keys removed with `-`, `set image` refused, `--record`, `set selector`, history,
 * undo as a client dry run, pause and resume, cordon, budgets. Each changes both clusters alike,
 * and what follows reads the change. (`k` is a shell alias and `describe ns` lists resource quotas
 * and limit ranges, which the served API does not serve, so neither is compared here.)
 */
const WRITES = [
  'label pods -l app=kubia tier=web',
  'label pods -l app=kubia tier=web',
  'get pods -L tier',
  'get pods -L tier,app -L pod-template-hash --show-labels',
  'get pods -L tier --show-kind',
  'get deployment kubia --show-kind --no-headers',
  'label pods -l app=kubia tier-',
  'label pods -l app=nothing tier=web',
  'annotate deployment/kubia kubernetes.io/change-cause=first',
  'annotate deployment/kubia kubernetes.io/change-cause-',
  'annotate deployment kubia note=x',
  'annotate deployment kubia note-',
  'annotate deployment kubia note-',
  'set image deployment/kubia nodejs=',
  'set image deployment/kubia nodejs=luksa/kubia:v2 --record',
  'rollout history deployment kubia',
  'rollout history deployment kubia --revision=2',
  'rollout undo deployment kubia --dry-run=client',
  'rollout undo deployment kubia --to-revision=9',
  'set selector service kubia app=kubia,tier=web',
  'get endpoints kubia',
  'set selector service kubia app=kubia',
  'scale deployment kubia --replicas=4',
  'rollout pause deployment kubia',
  'rollout pause deployment kubia',
  'rollout resume deployment kubia',
  'cordon node-2',
  'get nodes',
  'uncordon node-2',
  'create pdb kubia --selector=app=kubia --min-available=2',
  'describe pdb kubia',
  'delete pdb kubia',
  'get ns default -o yaml',
];

/** The seven states: kubectl commands, and numbers for seconds of virtual time to let pass. */
const STATES: { name: string; files?: Record<string, string>; steps: Step[]; then?: string[] }[] = [
  {
    name: 'v1 settled',
    steps: ['apply -f kubia-deployment-v1.yaml', 'apply -f kubia-svc.yaml', 60],
    then: WRITES,
  },
  {
    name: 'mid rolling update',
    steps: [
      'apply -f kubia-deployment-v1.yaml',
      'apply -f kubia-svc.yaml',
      60,
      'set image deployment kubia nodejs=luksa/kubia:v2',
      15,
    ],
  },
  {
    name: 'after undo',
    steps: [
      'apply -f kubia-deployment-v1.yaml',
      'apply -f kubia-svc.yaml',
      60,
      'set image deployment kubia nodejs=luksa/kubia:v2',
      90,
      'rollout undo deployment kubia',
      90,
    ],
  },
  {
    name: 'v3 stalled past its deadline',
    steps: [
      'apply -f kubia-deployment-v1.yaml',
      'apply -f kubia-svc.yaml',
      60,
      'set image deployment kubia nodejs=luksa/kubia:v3',
      120,
    ],
  },
  {
    name: 'paused',
    steps: [
      'apply -f kubia-deployment-v1.yaml',
      'apply -f kubia-svc.yaml',
      60,
      'rollout pause deployment kubia',
      'set image deployment kubia nodejs=luksa/kubia:v2',
      30,
    ],
  },
  {
    name: 'mid Recreate',
    steps: [
      'apply -f kubia-deployment-v1.yaml',
      'apply -f kubia-svc.yaml',
      60,
      'set image deployment kubia nodejs=luksa/kubia:v2',
      3,
    ],
    files: { 'kubia-deployment-v1.yaml': KUBIA_RECREATE },
  },
  {
    name: 'after undo --to-revision=1',
    steps: [
      'apply -f kubia-deployment-v1.yaml',
      'apply -f kubia-svc.yaml',
      60,
      'set image deployment kubia nodejs=luksa/kubia:v2',
      90,
      'set image deployment kubia nodejs=luksa/kubia:v3',
      30,
      'rollout undo deployment kubia --to-revision=1',
      90,
    ],
  },
];

/** What a learner reads in each state: every kind with the output flags, rollout, events, logs. */
const COMMANDS = [
  'get deployments',
  'get deployments -o wide',
  'get deployment kubia -o yaml',
  'get deployment kubia -o json',
  'get deployment kubia -o jsonpath={.status.conditions[*].reason}',
  'get deployment kubia -o name',
  'get replicasets',
  'get replicasets -o wide',
  'get replicasets -o yaml',
  'get pods',
  'get pods -o wide',
  'get pods --show-labels',
  'get pods -o yaml',
  'get pods -l app=kubia -o name',
  'get services',
  'get services -o wide',
  'get service kubia -o yaml',
  'get endpoints',
  'get endpointslices',
  'get endpointslices -o yaml',
  'get events',
  'get events -o wide',
  'get events --sort-by=.metadata.creationTimestamp',
  'get all',
  'get nodes',
  'get nodes -o wide',
  'get namespaces',
  'get deploy,rs -o custom-columns=NAME:.metadata.name,GEN:.metadata.generation',
  // Maps, lists and nulls as Go's %v prints them; a field not set is <none>.
  'get deploy -o custom-columns=SEL:.spec.selector,S:.spec.strategy,L:.metadata.labels,P:.spec.paused,X:.status.conditions[*].status',
  'get pods -o custom-columns=N:.metadata.name,C:.status.conditions[0],S:.spec.containers[0].ports',
  'describe deployment kubia',
  'describe replicasets',
  'describe pods',
  'describe service kubia',
  'describe endpoints kubia',
  'describe endpointslices',
  'describe node node-1',
  'rollout status deployment kubia --watch=false',
  'rollout history deployment kubia',
  'rollout history deployment kubia --revision=1',
  'get pods -A',
  // The pod kubectl picks (podutils.ByLogging) and what its app wrote. (Not `logs -l` over
  // several pods: kubectl reads their logs from a Go map, in random order.)
  'logs deployment/kubia',
  'logs deployment/kubia --tail=3 --timestamps',
];

const kubectl = comparisonKubectl();

interface Outcome {
  state: string;
  run: PairedRun;
  identical: boolean;
  equalMasked: boolean;
  masked: number;
}

describe.skipIf(!kubectl)(`the in-page kubectl beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  const outcomes: Outcome[] = [];

  afterAll(() => {
    if (!outcomes.length) return;
    const total = outcomes.length;
    const identical = outcomes.filter((o) => o.identical).length;
    const masked = outcomes.filter((o) => o.equalMasked).length;
    const differ = outcomes.filter((o) => !o.equalMasked);
    const lines = [
      `# In-page kubectl beside the real ${kubectl!.name}`,
      '',
      `${identical} of ${total} outputs byte-identical; ${masked} of ${total} identical once the wall clock is masked.`,
      '',
      `Masked (ages the real kubectl computes against the wall clock): ${outcomes
        .filter((o) => o.masked > 0)
        .map((o) => `${o.state}: \`${o.run.line}\``)
        .join('; ')}`,
      '',
      '## Outputs that differ',
      '',
    ];
    for (const o of differ) {
      // Diffs of what was compared: the wall clock masked on both sides.
      const show = (r: PairedRun['real']) => `${maskClock(r.stdout).text}${r.stderr}exit ${r.exitCode}`;
      lines.push(
        `### ${o.state}: \`kubectl ${o.run.line}\``,
        '',
        '```diff',
        lineDiff(show(o.run.inPage), show(o.run.real)),
        '```',
        '',
      );
    }
    mkdirSync('reports', { recursive: true });
    writeFileSync('reports/kubectl-compare.md', lines.join('\n'));
    const byCommand = new Map<string, number>();
    for (const o of differ) byCommand.set(o.run.line, (byCommand.get(o.run.line) ?? 0) + 1);
    console.log(
      [
        `kubectl comparison (${kubectl!.name}): ${identical}/${total} byte-identical, ${masked}/${total} with ages masked`,
        ...[...byCommand].map(([line, n]) => `  differs in ${n} state(s): kubectl ${line}`),
        '  details: reports/kubectl-compare.md',
      ].join('\n'),
    );
  });

  async function runState(state: (typeof STATES)[number]): Promise<void> {
    const pair = await PairedClusters.start({
      kubectl: kubectl!.path,
      cluster: { seed: 7 },
      files: { 'kubia-deployment-v1.yaml': KUBIA_V1, 'kubia-svc.yaml': KUBIA_SVC, ...(state.files ?? {}) },
    });
    try {
      for (const step of state.steps) {
        if (typeof step === 'number') pair.advance(step);
        else {
          const r = await pair.run(step);
          // The setup must do the same on both sides, or the states compared are not the same.
          expect(`${r.real.stdout}${r.real.exitCode}`, `${state.name}: ${step}`).toBe(
            `${r.inPage.stdout}${r.inPage.exitCode}`,
          );
        }
      }
      for (const line of [...COMMANDS, ...(state.then ?? [])]) {
        const run = await pair.run(line);
        const c = compare(run.inPage, run.real);
        outcomes.push({
          state: state.name,
          run,
          identical: c.identical,
          equalMasked: c.equalMasked,
          masked: c.masked,
        });
        // Whatever the printers do, the server must never make the real kubectl fail on its own.
        expect(run.real.stderr, `${state.name}: ${line}`).not.toMatch(
          /panic:|Internal error|unknown format|the server could not find/,
        );
      }
    } finally {
      await pair.close();
    }
  }

  it('runs every command in every state, and holds the rate of identical outputs', async () => {
    // Two states at a time: each is its own pair of clusters, and the real kubectl waits on I/O.
    const queue = [...STATES];
    const worker = async () => {
      for (let s = queue.shift(); s; s = queue.shift()) await runState(s);
    };
    await Promise.all([worker(), worker()]);
    const total = outcomes.length;
    expect(total).toBe(STATES.length * COMMANDS.length + WRITES.length);
    const rate = outcomes.filter((o) => o.equalMasked).length / total;
    expect(rate).toBeGreaterThanOrEqual(FLOOR);
    expect(outcomes.filter((o) => o.identical).length / total).toBeGreaterThanOrEqual(IDENTICAL_FLOOR);
  }, 600_000);
});
