/** Plugs the YAML library into src/k8s/yaml.ts. Import it once, for its effect. */
import * as YAML from 'yaml';
import { useYamlLibrary } from './yaml.ts';

useYamlLibrary(YAML);
