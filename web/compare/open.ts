/**
 * What the Compare view opens: a preset, a scenario with variants (a file), or a `?compare=` link
 * (a preset id, or a share link's encoding of a comparison and the moment to open at). A link that
 * cannot be read opens the first preset and says what was wrong.
 */
import {
  COMPARISON_PRESETS,
  comparisonPreset,
  comparisonPresetById,
  parseScenario,
  type LaneUpdate,
  type Scenario,
} from '../../src/index.ts';
import type { CompareRequest } from '../lab/lab.ts';
import { linkProblem, loadCodec, type Problem } from '../share/link.ts';

export interface Opened {
  scenario: Scenario;
  /** The moment to open at; the comparison's opening (a second before its updates) when not given. */
  at: number | undefined;
  preset: string | null;
  updates: LaneUpdate[] | null;
  presenting: boolean;
  lang?: string;
  problem?: Problem;
}

export const DEFAULT_PRESET = COMPARISON_PRESETS[0]!.id;

export function presetOpened(id: string): Opened | undefined {
  const p = comparisonPresetById(id);
  const scenario = comparisonPreset(id);
  if (!p || !scenario) return undefined;
  return { scenario, at: undefined, preset: id, updates: [...p.updates], presenting: false };
}

const fallback = (problem?: Problem): Opened => ({
  ...presetOpened(DEFAULT_PRESET)!,
  ...(problem ? { problem } : {}),
});

/** The scenario as the parser lays it out: two that say the same thing compare equal. */
const canonical = (s: Scenario): string => JSON.stringify(parseScenario(s));

/** A preset that a link or file carries unchanged is shown as that preset (its lanes editable). */
function recognised(s: Scenario): { preset: string | null; updates: LaneUpdate[] | null } {
  const p = presetOpened(s.metadata.name);
  return p && canonical(p.scenario) === canonical(s)
    ? { preset: p.preset, updates: p.updates }
    : { preset: null, updates: null };
}

/** Everything the view needs to show a request (the YAML library must be loaded). */
export async function openRequest(r: CompareRequest): Promise<Opened> {
  const presenting = r.presenting ?? false;
  if (r.scenario) {
    if (!r.scenario.spec.variants)
      return fallback({ key: 'compare.problem.file', vars: { file: r.scenario.metadata.name } });
    return { ...recognised(r.scenario), scenario: r.scenario, at: r.at, presenting };
  }
  if (r.link !== undefined) {
    const byId = /^[a-z0-9-]{1,64}$/.test(r.link) ? presetOpened(r.link) : undefined;
    if (byId) return { ...byId, presenting };
    const res = (await loadCodec()).decodeShare(r.link);
    if (!res.ok) return fallback(linkProblem(res.error));
    const { scenario, at, view = {} } = res.payload;
    if (!scenario.spec.variants)
      return fallback({ key: 'compare.problem.link', vars: { detail: 'it has no spec.variants' } });
    return {
      ...recognised(scenario),
      scenario,
      at,
      presenting: presenting || view.present === true,
      ...(view.lang ? { lang: view.lang } : {}),
    };
  }
  const opened = presetOpened(r.preset ?? DEFAULT_PRESET) ?? fallback();
  return { ...opened, at: r.at, presenting };
}

/** The page's URL for a comparison link: `?compare=<encoded scenario, moment and view>`. */
export function compareUrl(href: string, encoded: string): string {
  const url = new URL(href);
  url.search = '';
  url.hash = '';
  url.searchParams.set('compare', encoded);
  return url.toString();
}
