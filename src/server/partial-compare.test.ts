/**
 * Commands given several objects, some of them missing or refused, through the in-page kubectl
 * and the real kubectl against the served simulator. kubectl visits the objects one by one: label,
 * annotate, scale, delete, rollout pause, resume, restart and undo, and set selector change what
 * they can and report the rest (exit 1), and the cluster keeps what they changed; set image reads
 * every object first and changes nothing when one is missing. Both outputs and both clusters'
 * objects are compared after each case. Also `delete -o name`, `--force`, and scale's
 * preconditions. Skipped, saying why, without a kubectl binary.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { comparisonKubectl, deploymentManifest } from './paired.ts';
import { usePairedClusters } from './paired-suite.ts';

const kubectl = comparisonKubectl();

const deployment = (name: string) => deploymentManifest(name);
const service = (name: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector: {app: ${name}}
  ports:
  - port: 80
`;

// Not `n` or `y` alone: YAML reads those as booleans, as kubectl's reader does.
const NAMES = 'a b c d e f g h i j k l m n o p q r s t u'.split(' ').map((l) => `dep-${l}`);

/** Each case works on Deployments (and Services) of its own, so the cases share one pair. */
const CASES: string[] = [
  'label deployment dep-a nosuch x=y',
  'label deployment nosuch dep-b x=y',
  'label deployment nosuch1 nosuch2 x=y',
  'annotate deployment nosuch dep-c n=1',
  'scale deployment dep-d nosuch --replicas=2',
  'scale deployment nosuch dep-e --replicas=3',
  'scale deployment nosuch --replicas=2',
  'scale deployment nosuch nosuch2 --replicas=2',
  'scale deployment -l app=none --replicas=2',
  // A precondition that fails stops the visit; what was scaled before it stays scaled.
  'scale deployment dep-f dep-g --replicas=2 --current-replicas=1',
  'scale deployment dep-f dep-g --replicas=3 --current-replicas=2',
  'scale deployment dep-g dep-h --replicas=2 --current-replicas=1',
  'scale deployment dep-h dep-i --replicas=2 --resource-version=1',
  'scale deployment dep-i nosuch --replicas=2 --resource-version=1',
  'delete deployment dep-j nosuch',
  'delete deployment nosuch dep-k nosuch2',
  'delete deployment dep-l -o name',
  'delete deployment dep-m nosuch -o name',
  'delete deployment dep-n -o yaml',
  'delete deployment dep-n --dry-run=client -o name',
  'delete deployment dep-n --grace-period=0 --force',
  'rollout pause deployment nosuch dep-o',
  'rollout resume deployment dep-o nosuch',
  'rollout restart deployment dep-p nosuch',
  'rollout undo deployment dep-q nosuch',
  'set image deployment dep-r nosuch c=nginx:2',
  'set image deployment nosuch1 nosuch2 c=nginx:2',
  'set image deployment dep-r dep-s c=nginx:2 nosuch=x',
  'set selector service dep-t nosuch app=other',
  'set selector service nosuch dep-u app=other',
];

/** What the cases may change, as both clusters store it (restartedAt is each side's own clock). */
const STATE =
  'get deployments,services -o custom-columns=NAME:.metadata.name,LABELS:.metadata.labels,N:.metadata.annotations.n,REPLICAS:.spec.replicas,PAUSED:.spec.paused,IMAGE:.spec.template.spec.containers[0].image,GENERATION:.metadata.generation,SELECTOR:.spec.selector';

describe.skipIf(!kubectl)(
  `several objects, some missing, beside the real ${kubectl?.name ?? 'kubectl'}`,
  () => {
    const pair = usePairedClusters(kubectl?.path);
    beforeAll(async () => {
      const created = await pair().run(
        'apply -f -',
        [...NAMES.map(deployment), service('dep-t'), service('dep-u')].join('---\n'),
      );
      expect(created.inPage.exitCode).toBe(0);
      pair().advance(30);
    });

    it.each(CASES)('kubectl %s', async (line) => {
      const run = await pair().run(line);
      expect(run.inPage).toEqual(run.real);
      const state = await pair().run(STATE);
      expect(state.inPage).toEqual(state.real);
      pair().advance(1);
    });

    it('a pod deleted beside a missing one goes, and kubectl does not wait for it', async () => {
      // Its own apply: a command of several objects may draw pod names in another order in the page.
      await pair().run('apply -f -', deployment('pods'));
      pair().advance(30);
      const pods = await pair().run('get pods -l app=pods -o name');
      expect(pods.inPage).toEqual(pods.real);
      const pod = pods.real.stdout.trim().replace('pod/', '');
      expect(pod).toMatch(/^pods-/);
      const run = await pair().run(`delete pod ${pod} nosuch`);
      expect(run.inPage).toEqual(run.real);
      expect(run.real).toEqual({
        stdout: `pod "${pod}" deleted\n`,
        stderr: 'Error from server (NotFound): pods "nosuch" not found\n',
        exitCode: 1,
      });
      // It returned at once: the pod is still there, Terminating, on both sides.
      expect(run.until).toBe(run.at);
      const state = await pair().run(
        'get pods -l app=pods -o custom-columns=NAME:.metadata.name,DELETED:.metadata.deletionTimestamp',
      );
      expect(state.inPage).toEqual(state.real);
      const line = state.inPage.stdout.split('\n').find((l) => l.startsWith(pod));
      expect(line).toMatch(/ \d{4}-\d\d-\d\dT/);
    });
  },
);
