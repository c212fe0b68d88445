/**
 * Node, the CLI and the tests: YAML, every kubectl command and the schemas `kubectl explain` reads,
 * from the start (see extensions.ts).
 */
import './k8s/yaml-impl.ts';
import './kubectl/commands/extended.ts';
import schemas from './k8s/openapi-schemas.json' with { type: 'json' };
import type { Schema } from './kubectl/explain/render.ts';
import { setExplainSchemas } from './kubectl/explain/schemas.ts';

setExplainSchemas(schemas as Record<string, Schema>);
