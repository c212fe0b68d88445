/** Plugs the YAML library into src/k8s/yaml.ts. Import it once, for its effect. */
import * as YAML from 'yaml';
import { goReadTags, goYamlSlip, goYamlQuotes, unsupportedNumber } from './go-yaml.ts';
import { useYamlLibrary } from './yaml.ts';

useYamlLibrary(YAML, {
  readTags: goReadTags,
  quotes: goYamlQuotes,
  unsupported: unsupportedNumber,
  slip: goYamlSlip,
});
