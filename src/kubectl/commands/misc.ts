/** `kubectl edit` (points to the app's YAML editor), `kubectl version`, `kubectl api-resources`. */
import { apiVersionOf, resources } from '../../k8s/resources.ts';
import { type Command, type CommandContext, KubectlError, getOrThrow } from '../command.ts';
import { flagAll, flagBool, flagString } from '../parse.ts';
import { PRINT_FLAGS, goYaml } from '../printers/output.ts';
import { renderTable } from '../printers/table.ts';
import {
  KUSTOMIZE_FLAG,
  RECURSIVE_FLAG,
  VALIDATE_FLAG,
  SAVE_CONFIG_FLAG,
  fieldManagerFlag,
} from './flags.ts';
import { NO_RESOURCES, resolveTargets } from './objects.ts';
import { KUBERNETES_VERSION, KUSTOMIZE_VERSION, versionInfo } from '../../k8s/version.ts';

function runEdit(ctx: CommandContext): number {
  if (ctx.args.positional.length === 0) throw new KubectlError(NO_RESOURCES);
  for (const t of resolveTargets(ctx.args.positional, true))
    for (const name of t.names) getOrThrow(ctx, t.info, name);
  throw new KubectlError(
    'unable to launch the editor: there is no terminal editor in Rollout Lab. Open the object in the YAML editor (Edit YAML) to change it, or use kubectl apply, patch, set image or scale',
  );
}

export const editCommand: Command = {
  name: 'edit',
  short: 'Edit a resource on the server',
  long: "Edit a resource from the default editor.\n\n The edit command allows you to directly edit any API resource you can retrieve via the command-line tools. It will open the editor defined by your KUBE_EDITOR, or EDITOR environment variables, or fall back to 'vi' for Linux or 'notepad' for Windows. When attempting to open the editor, it will first attempt to use the shell that has been defined in the 'SHELL' environment variable. If this is not defined, the default shell will be used, which is '/bin/bash' for Linux or 'cmd' for Windows.\n\n You can edit multiple objects, although changes are applied one at a time. The command accepts file names as well as command-line arguments, although the files you point to must be previously saved versions of resources.\n\n Editing is done with the API version used to fetch the resource. To edit using a specific API version, fully-qualify the resource, version, and group.\n\n The default format is YAML. To edit in JSON, specify \"-o json\".\n\n The flag --windows-line-endings can be used to force Windows line endings, otherwise the default for your operating system will be used.\n\n In the event an error occurs while updating, a temporary file will be created on disk that contains your unapplied changes. The most common error when updating a resource is another editor changing the resource on the server. When this occurs, you will have to apply your changes to the newer version of the resource, or update your temporary saved copy to include the latest resource version.",
  examples:
    "  # Edit the service named 'registry'\n  kubectl edit svc/registry\n  \n  # Use an alternative editor\n  KUBE_EDITOR=\"nano\" kubectl edit svc/registry\n  \n  # Edit the job 'myjob' in JSON using the v1 API format\n  kubectl edit job.v1.batch/myjob -o json\n  \n  # Edit the deployment 'mydeployment' in YAML and save the modified config in its annotation\n  kubectl edit deployment/mydeployment -o yaml --save-config\n  \n  # Edit the 'status' subresource for the 'mydeployment' deployment\n  kubectl edit deployment mydeployment --subresource='status'",
  usage: 'kubectl edit (RESOURCE/NAME | -f FILENAME) [options]',
  flags: [
    {
      name: 'filename',
      short: 'f',
      type: 'stringArray',
      help: 'Filename, directory, or URL to files to use to edit the resource',
      unsimulated:
        "there is no terminal editor; open the object in the app's YAML editor (Edit YAML) to change it",
    },
    {
      name: 'record',
      type: 'bool',
      deprecated: '--record will be removed in the future',
      help: 'Record current kubectl command in the resource annotation.',
    },
    ...PRINT_FLAGS,
    fieldManagerFlag('kubectl-edit'),
    KUSTOMIZE_FLAG,
    { name: 'output-patch', type: 'bool', help: 'Output the patch if the resource is edited.' },
    RECURSIVE_FLAG,
    SAVE_CONFIG_FLAG,
    {
      name: 'subresource',
      type: 'string',
      help: 'If specified, edit will operate on the subresource of the requested object.',
    },
    VALIDATE_FLAG,
    {
      name: 'windows-line-endings',
      type: 'bool',
      help: 'Defaults to the line ending native to your platform.',
    },
  ],
  run: runEdit,
};

