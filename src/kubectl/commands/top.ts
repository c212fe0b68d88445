/**
 * `kubectl top node|pod`: the simulated cluster serves no Metrics API (metrics.k8s.io: there is no
 * metrics-server, and the simulated containers use no CPU or memory). kubectl checks its arguments
 * and flags first (Complete, Validate), parses its selectors, then finds no metrics group among
 * the server's API groups and says so: `error: Metrics API not available`, exit 1, as it says
 * against the served simulator (top_node.go's RunTopNode, top_pod.go's RunTopPod).
 */
import type { Command, CommandContext } from '../command.ts';
import { KubectlError } from '../command.ts';
import { parseSelector } from '../../k8s/selector.ts';
import { flagString, UsageError } from '../parse.ts';
import { parseFieldSelector } from '../../k8s/fields.ts';
import { subcommandsOnly } from './parent.ts';
import { commandOfHelp } from './unsimulated.ts';

/** `kubectl top node` or `kubectl top pod`: its checks, then the missing Metrics API. */
function topSubcommand(kind: 'node' | 'pod'): Command {
  return {
    ...commandOfHelp(`top ${kind}`),
    run: (ctx: CommandContext) => {
      const names = ctx.args.positional;
      if (names.length > 1) throw new UsageError(`${kind} [NAME | -l label]`, ctx.commandPath);
      const sortBy = flagString(ctx.args, 'sort-by');
      if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory')
        throw new KubectlError('--sort-by accepts only cpu or memory');
      const labels = flagString(ctx.args, 'selector');
      const fields = kind === 'pod' ? flagString(ctx.args, 'field-selector') : undefined;
      if (names.length && (labels || fields))
        throw new KubectlError(
          `only one of NAME or ${kind === 'pod' ? 'selector' : '--selector'} can be provided`,
        );
      const parsed = labels ? parseSelector(labels) : undefined;
      if (parsed && !parsed.ok) throw new KubectlError(parsed.error);
      // kubectl parses the field selector itself; which fields there are is the Metrics API's to say.
      const fieldsParsed = fields ? parseFieldSelector(fields) : undefined;
      if (fieldsParsed && !fieldsParsed.ok) throw new KubectlError(fieldsParsed.error);
      throw new KubectlError('Metrics API not available');
    },
  };
}

export const topCommand: Command = {
  ...commandOfHelp('top'),
  // kubectl prints this help on stderr.
  run: subcommandsOnly(['top'], 'err', () => topCommand),
  subcommands: [topSubcommand('node'), topSubcommand('pod')],
};
