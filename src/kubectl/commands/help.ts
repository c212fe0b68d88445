/**
 * kubectl's help text, and the commands it suggests for a word it does not know. Loaded with the
 * commands (extended.ts registers it): there is nothing to describe before they are in.
 */
import type { Command } from '../command.ts';
import { globalFlags, type FlagSpec, type FlagType } from '../parse.ts';
import { commands } from './registry.ts';

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
  return d[a.length]![b.length]!;
}

/**
 * cobra's SuggestionsFor: the commands within two edits of the word, or that start with it, either
 * in any case, in the order kubectl adds them (every kubectl command, simulated or not; not the
 * page's own `lab`).
 */
export function suggestions(word: string): string[] {
  const w = word.toLowerCase();
  return ADDED.filter((n) => levenshtein(w, n) <= 2 || n.startsWith(w));
}

const helpGroups: [string, string[]][] = [
  ['Basic Commands (Beginner)', ['create', 'expose', 'run', 'set']],
  ['Basic Commands (Intermediate)', ['explain', 'get', 'edit', 'delete']],
  ['Deploy Commands', ['rollout', 'scale', 'autoscale']],
  [
    'Cluster Management Commands',
    ['certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint'],
  ],
  [
    'Troubleshooting and Debugging Commands',
    ['describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events'],
  ],
  ['Advanced Commands', ['diff', 'apply', 'patch', 'replace', 'wait', 'kustomize']],
  ['Settings Commands', ['label', 'annotate', 'completion']],
  ['Subcommands provided by plugins', []],
  ['Other Commands', ['api-resources', 'api-versions', 'config', 'plugin', 'version']],
];

/** kubectl's commands in the order cmd.go adds them: its groups, then the others. */
const ADDED = [
  ...helpGroups.filter(([title]) => title !== 'Other Commands').flatMap(([, names]) => names),
  'config',
  'plugin',
  'version',
  'api-versions',
  'api-resources',
  'options',
];

/** The zero value `--help` shows for a flag of each type without a default of its own. */
const ZERO: Record<FlagType, string> = {
  string: '',
  bool: 'false',
  int: '0',
  stringArray: '',
  duration: '0s',
  map: '',
};

function flagLine(f: FlagSpec): string {
  const def = f.default !== undefined ? String(f.default) : ZERO[f.type];
  const value = f.type === 'stringArray' ? `[${def}]` : f.type === 'string' ? `'${def}'` : def;
  return `    ${f.short ? `-${f.short}, ` : ''}--${f.name}=${value}:\n\t${f.help ?? ''}\n`;
}

/** Help text in kubectl's shape: description, examples, commands, options, usage. */
export function helpText(path: string[], cmd: Command | undefined): string {
  if (!cmd) {
    let text = `kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n`;
    for (const [title, names] of helpGroups) {
      const lines = names
        .map((n) => commands.find((c) => c.name === n))
        .filter((c): c is Command => c !== undefined)
        .map((c) => `  ${c.name.padEnd(15)} ${c.short}`);
      if (lines.length || names.length === 0) text += `\n${title}:\n${lines.map((l) => `${l}\n`).join('')}`;
    }
    text += `\nUsage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`;
    return text;
  }
  if (cmd.silentHelp) return '';
  let text = `${cmd.long ?? `${cmd.short}.`}\n`;
  if (cmd.aliases?.length) text += `\nAliases:\n${[cmd.name, ...cmd.aliases].join(', ')}\n`;
  if (cmd.examples) text += `\nExamples:\n${cmd.examples}\n`;
  if (cmd.subcommands?.length) {
    // cobra pads the names to the longest plus two, at least 13.
    const pad = Math.max(13, ...cmd.subcommands.map((s) => s.name.length + 2)) + 1;
    text += `\nAvailable Commands:\n${cmd.subcommands.map((s) => `  ${s.name.padEnd(pad)}${s.short}`).join('\n')}\n`;
  }
  // Hidden and deprecated flags are not listed (pflag hides a deprecated flag).
  const flags = cmd.flags
    .filter((f) => f.name !== '*' && !f.hidden && f.deprecated === undefined)
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  if (flags.length) text += `\nOptions:\n${flags.map(flagLine).join('\n')}`;
  text += `\nUsage:\n  ${cmd.usage ?? `kubectl ${path.join(' ')} [options]`}\n\n`;
  if (cmd.subcommands?.length)
    text += `Use "kubectl ${path.join(' ')} <command> --help" for more information about a given command.\n`;
  text += `Use "kubectl options" for a list of global command-line options (applies to all commands).\n`;
  return text;
}

/** What `kubectl options` says of each global flag (parse.ts globalFlags). */
const GLOBAL_FLAG_HELP: Record<string, string> = {
  as: 'Username to impersonate for the operation. User could be a regular user or a service account in a namespace.',
  'as-group': 'Group to impersonate for the operation, this flag can be repeated to specify multiple groups.',
  'as-uid': 'UID to impersonate for the operation.',
  'cache-dir': 'Default cache directory',
  'certificate-authority': 'Path to a cert file for the certificate authority',
  'client-certificate': 'Path to a client certificate file for TLS',
  'client-key': 'Path to a client key file for TLS',
  cluster: 'The name of the kubeconfig cluster to use',
  context: 'The name of the kubeconfig context to use',
  'disable-compression': 'If true, opt-out of response compression for all requests to the server',
  'insecure-skip-tls-verify':
    "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure",
  kubeconfig: 'Path to the kubeconfig file to use for CLI requests.',
  'log-flush-frequency': 'Maximum number of seconds between log flushes',
  'match-server-version': 'Require server version to match client version',
  namespace: 'If present, the namespace scope for this CLI request',
  password: 'Password for basic authentication to the API server',
  profile: 'Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)',
  'profile-output': 'Name of the file to write the profile to',
  'request-timeout':
    "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests.",
  server: 'The address and port of the Kubernetes API server',
  'tls-server-name':
    'Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used',
  token: 'Bearer token for authentication to the API server',
  user: 'The name of the kubeconfig user to use',
  username: 'Username for basic authentication to the API server',
  v: 'number for the log level verbosity',
  vmodule:
    'comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)',
  'warnings-as-errors':
    'Treat warnings received from the server as errors and exit with a non-zero exit code',
};

/** `kubectl options`: the flags every command takes, as `--help` writes a command's own. */
export const optionsCommand: Command = {
  name: 'options',
  short: 'Print the list of flags inherited by all commands',
  long: 'Print the list of flags inherited by all commands',
  examples: '  # Print flags inherited by all commands\n  kubectl options',
  usage: 'kubectl options [flags] [options]',
  // Its help function of its own prints nothing (`kubectl options -h`, `kubectl help options`).
  silentHelp: true,
  flags: [],
  // Words after it are not looked at, as kubectl does not.
  run: (ctx) => {
    const flags = globalFlags
      .filter((f) => !f.hidden)
      .map((f) => ({ ...f, help: GLOBAL_FLAG_HELP[f.name] ?? '' }))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    ctx.out(`The following options can be passed to any command:\n\n${flags.map(flagLine).join('\n')}\n`);
    return 0;
  },
};
