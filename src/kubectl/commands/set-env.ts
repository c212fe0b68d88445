/**
 * `kubectl set env` (cmd/set/set_env.go, set/env/env_parse.go): add, change or remove
 * environment variables of the containers in pod templates, or list them.
 *
 * `set env TYPE/NAME KEY=VALUE… KEY-…` (resources first, then the changes; `-e KEY=VALUE` and
 * `-e -` (KEY=VALUE lines from stdin) too) changes every container the `-c` wildcard selects: a
 * variable keeps its place when changed, a new one is added at the end, `KEY-` removes one. An
 * object whose variables already match makes an empty patch, which is not sent. `--list` prints
 * each selected container's variables after the changes, and sends nothing. A pod template that
 * changes starts a rollout, as any change to it does.
 *
 * The cluster has no ConfigMaps or Secrets, so `--from` finds nothing to import from.
 */
import { kindSlashName } from '../../k8s/resources.ts';
import type { Container, KubeObject } from '../../k8s/types.ts';
import { ValidationError, isEnvVarName } from '../../k8s/validation.ts';
import { type Command, type CommandContext, KubectlError, PrintedError, dryRunMode } from '../command.ts';
import { flagAll, flagBool, flagString } from '../parse.ts';
import { PRINT_FLAGS, TypedPrinter, printFlagsOutput } from '../printers/output.ts';
import { KUSTOMIZE_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, filenameFlag, dryRunSuffix } from './flags.ts';
import {
  apiInvalidMessage,
  builderTargets,
  dryRunFlag,
  podSpecOf,
  withPodSpec,
  selectString,
  visitObjects,
  notFoundText,
  type Found,
  setFieldManagerFlag,
  noPodTemplate,
  objectName,
  printErrors,
  sendAndPrint,
} from './set-common.ts';

type EnvVar = NonNullable<Container['env']>[number];

/**
 * IsEnvironmentArgument, `(?ms)^(.+)\=(.*)$`: from the start of a line, some text (newlines too),
 * `=`, anything. The text's start is a line's start, so it holds when an `=` follows the first
 * character.
 */
const isEnvironmentArgument = (s: string): boolean => s.indexOf('=', 1) !== -1;

/**
 * SplitEnvironmentFromResources: the resources come first, then the changes (`KEY=VALUE`, and
 * `KEY-`); undefined when a resource follows a change.
 */
export function splitEnvironment(args: string[]): { resources: string[]; env: string[] } | undefined {
  const resources: string[] = [];
  const env: string[] = [];
  for (const a of args) {
    const isEnv = isEnvironmentArgument(a) || a.endsWith('-');
    if (isEnv) env.push(a);
    else if (env.length) return undefined;
    else resources.push(a);
  }
  return { resources, env };
}

/** KEY=VALUE lines read from stdin (readEnv): `#` starts a comment; a line without `=` is skipped. */
function readEnv(text: string): EnvVar[] {
  const out: EnvVar[] = [];
  const lines = text.split('\n');
  // bufio.Scanner: no empty last token after a final newline; a CR before it is dropped.
  if (lines[lines.length - 1] === '') lines.pop();
  for (let line of lines) {
    if (line.endsWith('\r')) line = line.slice(0, -1);
    const hash = line.indexOf('#');
    if (hash !== -1) line = line.slice(0, hash);
    const eq = line.indexOf('=');
    if (eq !== -1) out.push({ name: line.slice(0, eq), value: line.slice(eq + 1) });
  }
  return out;
}

/** ParseEnv: the variables to set, the names to remove, and whether stdin was read. */
export function parseEnv(specs: string[], stdin: string | undefined): { env: EnvVar[]; remove: string[] } {
  const env: EnvVar[] = [];
  const set = new Set<string>();
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec === '-') env.push(...readEnv(stdin ?? ''));
    else if (spec.includes('=')) {
      const i = spec.indexOf('=');
      const name = spec.slice(0, i);
      const errs = isEnvVarName(name);
      if (errs.length) throw new KubectlError(`${goQuote(name)} is not a valid key name: ${errs.join(';')}`);
      set.add(name);
      env.push({ name, value: spec.slice(i + 1) });
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else throw new KubectlError(`unknown environment variable: ${spec}`);
  }
  if (remove.some((r) => set.has(r)))
    throw new KubectlError(
      'can not both modify and remove the same environment variable in the same command',
    );
  return { env, remove };
}

/** Go's %q for the printable ASCII names kubectl shows here. */
const goQuote = (s: string): string => JSON.stringify(s);

