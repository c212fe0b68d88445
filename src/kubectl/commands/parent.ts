/**
 * cmdutil.DefaultSubCommandRun: a command that only groups subcommands (`kubectl rollout`,
 * `kubectl set`) prints its help and exits 1 when run without one, and calls any other word an
 * unknown command, all the words joined.
 */
import type { Command, CommandContext } from '../command.ts';
import { helpText } from './help.ts';
import { UsageError } from '../parse.ts';

export function subcommandsOnly(path: string[], stream: 'out' | 'err', self: () => Command) {
  return (ctx: CommandContext): number => {
    if (ctx.args.positional.length)
      throw new UsageError(`unknown command "${ctx.args.positional.join(' ')}"`, ctx.commandPath);
    ctx[stream](helpText(path, self()));
    return 1;
  };
}