function runVersion(ctx: CommandContext): number {
  // kubectl 1.33 ignores arguments here.
  const client = flagBool(ctx.args, 'client');
  const output = flagString(ctx.args, 'output');
  if (output !== undefined && output !== '' && output !== 'json' && output !== 'yaml')
    throw new KubectlError(`--output must be 'yaml' or 'json'`);
  if (output) {
    const data: Record<string, unknown> = {
      clientVersion: versionInfo(),
      kustomizeVersion: KUSTOMIZE_VERSION,
    };
    if (!client) data['serverVersion'] = versionInfo();
    // json.MarshalIndent(v, "", "  ") of the typed struct, or YAML through JSON (keys sorted),
    // written with Fprintln: YAML, which ends with a newline already, gets a blank line.
    ctx.out(output === 'json' ? `${JSON.stringify(data, null, 2)}\n` : `${goYaml(data)}\n`);
    return 0;
  }
  ctx.out(`Client Version: ${KUBERNETES_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
  if (!client) ctx.out(`Server Version: ${KUBERNETES_VERSION}\n`);
  return 0;
}

export const versionCommand: Command = {
  name: 'version',
  short: 'Print the client and server version information',
  long: 'Print the client and server version information for the current context.',
  examples: '  # Print the client and server versions for the current context\n  kubectl version',
  usage: 'kubectl version [flags] [options]',
  flags: [
    { name: 'client', type: 'bool', help: 'If true, shows client version only (no server required).' },
    { name: 'output', short: 'o', type: 'string', help: "One of 'yaml' or 'json'." },
  ],
  run: runVersion,
};

/** The categories a served resource is in. */
const categoriesOf = (r: { plural: string }): string[] =>
  ['pods', 'services', 'deployments', 'replicasets'].includes(r.plural) ? ['all'] : [];

function runApiResources(ctx: CommandContext): number {
  if (ctx.args.positional.length)
    throw new KubectlError(`Unexpected args: [${ctx.args.positional.join(' ')}]`);
  const output = flagString(ctx.args, 'output');
  if (output !== undefined && output !== 'wide' && output !== 'name')
    throw new KubectlError(`--output ${output} is not available`);
  // Only a --namespaced given counts (cmd.Flags().Changed), true or false.
  const namespaced = ctx.args.flags.has('namespaced') ? flagBool(ctx.args, 'namespaced') : undefined;
  const group = flagString(ctx.args, 'api-group');
  // Resources that have every verb and category asked for (only pods, services, deployments
  // and replica sets are in a category: all).
  const verbs = flagAll(ctx.args, 'verbs').flatMap((v) => v.split(','));
  const categories = flagAll(ctx.args, 'categories').flatMap((v) => v.split(','));
  const sortBy = flagString(ctx.args, 'sort-by');
  if (sortBy !== undefined && sortBy !== 'name' && sortBy !== 'kind')
    throw new KubectlError(`--sort-by accepts only name or kind`);
  let list = resources.filter(
    (r) =>
      (namespaced === undefined || r.namespaced === namespaced) &&
      (group === undefined || r.group === group) &&
      verbs.every((v) => r.verbs.includes(v)) &&
      categories.every((c) => categoriesOf(r).includes(c)),
  );
  const key = (r: (typeof list)[number]) =>
    sortBy === 'name' ? r.plural : sortBy === 'kind' ? r.kind : r.group;
  // Discovery lists each group's resources by name; kubectl then sorts stably by group.
  list = [...list].sort((a, b) => (a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0));
  list = list
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (key(a.r) < key(b.r) ? -1 : key(a.r) > key(b.r) ? 1 : a.i - b.i))
    .map((x) => x.r);
  if (output === 'name') {
    ctx.out(list.map((r) => `${r.group ? `${r.plural}.${r.group}` : r.plural}\n`).join(''));
    return 0;
  }
  const wide = output === 'wide';
  const headers = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'];
  if (wide) headers.push('VERBS', 'CATEGORIES');
  const rows = list.map((r) => {
    const cells = [r.plural, r.shortNames.join(','), apiVersionOf(r), String(r.namespaced), r.kind];
    if (wide) cells.push(r.verbs.join(','), categoriesOf(r).join(','));
    return cells;
  });
  ctx.out(renderTable(flagBool(ctx.args, 'no-headers') ? rows : [headers, ...rows]));
  return 0;
}

export const apiResourcesCommand: Command = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  long: 'Print the supported API resources on the server.',
  examples:
    '  # Print the supported API resources\n  kubectl api-resources\n  \n  # Print the supported API resources with more information\n  kubectl api-resources -o wide\n  \n  # Print the supported API resources sorted by a column\n  kubectl api-resources --sort-by=name\n  \n  # Print the supported namespaced resources\n  kubectl api-resources --namespaced=true\n  \n  # Print the supported non-namespaced resources\n  kubectl api-resources --namespaced=false\n  \n  # Print the supported API resources with a specific APIGroup\n  kubectl api-resources --api-group=rbac.authorization.k8s.io',
  usage: 'kubectl api-resources [flags] [options]',
  flags: [
    { name: 'output', short: 'o', type: 'string', help: 'Output format. One of: (wide, name).' },
    {
      name: 'namespaced',
      type: 'bool',
      default: true,
      help: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.',
    },
    { name: 'api-group', type: 'string', help: 'Limit to resources in the specified API group.' },
    {
      name: 'sort-by',
      type: 'string',
      help: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'.",
    },
    {
      name: 'no-headers',
      type: 'bool',
      help: "When using the default or custom-column output format, don't print headers (default print headers).",
    },
    { name: 'verbs', type: 'stringArray', help: 'Limit to resources that support the specified verbs.' },
    { name: 'cached', type: 'bool', help: 'Use the cached list of resources if available.' },
    {
      name: 'categories',
      type: 'stringArray',
      help: 'Limit to resources that belong to the specified categories.',
    },
  ],
  run: runApiResources,
};

/** `kubectl api-versions`: the group/versions the simulated API server serves, sorted. */
export const apiVersionsCommand: Command = {
  name: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  long: 'Print the supported API versions on the server, in the form of "group/version".',
  examples: '  # Print the supported API versions\n  kubectl api-versions',
  usage: 'kubectl api-versions [options]',
  flags: [],
  run: (ctx) => {
    if (ctx.args.positional.length)
      throw new KubectlError(`unexpected arguments: [${ctx.args.positional.join(' ')}]`);
    const versions = [...new Set(resources.map(apiVersionOf))].sort();
    ctx.out(versions.map((v) => `${v}\n`).join(''));
    return 0;
  },
};