/** updateEnv: changed variables keep their place, removed ones go, new ones come last. */
export function updateEnv(existing: EnvVar[], env: EnvVar[], remove: string[]): EnvVar[] {
  const out: EnvVar[] = [];
  const covered = new Set(remove);
  const newest = (name: string) => env.find((e) => e.name === name);
  for (const e of existing) {
    if (covered.has(e.name)) continue;
    const newer = newest(e.name);
    if (newer) {
      covered.add(e.name);
      out.push(newer);
    } else out.push(e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

const sameEnv = (a: EnvVar[], b: EnvVar[]): boolean =>
  a.length === b.length &&
  a.every((e, i) => e.name === b[i]!.name && (e.value ?? '') === (b[i]!.value ?? ''));

function runSetEnv(ctx: CommandContext): number {
  const all = flagBool(ctx.args, 'all');
  const selector = flagString(ctx.args, 'selector');
  if (all && selector) throw new KubectlError('cannot set --all and --selector at the same time');
  const split = splitEnvironment(ctx.args.positional);
  if (!split)
    throw new KubectlError(
      `all resources must be specified before environment changes: ${ctx.args.positional.join(' ')}`,
    );
  const mode = dryRunMode(ctx);
  const output = flagString(ctx.args, 'output');
  const format = printFlagsOutput(ctx.args, ctx.cluster.files);
  const printer = format && new TypedPrinter(format);
  const local = flagBool(ctx.args, 'local');
  const list = flagBool(ctx.args, 'list');
  const files = flagAll(ctx.args, 'filename');
  const from = flagString(ctx.args, 'from') ?? '';
  const keys = flagAll(ctx.args, 'keys').flatMap((k) => k.split(','));
  // Validate.
  if (local && mode === 'server')
    throw new KubectlError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  if (files.length === 0 && split.resources.length < 1)
    throw new KubectlError(
      'one or more resources must be specified as <resource> <name> or <resource>/<name>',
    );
  if (list && output) throw new KubectlError('--list and --output may not be specified together');
  if (keys.length && !from)
    throw new KubectlError('when specifying --keys, a configmap or secret must be provided with --from');

  const { env, remove } = parseEnv([...flagAll(ctx.args, 'env'), ...split.env], ctx.stdin);
  if (from) {
    // Only a ConfigMap or a Secret can be imported from, and the cluster has neither kind.
    const targets = builderTargets(ctx, [from]);
    for (const t of targets)
      if (!ctx.cluster.store.get(t.info.kind, t.info.namespaced ? ctx.namespace : undefined, t.name))
        throw new PrintedError(notFoundText(t.info, t.name));
    throw new KubectlError('unsupported resource specified in --from');
  }
  const prefix = flagString(ctx.args, 'prefix') ?? '';
  const wanted = prefix ? env.map((e) => ({ ...e, name: `${prefix}${e.name}` })) : env;
  const overwrite = flagBool(ctx.args, 'overwrite', true);
  const containerSpec = flagString(ctx.args, 'containers') ?? '*';

  const { found, errors: builderErrors } = visitObjects(ctx, split.resources, local);
  // The builder's errors end the command before anything is changed.
  if (builderErrors.length) return printErrors(ctx, builderErrors);

  const errors: string[] = [];
  const changed: { t: Found; next: KubeObject }[] = [];
  for (const t of found) {
    const spec = podSpecOf(t.obj);
    if (!spec) {
      errors.push(noPodTemplate(t));
      continue;
    }
    const selected = spec.containers.filter((c) => selectString(c.name, containerSpec));
    if (selected.length === 0) {
      ctx.err(
        `Warning: ${t.obj.kind}/${t.name} does not have any containers matching ${goQuote(containerSpec)}\n`,
      );
      continue;
    }
    let refused: string | undefined;
    const containers = spec.containers.map((c) => {
      if (refused || !selected.includes(c)) return c;
      const existing = c.env ?? [];
      if (!overwrite) {
        const clash = wanted.find((e) => {
          const current = existing.find((x) => x.name === e.name);
          return current && (current.value ?? '') !== (e.value ?? '');
        });
        if (clash) {
          const current = existing.find((x) => x.name === clash.name)!;
          refused = `'${current.name}' already has a value (${current.value ?? ''}), and --overwrite is false`;
          return c;
        }
      }
      const next = updateEnv(existing, wanted, remove);
      if (list) {
        ctx.out(`# ${t.obj.kind} ${t.name}, container ${c.name}\n`);
        for (const e of next) ctx.out(`${e.name}=${e.value ?? ''}\n`);
      }
      if (sameEnv(existing, next)) return c;
      const out: Container = { ...c };
      if (next.length) out.env = next;
      else delete out.env;
      return out;
    });
    if (refused) {
      errors.push(`error: ${objectName(t)} ${refused}\n`);
      continue;
    }
    // No change makes an empty patch, which kubectl does not send.
    if (containers.every((c, i) => c === spec.containers[i])) continue;
    changed.push({ t, next: withPodSpec(t.obj, { ...spec, containers }) });
  }
  if (list) return 0;

  // --local prints as kubectl's printer does without a dry run: no suffix.
  const suffix = dryRunSuffix(mode);
  for (const { t, next } of changed) {
    const line = `${kindSlashName(t.info, t.name)} env updated${suffix}\n`;
    try {
      sendAndPrint(ctx, mode, local, printer, next, line);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      errors.push(`failed to patch env update to pod template: ${apiInvalidMessage(t.info, e)}`);
    }
  }
  if (errors.length) ctx.keepWrites();
  return printErrors(ctx, errors);
}

export const setEnvCommand: Command = {
  name: 'env',
  short: 'Update environment variables on a pod template',
  long: 'Update environment variables on a pod template.\n\n List environment variable definitions in one or more pods, pod templates. Add, update, or remove container environment variable definitions in one or more pod templates (within replication controllers or deployment configurations). View or modify the environment variable definitions on all containers in the specified pods or pod templates, or just those that match a wildcard.\n\n If "--env -" is passed, environment variables can be read from STDIN using the standard env syntax.\n\n Possible resources include (case insensitive):\n\n        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)',
  examples:
    "  # Update deployment 'registry' with a new environment variable\n  kubectl set env deployment/registry STORAGE_DIR=/local\n  \n  # List the environment variables defined on a deployments 'sample-build'\n  kubectl set env deployment/sample-build --list\n  \n  # List the environment variables defined on all pods\n  kubectl set env pods --all --list\n  \n  # Output modified deployment in YAML, and does not alter the object on the server\n  kubectl set env deployment/sample-build STORAGE_DIR=/data -o yaml\n  \n  # Update all containers in all replication controllers in the project to have ENV=prod\n  kubectl set env rc --all ENV=prod\n  \n  # Import environment from a secret\n  kubectl set env --from=secret/mysecret deployment/myapp\n  \n  # Import environment from a config map with a prefix\n  kubectl set env --from=configmap/myconfigmap --prefix=MYSQL_ deployment/myapp\n  \n  # Import specific keys from a config map\n  kubectl set env --keys=my-example-key --from=configmap/myconfigmap deployment/myapp\n  \n  # Remove the environment variable ENV from container 'c1' in all deployment configs\n  kubectl set env deployments --all --containers=\"c1\" ENV-\n  \n  # Remove the environment variable ENV from a deployment definition on disk and\n  # update the deployment config on the server\n  kubectl set env -f deploy.json ENV-\n  \n  # Set some of the local shell environment into a deployment config on the server\n  env | grep RAILS_ | kubectl set env -e - deployment/registry",
  usage: 'kubectl set env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N [options]',
  flags: [
    {
      name: 'all',
      type: 'bool',
      help: 'If true, select all resources in the namespace of the specified resource types',
    },
    ...PRINT_FLAGS.filter((f) => f.name === 'allow-missing-template-keys'),
    {
      name: 'containers',
      short: 'c',
      type: 'string',
      default: '*',
      help: 'The names of containers in the selected pod templates to change - may use wildcards',
    },
    dryRunFlag,
    {
      name: 'env',
      short: 'e',
      type: 'stringArray',
      help: 'Specify a key-value pair for an environment variable to set into each container.',
    },
    setFieldManagerFlag,
    filenameFlag('Filename, directory, or URL to files the resource to update the env'),
    {
      name: 'from',
      type: 'string',
      help: 'The name of a resource from which to inject environment variables',
    },
    {
      name: 'keys',
      type: 'stringArray',
      help: 'Comma-separated list of keys to import from specified resource',
    },
    KUSTOMIZE_FLAG,
    {
      name: 'list',
      type: 'bool',
      help: 'If true, display the environment and any changes in the standard format. this flag will removed when we have kubectl view env.',
    },
    {
      name: 'local',
      type: 'bool',
      help: 'If true, set env will NOT contact api-server but run locally.',
    },
    ...PRINT_FLAGS.filter((f) => f.name === 'output'),
    {
      name: 'overwrite',
      type: 'bool',
      default: true,
      help: 'If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment.',
    },
    {
      name: 'prefix',
      type: 'string',
      help: 'Prefix to append to variable names',
    },
    RECURSIVE_FLAG,
    {
      name: 'resolve',
      type: 'bool',
      help: 'If true, show secret or configmap references when listing variables',
    },
    SELECTOR_FLAG,
    ...PRINT_FLAGS.filter((f) => f.name === 'show-managed-fields' || f.name === 'template'),
  ],
  run: runSetEnv,
};
