// Every test can read YAML, as Node users of src/index.ts can.
import '../k8s/yaml-impl.ts';
import '../kubectl/commands/extended.ts';
