/**
 * Share links and embeds: the URL for the current work, what the page's own URL asks for
 * (`?embed=1`, `&console=1`, a `#<link>` fragment), and what is wrong with a link in words the
 * UI can translate (the codec's English sentence is kept as the detail).
 */
import { loadShareCodec } from '../../src/index.ts';
import type { Vars } from '../i18n/index.ts';

/** What went wrong, as an i18n key with its values; `detail` is the technical text, shown as is. */
export interface Problem {
  key: string;
  vars?: Vars;
  detail?: string;
}

export interface PageRequest {
  /** The fragment without `#`, or '' when there is none. */
  fragment: string;
  embed: boolean;
  /** `&console=1`: an embed that shows the kubectl console. */
  console: boolean;
  /** `?lesson=…`: the lesson the page opens (web/lessons), or ''. */
  lesson: string;
}

const truthy = (v: string | null) => v !== null && v !== '0' && v !== 'false';

export function readPage(href: string): PageRequest {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { fragment: '', embed: false, console: false, lesson: '' };
  }
  return {
    fragment: url.hash.replace(/^#/, ''),
    embed: truthy(url.searchParams.get('embed')),
    console: truthy(url.searchParams.get('console')),
    lesson: url.searchParams.get('lesson') ?? '',
  };
}

/**
 * The full app's URL for an encoded link: same origin and path, no query, the link as fragment.
 * Built from `href`, not `location.origin`, which is "null" inside a sandboxed iframe.
 */
export function shareUrl(href: string, fragment: string): string {
  const url = new URL(href);
  url.search = '';
  url.hash = fragment;
  return url.toString();
}

type Codec = Awaited<ReturnType<typeof loadShareCodec>>;
let codec: Codec | undefined;

/** The link codec (with its compression library) loads on demand: most visits carry no link. */
export async function loadCodec(): Promise<Codec> {
  codec ??= await loadShareCodec();
  return codec;
}

/** The codec if it has loaded already. */
export const codecNow = (): Codec | undefined => codec;

/** The same link in embed mode, for an iframe's src. */
export function embedUrl(link: string, console = false): string {
  const url = new URL(link);
  url.searchParams.set('embed', '1');
  if (console) url.searchParams.set('console', '1');
  return url.toString();
}

export function iframeCode(link: string): string {
  const src = embedUrl(link).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<iframe src="${src}" title="Rollout Lab" width="900" height="600" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" loading="lazy"></iframe>`;
}

/** The codec's sentence, turned into a translatable problem. */
export function linkProblem(error: string): Problem {
  const detail = error;
  const rules: [RegExp, string][] = [
    [/newer version/, 'share.problem.future'],
    [/too long/, 'share.problem.tooLong'],
    [/unpacks to more than/, 'share.problem.tooLarge'],
    [/nests its data too deeply/, 'share.problem.tooDeep'],
    [/not a Rollout Lab link/, 'share.problem.notOurs'],
    [/damaged/, 'share.problem.damaged'],
    [/scenario is invalid|time is invalid/, 'share.problem.invalid'],
  ];
  for (const [re, key] of rules) if (re.test(error)) return { key, detail };
  return { key: 'share.problem.unreadable', detail };
}

/** A scenario name as the safe start of a file name (ASCII letters, digits, `._-`). */
export function fileBaseName(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 64) || 'scenario'
  );
}

/** The scenario name as a safe file name: `<name>.rollout.yaml`. */
export function exportFileName(name: string): string {
  return `${fileBaseName(name)}.rollout.yaml`;
}
