/**
 * Plugs program.ts into the kubelet: a container's own command may end (`date`, `sleep 30`). Import
 * it once, for its effect; the browser loads it after its first paint (see src/extensions.ts).
 */
import { useProgramModel } from './kubelet.ts';
import { programEnd } from './program.ts';

useProgramModel(programEnd);
