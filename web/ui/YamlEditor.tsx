/**
 * YAML editor for the Deployment and Service (CodeMirror 6 and the yaml printer, both loaded on
 * demand). Applying runs `kubectl apply -f -`; kubectl's error is shown beside the editor. Diff
 * shows what applying would change (`kubectl diff -f -`, a query: nothing is applied).
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useRef, useState } from 'react';
import { stringify } from 'yaml';
import type { Frame, KubeObject } from '../../src/index.ts';
import { useT } from '../i18n/index.ts';
import { useLab } from '../lab/context.ts';
import { useReturnFocus } from '../layout/focus.ts';
import { useMedia } from '../layout/media.ts';
import './editor.css';
import { useUiField } from './hooks.ts';
import '../i18n/features.ts';

function manifestYaml(frame: Frame, kind: string, name: string): string {
  const list: readonly (KubeObject & { spec?: unknown })[] =
    kind === 'Service' ? frame.objects.services : frame.objects.deployments;
  const o = list.find((x) => x.metadata.name === name);
  if (!o) return '';
  const metadata: Record<string, unknown> = { name: o.metadata.name };
  if (o.metadata.labels) metadata['labels'] = o.metadata.labels;
  return stringify({ apiVersion: o.apiVersion, kind: o.kind, metadata, spec: o.spec });
}

export default function YamlEditor() {
  const t = useT();
  const following = useUiField('following');
  const lab = useLab();
  const frame = lab.frame();
  const objects = [
    ...frame.objects.deployments.map((o) => `Deployment/${o.metadata.name}`),
    ...frame.objects.services.map((o) => `Service/${o.metadata.name}`),
  ];
  const [target, setTarget] = useState(objects[0] ?? 'Deployment/kubia');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  /** The server's warnings on a command that went through (an unknown field it dropped). */
  const [warnings, setWarnings] = useState('');
  /** What `kubectl diff` printed for the text as it was, or its message when nothing differs. */
  const [changes, setChanges] = useState<{ text: string; none: boolean } | null>(null);
  const [reverts, setReverts] = useState(0);
  /** Revert pressed: the text it replaces is not kept, and the new text takes the focus. */
  const reverting = useRef(false);
  const refocus = useRef(false);
  /** The editor's text for this object as it was made (a revert makes it anew). */
  const made = `${target}#${reverts}`;
  /** The `made` whose text has been typed over, if any. */
  const [typedIn, setTypedIn] = useState('');
  const [kind = '', name = ''] = target.split('/');
  const kept = lab.editorDrafts.get(target);
  /** The text is a draft kept from before the editor closed, typed over, or the cluster's. */
  const draft =
    kept !== undefined && kept !== manifestYaml(frame, kind, name)
      ? 'kept'
      : typedIn === made
        ? 'edited'
        : 'none';
  const host = useRef<HTMLDivElement>(null);
  const label = t('editor.manifest');
  const view = useRef<EditorView | null>(null);
  // The accessible name follows the language without making a new editor: what is typed stays.
  const [labelled] = useState(() => new Compartment());
  const labelNow = useRef(label);

  // Before the editor is made (effects run in order), so a new one gets the current name.
  useEffect(() => {
    labelNow.current = label;
    view.current?.dispatch({
      effects: labelled.reconfigure(EditorView.contentAttributes.of({ 'aria-label': label })),
    });
  }, [labelled, label]);

  // The object's manifest, or what was typed over it and not applied before the editor closed.
  useEffect(() => {
    const [kind = '', name = ''] = made.split(/[/#]/);
    const cluster = () => manifestYaml(lab.frame(), kind, name);
    const target = `${kind}/${name}`;
    const draft = lab.editorDrafts.get(target);
    const state = EditorState.create({
      doc: draft !== undefined && draft !== cluster() ? draft : cluster(),
      extensions: [
        lineNumbers(),
        history(),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        yaml(),
        EditorView.lineWrapping,
        labelled.of(EditorView.contentAttributes.of({ 'aria-label': labelNow.current })),
        // In the Tab order already (it is editable); said so, for tools that look for a
        // focusable element in a box that scrolls.
        EditorView.contentAttributes.of({ tabindex: '0' }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) setTypedIn(made);
        }),
      ],
    });
    const v = new EditorView({ state, parent: host.current! });
    view.current = v;
    if (refocus.current) v.focus();
    refocus.current = false;
    return () => {
      const text = v.state.doc.toString();
      if (text !== cluster() && !reverting.current) lab.editorDrafts.set(target, text);
      else lab.editorDrafts.delete(target);
      reverting.current = false;
      v.destroy();
    };
  }, [lab, made, labelled]);

  // Opened, the editor takes the focus (not when it turns to another object: the choice keeps it);
  // on a touch screen its panel does, which opens no on-screen keyboard over it. Closed, the focus
  // goes back to what opened it.
  useReturnFocus();
  const panel = useRef<HTMLElement>(null);
  const touchOnly = useMedia('(hover: none)');
  const [touchAtOpen] = useState(touchOnly);
  useEffect(() => (touchAtOpen ? panel.current?.focus() : view.current?.focus()), [touchAtOpen]);

  const close = () => lab.setEditorOpen(false);
  const revert = () => {
    lab.editorDrafts.delete(target);
    reverting.current = true;
    refocus.current = true;
    setReverts((n) => n + 1);
  };

  const apply = () => {
    const text = view.current?.state.doc.toString() ?? '';
    setChanges(null);
    void lab.runLinesWhenReady([{ run: 'kubectl apply -f -', stdin: text }]).then((r) => {
      if (!r) return;
      // Several documents: kubectl keeps those that went through and reports the others.
      setError(r.exitCode !== 0 ? r.stderr : '');
      setWarnings(r.exitCode === 0 ? r.stderr : '');
      setStatus(r.stdout.trim());
    });
  };

  const diff = () => {
    const text = view.current?.state.doc.toString() ?? '';
    void lab.queryWhenReady('kubectl diff -f -', text).then((r) => {
      // 0: nothing would change; 1: the diff; 2: kubectl's error, shown as apply's are.
      setError(r.exitCode > 1 ? r.stderr : '');
      setWarnings(r.exitCode > 1 ? '' : r.stderr);
      setStatus('');
      setChanges(r.exitCode > 1 ? null : { text: r.stdout, none: r.exitCode === 0 });
    });
  };

  return (
    <section
      ref={panel}
      tabIndex={-1}
      className="panel editor"
      aria-labelledby="editor-h"
      onKeyDown={(e) => {
        // Escape closes it, once the editor has no use for the key (a selection to collapse).
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        e.preventDefault();
        close();
      }}
    >
      <h2 id="editor-h">{t('editor.title')}</h2>
      <div className="button-row">
        <label className="inline">
          {t('editor.object')}
          <select value={target} onChange={(e) => setTarget(e.target.value)}>
            {objects.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="primary"
          onClick={apply}
          disabled={!!following}
          title={following ? t('follow.readOnlyShort') : undefined}
        >
          {t('editor.apply')}
        </button>
        <button type="button" onClick={diff}>
          {t('editor.diff')}
        </button>
        <button type="button" onClick={revert} disabled={draft === 'none'} title={t('editor.revertTitle')}>
          {t('editor.revert')}
        </button>
        <button type="button" onClick={close} aria-keyshortcuts="Escape">
          {t('editor.close')}
        </button>
      </div>
      {draft === 'kept' && (
        <p className="muted editor-kept" role="status">
          {t('editor.kept')}
        </p>
      )}
      <div className="cm-host" ref={host} />
      {/* In kubectl's order: what was applied, then what was refused. */}
      {status && (
        <p className="ok" role="status">
          {status}
        </p>
      )}
      {error && (
        <pre className="error" role="alert">
          {error}
        </pre>
      )}
      {warnings && (
        <pre className="error editor-warnings" role="status">
          {warnings}
        </pre>
      )}
      {changes &&
        (changes.none ? (
          <p role="status">{t('editor.noChanges')}</p>
        ) : (
          <pre className="editor-diff" aria-label={t('editor.diffLabel')}>
            {changes.text.split('\n').map((line, i) => (
              <span
                key={i}
                className={
                  line.startsWith('+') && !line.startsWith('+++')
                    ? 'add'
                    : line.startsWith('-') && !line.startsWith('---')
                      ? 'del'
                      : line.startsWith('@@')
                        ? 'hunk'
                        : undefined
                }
              >
                {line}
                {'\n'}
              </span>
            ))}
          </pre>
        ))}
    </section>
  );
}
