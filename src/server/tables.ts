/**
 * Server-side printing: `get` asks for `application/json;as=Table;v=v1;g=meta.k8s.io` and prints
 * the Table's cells as they come. The cells are the in-page kubectl's (src/kubectl/printers), so
 * both print the same columns; the columns kubectl shows only with `-o wide` have priority 1.
 * kubectl itself adds NAMESPACE (`-A`), LABELS (`--show-labels`) and `kind/` name prefixes from
 * each row's object metadata.
 */
import { apiEncode } from '../k8s/encode.ts';
import { resourceForKind, type ResourceInfo } from '../k8s/resources.ts';
import type { KubeObject } from '../k8s/types.ts';
import { tableCells } from '../kubectl/printers/table.ts';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** Upstream's column names where title case does not give them (kubectl upper-cases them all). */
const COLUMN_NAMES: Record<string, string> = {
  'CLUSTER-IP': 'Cluster-IP',
  'EXTERNAL-IP': 'External-IP',
  'INTERNAL-IP': 'Internal-IP',
  IP: 'IP',
  'OS-IMAGE': 'OS-Image',
  'UP-TO-DATE': 'Up-to-date',
  'PORT(S)': 'Port(s)',
  ADDRESSTYPE: 'AddressType',
};

function columnName(header: string): string {
  return (
    COLUMN_NAMES[header] ??
    header
      .split(' ')
      .map((w) => w.charAt(0) + w.slice(1).toLowerCase())
      .join(' ')
  );
}

const baseOptions = { withNamespace: false, showLabels: false, withKind: false, noHeaders: false };

export interface TableColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export function columnDefinitions(info: ResourceInfo): TableColumnDefinition[] {
  const narrow = new Set(tableCells(info, [], { ...baseOptions, wide: false, now: 0 })[0]);
  const all = tableCells(info, [], { ...baseOptions, wide: true, now: 0 })[0] ?? [];
  return all.map((h) => ({
    name: columnName(h),
    type: 'string',
    format: h === 'NAME' ? 'name' : '',
    description: '',
    priority: narrow.has(h) ? 0 : 1,
  }));
}

function rowObject(o: KubeObject, include: IncludeObject): Record<string, unknown> | undefined {
  if (include === 'None') return undefined;
  if (include === 'Object') return apiEncode(o) as unknown as Record<string, unknown>;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata };
}

/** A meta.k8s.io/v1 Table of `objects` at virtual time `now`. */
export function toTable(
  info: ResourceInfo,
  objects: KubeObject[],
  now: number,
  opts: { resourceVersion?: string; includeObject?: IncludeObject; noColumns?: boolean } = {},
): Record<string, unknown> {
  const lines = tableCells(info, objects, { ...baseOptions, wide: true, now });
  const include = opts.includeObject ?? 'Metadata';
  const rows = objects.map((o, i) => {
    const row: Record<string, unknown> = { cells: lines[i + 1] ?? [] };
    const obj = rowObject(o, include);
    if (obj) row['object'] = obj;
    return row;
  });
  const table: Record<string, unknown> = {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: opts.resourceVersion !== undefined ? { resourceVersion: opts.resourceVersion } : {},
  };
  if (!opts.noColumns) table['columnDefinitions'] = columnDefinitions(info);
  table['rows'] = rows;
  return table;
}

/** The resource of an object's kind (for Tables of watch events). */
export function infoOf(o: KubeObject): ResourceInfo | undefined {
  return resourceForKind(o.kind);
}
