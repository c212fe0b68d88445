/**
 * Registers every kubectl command: those the app's buttons run, those a learner types, and those
 * that only say they are not simulated. Import it once, for its effect (the browser imports it
 * after its first paint; see src/extensions.ts).
 */
// Not commands: the parts of the simulated cluster that load with them (see that file).
import '../../cluster/extended.ts';
import { complete } from '../complete.ts';
import { annotateCommand, labelCommand } from './annotate.ts';
import { applyCommand } from './apply.ts';
import { createCommand, exposeCommand } from './create.ts';
import { deleteCommand } from './delete.ts';
import { describeCommand } from './describe.ts';
import { diffCommand } from './diff.ts';
import { eventsCommand } from './events.ts';
import { explainCommand } from './explain.ts';
import { getCommand } from './get.ts';
import { labCommand } from './lab.ts';
import { logsCommand } from './logs.ts';
import { apiResourcesCommand, apiVersionsCommand, editCommand, versionCommand } from './misc.ts';
import { cordonCommand, drainCommand, uncordonCommand } from './node.ts';
import { patchCommand } from './patch.ts';
import { withFlagChecks } from './flags.ts';
import { helpText, optionsCommand, suggestions } from './help.ts';
import { registerCommands, registerCompleter, registerHelp } from './registry.ts';
import { replaceCommand } from './replace.ts';
import { runCommand } from './run.ts';
import { rolloutCommand } from './rollout.ts';
import { scaleCommand } from './scale.ts';
import { setCommand } from './set.ts';
import { taintCommand } from './taint.ts';
import { topCommand } from './top.ts';
import { unsimulatedCommands } from './unsimulated.ts';
import { configCommand } from './config.ts';
import { waitCommand } from './wait.ts';

registerCommands(
  ...[
    setCommand,
    deleteCommand,
    rolloutCommand,
    scaleCommand,
    applyCommand,
    patchCommand,
    replaceCommand,
    runCommand,
    labelCommand,
    annotateCommand,
    cordonCommand,
    uncordonCommand,
    drainCommand,
    taintCommand,
    topCommand,
    labCommand,
    createCommand,
    exposeCommand,
    getCommand,
    editCommand,
    describeCommand,
    explainCommand,
    logsCommand,
    apiResourcesCommand,
    apiVersionsCommand,
    versionCommand,
    waitCommand,
    eventsCommand,
    diffCommand,
    optionsCommand,
    configCommand,
    ...unsimulatedCommands,
  ].map(withFlagChecks),
);
registerCompleter(complete);
registerHelp({ helpText, suggestions });
