/** Node, the CLI and the tests: YAML and every kubectl command from the start (see extensions.ts). */
import './k8s/yaml-impl.ts';
import './kubectl/commands/extended.ts';
