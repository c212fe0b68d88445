/**
 * `kubectl patch TYPE NAME -p PATCH [--type=strategic|merge|json]`: the patch (YAML or JSON) is
 * applied the way the API server applies it, the result defaulted and validated; prints
 * `deployment.apps/kubia patched` or `patched (no change)`. A client dry run is kubectl's own.
 */
import { resolveTargets } from './objects.ts';
import { ManifestError, parseKubectlYaml } from '../../k8s/yaml.ts';
import { goJsonSyntaxError } from '../../k8s/go-json-syntax.ts';
import { patchDecodeError, validatedUpdate } from '../../cluster/apply.ts';
import { goJsonText } from '../../k8s/go-json.ts';
import { decodeObjectWarn, DecodeError, goPrintValue } from '../../k8s/decode.ts';
import { deepCopy, deepEqual } from '../../k8s/copy.ts';
import { jsonPatch, jsonPatchV4, PatchError } from '../../k8s/jsonpatch.ts';
import { mergePatch, type Json } from '../../k8s/merge.ts';
import { strategicMergePatch } from '../../k8s/strategic-patch.ts';
import { setDefaults } from '../../k8s/defaults.ts';
import { apiEncode } from '../../k8s/encode.ts';
import { kindSlashName } from '../../k8s/resources.ts';
import type { KubeObject } from '../../k8s/types.ts';
import { goQuote, invalidError, validate } from '../../k8s/validation.ts';
import {
  type Command,
  type CommandContext,
  KubectlError,
  PrintedError,
  getOrThrow,
  dryRunMode,
} from '../command.ts';
import { flagString } from '../parse.ts';
import { PRINT_FLAGS, printFlagsOutput, printObjects } from '../printers/output.ts';
import { DRY_RUN_FLAG, KUSTOMIZE_FLAG, RECURSIVE_FLAG, fieldManagerFlag } from './flags.ts';

const isObj = (v: unknown): v is { [k: string]: Json } =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The patch as kubectl sends it (yaml.ToJSON): text that starts with `{` goes as it is, and the
 * API server reads it as JSON (`invalid character 's' looking for beginning of object key
 * string` when it is not); anything else is YAML, turned into JSON here with go-yaml's scalars.
 */
function readPatch(text: string): { patch: Json } | { notJson: string } {
  if (text.trimStart().startsWith('{')) {
    const notJson = goJsonSyntaxError(text);
    return notJson ? { notJson } : { patch: JSON.parse(text) as Json };
  }
  try {
    return { patch: parseKubectlYaml(text) as Json };
  } catch (e) {
    if (!(e instanceof ManifestError)) throw e;
    throw new KubectlError(
      `unable to parse ${goQuote(text)}: ${e.message.replace(/^error parsing STDIN: error converting YAML to JSON: /, '')}`,
    );
  }
}

/**
 * getPatchedJSON: a JSON patch kubectl applies itself (--dry-run=client), with json-patch v4, its
 * errors kubectl's own; a key missing is reworded (`Object to be patched is missing field (…)`).
 */
function clientJsonPatch(current: Json, patch: Json): Json {
  try {
    return jsonPatchV4(current, patch);
  } catch (e) {
    if (!(e instanceof PatchError)) throw e;
    const key = e.message.indexOf('doc is missing key');
    if (key < 0) throw new KubectlError(e.message);
    const missing = e.message.slice(e.message.indexOf('key:', key) + 5);
    throw new KubectlError(`Object to be patched is missing field (${missing})`);
  }
}

/**
 * A client dry run (patch.go's getPatchedJSON, then the unstructured decoder): kubectl patches the
 * object it read itself and prints what comes out. Nothing decodes it into its type, so no field
 * is dropped or warned about and no value's type is checked, and nothing defaults or validates
 * it. A patch that is not JSON is refused in the words of the library that reads it.
 */
