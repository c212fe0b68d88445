/**
 * The parts of the simulated cluster a browser loads after its first paint (see src/extensions.ts),
 * plugged in here. Import it once, for its effect. The app's own example, which runs before they
 * load, needs neither, and nothing else runs before they are in:
 *
 * - when a container's own command ends (program.ts): the example's containers run its apps;
 * - the disruption controller: the example has no PodDisruptionBudget.
 */
import { disruptionInformers, syncDisruptionBudget } from './controllers/disruption.ts';
import { useProgramModel } from './kubelet.ts';
import { useDisruptionController } from './manager.ts';
import { programEnd } from './program.ts';

useProgramModel(programEnd);
useDisruptionController({ informers: disruptionInformers, sync: syncDisruptionBudget });
