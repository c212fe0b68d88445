/**
 * `kubectl explain RESOURCE[.FIELD…]`: the documentation of a resource or one of its fields, from
 * the OpenAPI v3 schemas the API server publishes, printed as kubectl's plaintext template prints
 * it (src/kubectl/explain/render.ts). `--recursive` lists the fields below as a tree,
 * `--api-version` picks the group version.
 */
import { resolveResource, resources, type ResourceInfo } from '../../k8s/resources.ts';
import { type Command, KubectlError, PrintedError } from '../command.ts';
import { explain } from '../explain/render.ts';
import { explainSchemas, loadExplainSchemas } from '../explain/schemas.ts';
import { flagBool, flagString } from '../parse.ts';

/**
 * The resource and the field path of `deployments.apps.spec.strategy`, as kubectl splits them
 * (`SplitAndParseResourceRequestWithMatchingPrefix`): the resource is the first word; when the
 * argument starts with its `plural.group`, the fields are what follows that, otherwise every word
 * after the first. With `--api-version` (`SplitAndParseResourceRequest`), always the latter.
 */
function splitResource(arg: string, withGroup: boolean): { info: ResourceInfo; path: string[] } {
  const parts = arg.split('.');
  const info = resolveResource(parts[0]!);
  if (!info || parts[0]!.includes('/'))
    throw new PrintedError(`the server doesn't have a resource type "${parts[0]}"`);
  const groupResource = info.group ? `${info.plural}.${info.group}` : info.plural;
  if (withGroup && arg.startsWith(groupResource)) {
    const rest = arg.slice(groupResource.length);
    return { info, path: rest ? rest.slice(1).split('.') : [] };
  }
  return { info, path: parts.slice(1) };
}

export const explainCommand: Command = {
  name: 'explain',
  short: 'Get documentation for a resource',
  long: 'Describe fields and structure of various resources.\n\n This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:\n\n        <type>.<fieldName>[.<fieldName>]\n        \n Information about each field is retrieved from the server in OpenAPI format.\n\nUse "kubectl api-resources" for a complete list of supported resources.',
  examples:
    '  # Get the documentation of the resource and its fields\n  kubectl explain pods\n  \n  # Get all the fields in the resource\n  kubectl explain pods --recursive\n  \n  # Get the explanation for deployment in supported api versions\n  kubectl explain deployments --api-version=apps/v1\n  \n  # Get the documentation of a specific field of a resource\n  kubectl explain pods.spec.containers\n  \n  # Get the documentation of resources in different format\n  kubectl explain deployment --output=plaintext-openapiv2',
  usage:
    'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]',
  flags: [
    {
      name: 'api-version',
      type: 'string',
      help: 'Get different explanations for particular API version (API group/version)',
    },
    {
      name: 'output',
      type: 'string',
      default: 'plaintext',
      help: 'Format in which to render the schema (plaintext, plaintext-openapiv2)',
    },
    {
      name: 'recursive',
      type: 'bool',
      help: 'Print the fields of fields (Currently only 1 level deep)',
    },
  ],
  prepare: loadExplainSchemas,
  run: (ctx) => {
    const args = ctx.args.positional;
    if (args.length === 0)
      throw new KubectlError(
        'You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.',
      );
    if (args.length > 1) throw new KubectlError('We accept only this format: explain RESOURCE');
    const output = flagString(ctx.args, 'output') ?? 'plaintext';
    if (output !== 'plaintext' && output !== 'plaintext-openapiv2')
      throw new KubectlError(`unrecognized format: ${output}`);
    const apiVersion = flagString(ctx.args, 'api-version') ?? '';
    const { info, path } = splitResource(args[0]!, apiVersion === '');
    let gvk = { group: info.group, version: info.version, kind: info.kind };
    if (apiVersion !== '') {
      const words = apiVersion.split('/');
      if (words.length > 2) throw new KubectlError(`unexpected GroupVersion string: ${apiVersion}`);
      const [group, version] = words.length === 2 ? [words[0]!, words[1]!] : ['', words[0]!];
      const gvr = `${group}/${version}, Resource=${info.plural}`;
      if (!resources.some((r) => r.group === group && r.version === version))
        throw new KubectlError(`couldn't find resource for "${gvr}"`);
      if (group !== info.group || version !== info.version)
        throw new KubectlError(`GVR (${gvr}) not found in OpenAPI schema`);
      gvk = { group, version, kind: info.kind };
    }
    // The served API publishes OpenAPI v3 only.
    if (output === 'plaintext-openapiv2')
      throw new PrintedError(
        'Error from server (NotFound): the server could not find the requested resource',
      );
    const schemas = explainSchemas();
    if (!schemas)
      throw new KubectlError('"kubectl explain" is still loading in this page; try again in a moment');
    const r = explain(schemas, gvk, path, flagBool(ctx.args, 'recursive'));
    ctx.out(r.stdout);
    if (r.error !== undefined) {
      ctx.err(`${r.error}\n`);
      return 1;
    }
    return 0;
  },
};