function clientPatched(current: Json, read: ReturnType<typeof readPatch>, type: string): Json {
  if ('notJson' in read)
    throw new KubectlError(
      type === 'json' ? read.notJson : type === 'merge' ? 'Invalid JSON Patch' : 'invalid JSON document',
    );
  const patch = read.patch;
  if (type === 'json') return clientJsonPatch(current, patch);
  if (type === 'strategic') {
    if (!isObj(patch)) throw new KubectlError('invalid JSON document');
    return strategicMergePatch(current, patch);
  }
  // json-patch's MergePatch: a patch that is no object replaces the document if it is an array.
  if (isObj(patch)) return mergePatch(current, patch);
  if (Array.isArray(patch)) return patch;
  throw new KubectlError('Invalid JSON Patch');
}

function runPatch(ctx: CommandContext): number {
  // Validate: the patch, then its type; RunPatch reads the patch, then the builder the resources.
  const text = flagString(ctx.args, 'patch');
  const patchFile = flagString(ctx.args, 'patch-file') ?? '';
  if (text && patchFile) throw new KubectlError('cannot specify --patch and --patch-file together');
  if (!text && !patchFile)
    throw new KubectlError('must specify --patch or --patch-file containing the contents of the patch');
  const type = flagString(ctx.args, 'type') ?? 'strategic';
  if (!['json', 'merge', 'strategic'].includes(type))
    throw new KubectlError(`--type must be one of [json merge strategic], not "${type}"`);
  // --patch-file: the patch read from one of the page's files.
  const body = patchFile ? ctx.cluster.files.get(patchFile) : text!;
  if (body === undefined)
    throw new KubectlError(`unable to read patch file: open ${patchFile}: no such file or directory`);
  const read = readPatch(body);
  const targets = resolveTargets(ctx.args.positional, true);
  const mode = dryRunMode(ctx);
  const format = printFlagsOutput(ctx.args, ctx.cluster.files);
  for (const t of targets) {
    // What kubectl prints of an object patched (`encoded`: as the server encodes it).
    const report = (shown: KubeObject, unchanged: boolean, encoded: boolean) =>
      ctx.out(
        format
          ? printObjects(format, [shown], true, encoded)
          : `${kindSlashName(t.info, String(shown.metadata?.name ?? ''))} patched${unchanged ? ' (no change)' : ''}\n`,
      );
    for (const name of t.names) {
      const obj = getOrThrow<KubeObject>(ctx, t.info, name);
      if (mode === 'client') {
        // The object as the server sent it, and as kubectl holds it.
        const current = deepCopy(apiEncode(obj)) as unknown as Json;
        const next = clientPatched(current, read, type);
        if (!isObj(next))
          throw new KubectlError(
            `json: cannot unmarshal ${Array.isArray(next) ? 'array' : typeof next} into Go value of type unstructured.detector`,
          );
        if (typeof next['kind'] !== 'string' || next['kind'] === '')
          throw new KubectlError(`Object 'Kind' is missing in '${goJsonText(next)}'`);
        report(next as unknown as KubeObject, deepEqual(next, current), false);
        continue;
      }
      if ('notJson' in read) throw new PrintedError(`Error from server (BadRequest): ${read.notJson}`);
      const patch = read.patch;
      const current = deepCopy(obj) as unknown as Json;
      let next: Json;
      try {
        if (type === 'json') next = jsonPatch(current, patch);
        else {
          if (!isObj(patch))
            throw new PatchError(
              `json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch} into Go value of type map[string]interface {}`,
            );
          next = type === 'merge' ? mergePatch(current, patch) : strategicMergePatch(current, patch);
        }
      } catch (e) {
        if (e instanceof PatchError) throw new PrintedError(`Error from server (BadRequest): ${e.message}`);
        throw e;
      }
      if (!isObj(next) || !isObj(next['metadata']))
        throw new PrintedError(
          `Error from server (BadRequest): Object 'Kind' is missing in '${JSON.stringify(next)}'`,
        );
      if (next['kind'] !== obj.kind || next['metadata']['name'] !== obj.metadata.name)
        throw new PrintedError(
          `Error from server (BadRequest): the name of the object (${String(next['metadata']['name'])}) does not match the name on the URL (${name})`,
        );
      // The apiserver reads the result back into the object's type: the strategic merge patch
      // through the unstructured converter, the others as JSON. kubectl patch asks for no field
      // validation, so unknown fields are dropped with a warning.
      let patched: KubeObject;
      try {
        const r = decodeObjectWarn<KubeObject>(next, type === 'strategic' ? 'unstructured' : 'json');
        patched = r.obj;
        for (const w of r.warnings) ctx.err(`Warning: ${w}\n`);
      } catch (e) {
        if (!(e instanceof DecodeError)) throw e;
        throw patchDecodeError(type === 'strategic' ? goPrintValue(patch) : goJsonText(next), e);
      }
      const defaulted = setDefaults(patched);
      const unchanged = deepEqual(defaulted, obj);
      let result: KubeObject = obj;
      if (!unchanged && mode === 'none') result = validatedUpdate(ctx.cluster, patched);
      else if (!unchanged && mode === 'server') {
        // Validated like the write; nothing is stored.
        const errors = validate(defaulted, obj);
        if (errors.length) throw invalidError(obj.kind, name, errors);
        result = defaulted;
      }
      // patch.go names the operation after setting the dry-run suffix: kubectl prints none.
      report(result, unchanged, true);
    }
  }
  return 0;
}

