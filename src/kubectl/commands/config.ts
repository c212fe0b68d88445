/**
 * `kubectl config`, reading the page's kubeconfig (kubeconfig.ts): one cluster, one context and one
 * user, all `rollout-lab`, the context's namespace `default`, as `npm run serve` writes it for a
 * real kubectl. What only reads it prints what kubectl prints; what would change it (and `view`,
 * whose cluster has no address in the page) says it is not simulated.
 */
import { type Command, type CommandContext, KubectlError } from '../command.ts';
import { KUBECONFIG_NAME } from '../kubeconfig.ts';
import { flagBool, flagString } from '../parse.ts';
import { GET_TABLE, tabwrite } from '../printers/tabwriter.ts';
import { subcommandsOnly } from './parent.ts';
import { HELP } from './unsimulated-help.ts';
import { commandOfHelp, unsimulatedCommand } from './unsimulated.ts';

const CONTEXT = { cluster: KUBECONFIG_NAME, user: KUBECONFIG_NAME, namespace: 'default' };

const table = (rows: string[][]) => tabwrite(rows.map((r) => `${r.join('\t')}\n`).join(''), GET_TABLE);

/**
 * `config get-contexts [NAME…]`: every context, or those named (each as often as named), sorted;
 * the names not found reported after, as one error or several lines.
 */
function getContexts(ctx: CommandContext): number {
  const output = flagString(ctx.args, 'output') ?? '';
  if (output !== '' && output !== 'name')
    throw new KubectlError(
      `--output ${output} is not available in kubectl config get-contexts; resetting to default output format`,
    );
  const asked = ctx.args.positional.length ? ctx.args.positional : [KUBECONFIG_NAME];
  const found = asked.filter((n) => n === KUBECONFIG_NAME);
  const missing = asked.filter((n) => n !== KUBECONFIG_NAME).map((n) => `context ${n} not found`);
  if (output === 'name') ctx.out(found.map((n) => `${n}\n`).join(''));
  else {
    const rows = found.map((n) => ['*', n, CONTEXT.cluster, CONTEXT.user, CONTEXT.namespace]);
    const header = flagBool(ctx.args, 'no-headers')
      ? []
      : [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE']];
    ctx.out(table([...header, ...rows]));
  }
  if (missing.length === 1) throw new KubectlError(missing[0]!);
  if (missing.length) {
    ctx.err(missing.map((m) => `${m}\n`).join(''));
    return 1;
  }
  return 0;
}

/** The subcommands that only read the kubeconfig (their arguments, where kubectl ignores them, too). */
const READING: Record<string, (ctx: CommandContext) => number> = {
  'current-context': (ctx) => (ctx.out(`${KUBECONFIG_NAME}\n`), 0),
  'get-clusters': (ctx) => (ctx.out(`NAME\n${KUBECONFIG_NAME}\n`), 0),
  'get-contexts': getContexts,
  'get-users': (ctx) => (ctx.out(`NAME\n${KUBECONFIG_NAME}\n`), 0),
};

const WHY = {
  view: 'the cluster runs in this page and has no address to show; kubectl config get-contexts lists the context',
  change: `the kubeconfig here is fixed: one cluster, context and user, ${KUBECONFIG_NAME}`,
};

const subcommandPaths = Object.keys(HELP)
  .filter((p) => p.startsWith('config ') && !p.slice('config '.length).includes(' '))
  .sort();

export const configCommand: Command = {
  ...commandOfHelp('config'),
  // kubectl prints this help on stderr.
  run: subcommandsOnly(['config'], 'err', () => configCommand),
  subcommands: subcommandPaths.map((path) => {
    const name = path.slice('config '.length);
    const run = READING[name];
    if (run) return { ...commandOfHelp(path), run };
    return unsimulatedCommand(path, name === 'view' ? WHY.view : WHY.change);
  }),
};
