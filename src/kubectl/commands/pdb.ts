/**
 * `kubectl create poddisruptionbudget NAME --selector=… --min-available=N|N%` (or
 * `--max-unavailable`), as create_pdb.go builds and checks it.
 */
import { kindSlashName, resourceForKind } from '../../k8s/resources.ts';
import { parseLabelSelector } from '../../k8s/selector.ts';
import type { KubeObject, PodDisruptionBudget } from '../../k8s/types.ts';
import { type Command, type CommandContext, KubectlError, dryRunMode } from '../command.ts';
import { UsageError, flagString } from '../parse.ts';
import { PRINT_FLAGS, TypedPrinter, printFlagsOutput } from '../printers/output.ts';
import { fieldValidationOf } from './apply.ts';
import { DRY_RUN_FLAG, VALIDATE_FLAG, dryRunSuffix, SAVE_CONFIG_FLAG, fieldManagerFlag } from './flags.ts';
import { createTyped, withSavedConfig } from './create.ts';

/** intstr.Parse: all digits is an integer, anything else a string. */
const intOrString = (v: string): number | string => (/^[0-9]+$/.test(v) ? Number(v) : v);

function runCreatePdb(ctx: CommandContext): number {
  const [name, ...extra] = ctx.args.positional;
  if (!name || extra.length)
    throw new UsageError(
      `exactly one NAME is required, got ${ctx.args.positional.length}`,
      'kubectl create poddisruptionbudget',
    );
  // --validate: its value is checked; the generated object has no unknown fields to find.
  fieldValidationOf(ctx);
  const selectorText = flagString(ctx.args, 'selector') ?? '';
  const minAvailable = flagString(ctx.args, 'min-available') ?? '';
  const maxUnavailable = flagString(ctx.args, 'max-unavailable') ?? '';
  if (selectorText === '') throw new KubectlError('a selector must be specified');
  if (minAvailable === '' && maxUnavailable === '')
    throw new KubectlError('one of min-available or max-unavailable must be specified');
  if (minAvailable !== '' && maxUnavailable !== '')
    throw new KubectlError('min-available and max-unavailable cannot be both specified');
  const valid = /^[0-9]+%?$/;
  if (minAvailable !== '' && !valid.test(minAvailable))
    throw new KubectlError('invalid format specified for min-available');
  if (maxUnavailable !== '' && !valid.test(maxUnavailable))
    throw new KubectlError('invalid format specified for max-unavailable');
  const parsed = parseLabelSelector(selectorText);
  if (!parsed.ok) throw new KubectlError(parsed.error);
  const mode = dryRunMode(ctx);
  const spec: PodDisruptionBudget['spec'] = {};
  if (minAvailable !== '') spec.minAvailable = intOrString(minAvailable);
  if (maxUnavailable !== '') spec.maxUnavailable = intOrString(maxUnavailable);
  spec.selector = parsed.selector;
  const metadata: Record<string, unknown> = { creationTimestamp: null, name };
  if (ctx.namespaceExplicit) metadata['namespace'] = ctx.namespace;
  const generated = {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata,
    spec,
    status: { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 },
  } as unknown as KubeObject;
  const info = resourceForKind('PodDisruptionBudget')!;
  let shown: KubeObject = generated;
  if (mode !== 'client') {
    const clean = {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name, ...(ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}) },
      spec,
    } as PodDisruptionBudget;
    shown = createTyped(ctx, withSavedConfig(ctx, generated, clean), 'poddisruptionbudgets');
  }
  const format = printFlagsOutput(ctx.args, ctx.cluster.files);
  if (format) ctx.out(new TypedPrinter(format).print(shown));
  else ctx.out(`${kindSlashName(info, name)} created${dryRunSuffix(mode)}\n`);
  return 0;
}

export const createPdbCommand: Command = {
  name: 'poddisruptionbudget',
  aliases: ['pdb'],
  short: 'Create a pod disruption budget with the specified name',
  long: 'Create a pod disruption budget with the specified name, selector, and desired minimum available pods.',
  examples:
    '  # Create a pod disruption budget named my-pdb that will select all pods with the app=rails label\n  # and require at least one of them being available at any point in time\n  kubectl create poddisruptionbudget my-pdb --selector=app=rails --min-available=1\n  \n  # Create a pod disruption budget named my-pdb that will select all pods with the app=nginx label\n  # and require at least half of the pods selected to be available at any point in time\n  kubectl create pdb my-pdb --selector=app=nginx --min-available=50%',
  usage:
    'kubectl create poddisruptionbudget NAME --selector=SELECTOR --min-available=N [--dry-run=server|client|none] [options]',
  flags: [
    {
      name: 'min-available',
      type: 'string',
      help: 'The minimum number or percentage of available pods this budget requires.',
    },
    {
      name: 'max-unavailable',
      type: 'string',
      help: 'The maximum number or percentage of unavailable pods this budget requires.',
    },
    {
      name: 'selector',
      type: 'string',
      help: 'A label selector to use for this budget. Only equality-based selector requirements are supported.',
    },
    DRY_RUN_FLAG,
    SAVE_CONFIG_FLAG,
    ...PRINT_FLAGS,
    fieldManagerFlag('kubectl-create'),
    VALIDATE_FLAG,
  ],
  run: runCreatePdb,
};
