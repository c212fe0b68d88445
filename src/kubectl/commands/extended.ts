/**
 * Registers the commands a learner types but no button runs (and those that only say they are not
 * simulated). Import it once, for its effect.
 */
import { createCommand, exposeCommand } from './create.ts';
import { describeCommand } from './describe.ts';
import { getCommand } from './get.ts';
import { logsCommand } from './logs.ts';
import { apiResourcesCommand, apiVersionsCommand, editCommand, versionCommand } from './misc.ts';
import { registerCommands } from './registry.ts';
import { unsimulatedCommands } from './unsimulated.ts';

registerCommands(
  createCommand,
  exposeCommand,
  getCommand,
  editCommand,
  describeCommand,
  logsCommand,
  apiResourcesCommand,
  apiVersionsCommand,
  versionCommand,
  ...unsimulatedCommands,
);
