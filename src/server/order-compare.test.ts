/**
 * What kubectl does first, beside the real kubectl against the served simulator: flags spelled
 * with underscores or with bad syntax, the deprecated forms of --dry-run (klog's warning),
 * delete's checks of its grace period, --list after label and annotate (nothing sent), a printer
 * made once the objects are fetched, pause, resume and restart fetching every object before
 * patching any, "No resources found" from the rollout subcommands, a negative --timeout, and the
 * commands suggested for a mistyped one. Each line was found different once. Skipped, saying
 * why, without a kubectl binary.
 */
import { describe, expect, it } from 'vitest';
import { KUBIA_FILES, KUBIA_SETUP } from './fixtures.ts';
import { comparisonKubectl, withoutKlogHeaders } from './paired.ts';
import { usePairedClusters } from './paired-suite.ts';

const kubectl = comparisonKubectl();

const LINES = [
  // pflag's normalizer: an underscore in a flag's name is a dash; an unknown one is named as typed.
  'get pods --show_labels',
  'get deploy --no_headers',
  'get deploy -o name --show_kind',
  'get deploy --all_namespaces',
  'get pods --field_selector status.phase=Running -o name',
  'rollout undo deployment kubia --to_revision=1 --dry-run=server',
  'get deploy --no_such_flag',
  'get deploy --request_timeout',
  // pflag's parseLongArg: a name that starts with '-' or '=' is bad syntax, the word named whole.
  'get pods ---all',
  'get pods --=x',
  'get pods --=',
  'rollout status deploy kubia ----',
  // A printer kubectl cannot make is reported once it has something to print.
  'get deploy nosuch -o jsonpath={.a',
  'get deploy nosuch -o foo',
  'get deploy nosuch -o custom-columns=A',
  'get deploy nosuch -o go-template={{.a',
  'get deploy kubia nosuch -o foo',
  'get deploy nosuch kubia -o jsonpath={.a',
  'get deploy nosuch -o jsonpath={.a --ignore-not-found',
  'get pods,svc -l app=none -o foo',
  'get deploy -l app=none -o jsonpath={.a',
  'get deploy kubia -o foo',
  'get deploy nosuch -o foo -w',
  // --list shows kubectl's own copy with the changes, and sends nothing.
  'label deploy kubia tier=web --list',
  'label deploy kubia nope- --list',
  'get deploy kubia --show-labels',
  // Nothing found by a selector is said on stderr by pause, resume, restart and status.
  'rollout pause deployment -l app=none',
  'rollout resume deployment -l app=none',
  'rollout restart deployment -l app=none',
  'rollout status deployment -l app=none',
  'rollout pause pod -l app=none',
  'rollout pause deployment -l app=kubia',
  'rollout history deployment -l app=none',
  'rollout undo deployment -l app=none',
  // Every object is fetched before any patch is sent: one named twice is patched twice alike.
  'rollout pause deployment/kubia deployment/kubia',
  'rollout pause deployment/kubia',
  'rollout resume deployment kubia kubia -o name',
  'rollout resume deployment kubia',
  'rollout pause deployment nosuch kubia',
  'rollout resume deployment kubia nosuch svc/kubia',
  // delete's Complete and Validate.
  'delete pod -l app=kubia --grace-period=5 --force',
  'delete deploy kubia --grace-period=5 --force --dry-run=server',
  'delete deploy kubia --now --grace-period=3',
  'delete deploy kubia -o yaml --force',
  'get pods',
  // cobra's suggestions: two edits away or a prefix, in the order kubectl adds its commands.
  'scal',
  'ver',
  'lable',
  'ap',
  'comp',
  'opt',
  'hel',
  'Get',
  'alph',
  'confi',
];

describe.skipIf(!kubectl)(`what kubectl does first, beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  const pair = usePairedClusters(kubectl?.path, KUBIA_SETUP, 60, { files: KUBIA_FILES });

  it.each(LINES)('kubectl %s', async (line) => {
    const run = await pair().run(line);
    expect(run.inPage).toEqual(run.real);
  });

  // Go lists a map in no set order: the lines are compared sorted.
  it('kubectl annotate --list sends nothing', async () => {
    const run = await pair().run('annotate deploy kubia note=x --list');
    const sorted = (r: typeof run.real) => ({ ...r, stdout: r.stdout.split('\n').sort().join('\n') });
    expect(sorted(run.inPage)).toEqual(sorted(run.real));
    expect(run.inPage.stdout).toContain('note=x');
    const stored = await pair().run('get deploy kubia -o jsonpath={.metadata.annotations.note}');
    expect(stored.inPage).toEqual(stored.real);
    expect(stored.inPage.stdout).toBe('');
  });

  // klog's lines carry each side's own clock and process id in their header; the rest is compared.
  it.each([
    'scale deployment kubia --replicas=3 --dry-run',
    'scale deployment kubia --replicas=3 --dry-run=true',
    'scale deployment kubia --replicas=3 --dry-run=false',
    'label deploy kubia a=b --dry-run=1',
    'label deploy kubia a=b --dry-run=unchanged -o name',
    'create deployment web --image=nginx --dry-run',
    'set image deployment kubia nodejs=luksa/kubia:v2 --dry-run',
    'delete deploy kubia --dry-run',
    'rollout status deploy kubia --timeout=-1s',
    'rollout status deploy kubia --timeout=-1s -w=false',
  ])('kubectl %s', async (line) => {
    const run = await pair().run(line);
    expect(withoutKlogHeaders(run.inPage)).toEqual(withoutKlogHeaders(run.real));
    expect(run.inPage.stderr).toMatch(/^[WE]\d{4} /m);
  });
});