export const patchCommand: Command = {
  name: 'patch',
  short: 'Update fields of a resource',
  long: 'Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.\n\n JSON and YAML formats are accepted.\n\n Note: Strategic merge patch is not supported for custom resources.',
  examples:
    '  # Partially update a node using a strategic merge patch, specifying the patch as JSON\n  kubectl patch node k8s-node-1 -p \'{"spec":{"unschedulable":true}}\'\n  \n  # Partially update a node using a strategic merge patch, specifying the patch as YAML\n  kubectl patch node k8s-node-1 -p $\'spec:\\n unschedulable: true\'\n  \n  # Partially update a node identified by the type and name specified in "node.json" using strategic merge patch\n  kubectl patch -f node.json -p \'{"spec":{"unschedulable":true}}\'\n  \n  # Update a container\'s image; spec.containers[*].name is required because it\'s a merge key\n  kubectl patch pod valid-pod -p \'{"spec":{"containers":[{"name":"kubernetes-serve-hostname","image":"new image"}]}}\'\n  \n  # Update a container\'s image using a JSON patch with positional arrays\n  kubectl patch pod valid-pod --type=\'json\' -p=\'[{"op": "replace", "path": "/spec/containers/0/image", "value":"new image"}]\'\n  \n  # Update a deployment\'s replicas through the \'scale\' subresource using a merge patch\n  kubectl patch deployment nginx-deployment --subresource=\'scale\' --type=\'merge\' -p \'{"spec":{"replicas":2}}\'',
  usage: 'kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]',
  flags: [
    { name: 'patch', short: 'p', type: 'string', help: 'The patch to be applied to the resource JSON file.' },
    {
      name: 'type',
      type: 'string',
      default: 'strategic',
      help: 'The type of patch being provided; one of [json merge strategic]',
    },
    DRY_RUN_FLAG,
    ...PRINT_FLAGS,
    fieldManagerFlag('kubectl-patch'),
    {
      name: 'filename',
      short: 'f',
      type: 'stringArray',
      help: 'Filename, directory, or URL to files identifying the resource to update',
      unsimulated: 'name the object instead (TYPE NAME)',
    },
    KUSTOMIZE_FLAG,
    {
      name: 'local',
      type: 'bool',
      help: 'If true, patch will operate on the content of the file, not the server-side resource.',
      unsimulated: 'it reads the object from -f, which is not simulated here',
    },
    {
      name: 'patch-file',
      type: 'string',
      help: 'A file containing a patch to be applied to the resource.',
    },
    RECURSIVE_FLAG,
    {
      name: 'subresource',
      type: 'string',
      help: 'If specified, patch will operate on the subresource of the requested object.',
      unsimulated: 'patch the whole object instead',
    },
  ],
  run: runPatch,
};
