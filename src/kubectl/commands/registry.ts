/**
 * Every kubectl command the simulator knows, in `kubectl --help` order. The commands the app's
 * buttons run are always here; the rest (get, describe, create, expose, edit, api-resources,
 * version) are registered by `extended.ts`, which Node, the tests and the console load at once and
 * the browser loads after the first paint.
 */
import type { Command } from '../command.ts';
import { annotateCommand, labelCommand } from './annotate.ts';
import { applyCommand } from './apply.ts';
import { deleteCommand } from './delete.ts';
import { patchCommand } from './patch.ts';
import { rolloutCommand } from './rollout.ts';
import { scaleCommand } from './scale.ts';
import { setCommand } from './set.ts';

const HELP_ORDER = [
  'create',
  'expose',
  'set',
  'get',
  'edit',
  'delete',
  'rollout',
  'scale',
  'describe',
  'apply',
  'patch',
  'label',
  'annotate',
  'api-resources',
  'version',
];

export const commands: Command[] = [];

/** Adds commands (once each), keeping kubectl's help order. */
export function registerCommands(...list: Command[]): void {
  for (const c of list) if (!commands.some((x) => x.name === c.name)) commands.push(c);
  commands.sort((a, b) => HELP_ORDER.indexOf(a.name) - HELP_ORDER.indexOf(b.name));
}

/** Whether the extended commands are in (the browser loads them after the first paint). */
export const allCommandsLoaded = (): boolean => commands.some((c) => c.name === 'get');

registerCommands(
  setCommand,
  deleteCommand,
  rolloutCommand,
  scaleCommand,
  applyCommand,
  patchCommand,
  labelCommand,
  annotateCommand,
);
