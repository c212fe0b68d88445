import { describe, expect, it } from 'vitest';
import { loadShareCodec } from '../../src/index.ts';
import { defaultScenario } from '../lab/defaultScenario.ts';
import { embedUrl, exportFileName, iframeCode, linkProblem, readPage, shareUrl } from './link.ts';

const { decodeShare, encodeShare } = await loadShareCodec();

describe('share URLs', () => {
  const payload = { scenario: defaultScenario(), at: 42, view: { lang: 'ko' } };

  it('builds the full app URL from href (origin is "null" in a sandboxed iframe), dropping the query', () => {
    const url = shareUrl('http://127.0.0.1:4173/lab/?embed=1&console=1#old', encodeShare(payload));
    expect(url.startsWith('http://127.0.0.1:4173/lab/#2.')).toBe(true);
    const back = decodeShare(new URL(url).hash);
    expect(back.ok && back.payload.at).toBe(42);
    expect(back.ok && back.payload.view).toEqual({ lang: 'ko' });
  });

  it('keeps a typical link under 1,000 characters', () => {
    const s = defaultScenario();
    s.spec.steps = [
      { at: 20, run: 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2' },
      { at: 45, run: 'kubectl rollout undo deployment/kubia' },
    ];
    expect(
      shareUrl('https://rollout-lab.example/', encodeShare({ scenario: s, at: 60 })).length,
    ).toBeLessThan(1000);
  });

  it.each([
    ['http://x/', { fragment: '', embed: false, console: false, lesson: '' }],
    ['http://x/?embed=1#1.abc', { fragment: '1.abc', embed: true, console: false, lesson: '' }],
    ['http://x/?embed=1&console=1', { fragment: '', embed: true, console: true, lesson: '' }],
    ['http://x/?embed=0', { fragment: '', embed: false, console: false, lesson: '' }],
    [
      'http://x/?lesson=recreate&stop=2#2.a',
      { fragment: '2.a', embed: false, console: false, lesson: 'recreate' },
    ],
    ['not a url', { fragment: '', embed: false, console: false, lesson: '' }],
  ])('reads %s', (href, want) => expect(readPage(href)).toEqual(want));

  it('makes embed URLs and escapes the iframe code', () => {
    expect(embedUrl('http://x/#1.a')).toBe('http://x/?embed=1#1.a');
    expect(embedUrl('http://x/#1.a', true)).toBe('http://x/?embed=1&console=1#1.a');
    const code = iframeCode('http://x/#1.a"><script>');
    expect(code).not.toContain('"><script>');
    expect(code).toContain('sandbox="allow-scripts');
  });

  it.each([
    ['This link was made by a newer version of Rollout Lab (link format 9; …)', 'share.problem.future'],
    ['This link is damaged: its data does not decompress (was it cut off?).', 'share.problem.damaged'],
    ['This link is too long (200000 characters; …)', 'share.problem.tooLong'],
    ['This link unpacks to more than 1000000 bytes and was not opened.', 'share.problem.tooLarge'],
    ['This link nests its data too deeply and was not opened.', 'share.problem.tooDeep'],
    ['This is not a Rollout Lab link (it has no version).', 'share.problem.notOurs'],
    ["This link's scenario is invalid: spec.seed: …", 'share.problem.invalid'],
    ['something else', 'share.problem.unreadable'],
  ])('classifies "%s"', (error, key) => {
    expect(linkProblem(error)).toEqual({ key, detail: error });
  });

  it.each([
    ['kubia', 'kubia.rollout.yaml'],
    ['rolling update', 'rolling-update.rollout.yaml'],
    ['../../etc/passwd', 'etc-passwd.rollout.yaml'],
    ['<script>alert(1)</script>', 'script-alert-1-script.rollout.yaml'],
    ['', 'scenario.rollout.yaml'],
  ])('names the export of %j %s', (name, file) => expect(exportFileName(name)).toBe(file));
});
