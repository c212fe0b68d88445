/**
 * The kubectl console (a lazily loaded chunk): a prompt with history (↑/↓) and Tab completion,
 * output printed in the order a terminal shows it (terminal.ts), stderr in red. It shows the scenario's steps that have run
 * by the current moment (with what they printed, as the Run recorded it: scrub back and later steps
 * leave the screen) and the commands typed here that only looked.
 */
import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../i18n/index.ts';
import { useLab } from '../lab/context.ts';
import { formatTime, useFrame, useUiField } from './hooks.ts';
import { consoleMounted } from '../layout/keyboard.ts';
import { setConsoleWide, usePrefs } from '../layout/prefs.ts';
import {
  entriesOf,
  feedLine,
  pastedLines,
  printedChunksInOrder,
  printedInOrder,
  type ConsoleCommand,
  type Heredoc,
  type Printed as Part,
} from './terminal.ts';
import './console.css';

function commonPrefix(list: string[]): string {
  if (!list.length) return '';
  let p = list[0]!;
  for (const s of list) while (!s.startsWith(p)) p = p.slice(0, -1);
  return p;
}

function PrintedParts({ parts }: { parts: Part[] }) {
  return parts.map((p, i) => (
    <pre key={i} className={p.stderr ? 'stderr' : undefined}>
      {p.text}
    </pre>
  ));
}

/**
 * A command the console shows, typed or a step: its moment and line (with `<<EOF` and the input
 * it was given), then what it printed, in the order it printed it.
 */
function CommandEntry({
  className,
  t,
  command,
  stdin,
  tag,
  chunks,
  streaming,
}: {
  className: string;
  t: number;
  command: string;
  stdin: string | undefined;
  tag?: ReactNode;
  chunks: readonly { stdout?: string; stderr?: string }[];
  /** The line that says it is still printing, while it is. */
  streaming: string | false | undefined;
}) {
  return (
    <div className={className}>
      <div className="cmd">
        <span className="at">{formatTime(t)}</span> $ {command}
        {stdin !== undefined ? ' <<EOF' : ''}
        {tag}
      </div>
      {stdin !== undefined && <pre className="stdin">{`${stdin.trimEnd()}\nEOF`}</pre>}
      <PrintedParts parts={printedChunksInOrder(chunks)} />
      {streaming && <div className="streaming">{streaming}</div>}
    </div>
  );
}

/** How many of the commands waiting to run the terminal lists (the count says how many in all). */
const QUEUE_SHOWN = 5;

export default function Console() {
  const t = useT();
  const lab = useLab();
  const frame = useFrame('text');
  const log = useUiField('log');
  const [line, setLine] = useState('');
  const [history, setHistory] = useState<string[]>([]);
  const [pos, setPos] = useState(-1);
  const [hint, setHint] = useState('');
  /** A here-document being typed or pasted: the lines after `<<EOF`, up to `EOF`. */
  const [heredoc, setHeredoc] = useState<Heredoc | null>(null);
  const outRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => consoleMounted(inputRef.current), []);
  const wide = usePrefs('consoleWide');
  const widen = (on: boolean) => {
    setConsoleWide(on);
    inputRef.current?.focus();
  };
  const entries = entriesOf(frame.steps, log, frame.t);
  const waiting = frame.steps.find((s) => s.status === 'waiting');
  const last = entries[entries.length - 1];
  const tail = last
    ? `${last.t}:${last.kind === 'step' ? last.step.stdout.length : last.entry.chunks.length}`
    : '';
  useEffect(() => {
    const el = outRef.current;
    if (!el) return;
    // Scrolling reads the layout: at the next frame, where the page is laid out anyway. In the
    // effect, right after a seek's render, it laid the whole page out once more. Widened or docked,
    // the box is another size, and the browser kept its scroll offset, not its end: to the end too.
    const frame = requestAnimationFrame(() => {
      el.scrollTop = el.scrollHeight;
    });
    return () => cancelAnimationFrame(frame);
  }, [entries.length, tail, wide, heredoc]);

  /**
   * Commands entered and not run yet, as a terminal holds what is typed ahead: one runs at a time,
   * at the next frame once the one before has finished (a watch, once it stops), so the page paints
   * between them and a pasted `rollout status` holds the lines pasted after it as a shell's would.
   */
  const [queue, setQueue] = useState<ConsoleCommand[]>([]);
  const [running, setRunning] = useState(false);
  const streaming = log.some((x) => x.streaming);
  useEffect(() => {
    if (!queue.length || running || streaming) return;
    const id = requestAnimationFrame(() => {
      const [next, ...rest] = queue;
      setQueue(rest);
      setRunning(true);
      void lab.runConsole(next!.command, next!.stdin).finally(() => setRunning(false));
    });
    return () => cancelAnimationFrame(id);
  }, [queue, running, streaming, lab]);

  /**
   * Lines entered (typed, or pasted several at once), read as a shell reads them: each a command,
   * or part of a here-document. The commands run in order, each after the one before.
   */
  const enter = (lines: string[]) => {
    let pending = heredoc;
    const commands: ConsoleCommand[] = [];
    for (const l of lines) {
      const fed = feedLine(pending, l);
      // History (↑) holds each command's first line; a here-document's text is not kept.
      if (!pending && l.trim()) setHistory((h) => [...h, l]);
      pending = fed.pending;
      if (fed.run) commands.push(fed.run);
    }
    setHeredoc(pending);
    setPos(-1);
    setHint('');
    if (!commands.length) return;
    // Entering a command ends the watch on screen, as it always has here (a terminal would wait);
    // the lines entered after a watch they bring wait for it to end.
    lab.stopStream();
    setQueue((q) => [...q, ...commands]);
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text');
    if (!/[\r\n]/.test(text)) return;
    // Several lines: each runs as Enter would run it (an input field would drop the line breaks
    // and run them as one); what follows the last line break stays in the field.
    e.preventDefault();
    const el = e.currentTarget;
    const start = el.selectionStart ?? line.length;
    const end = el.selectionEnd ?? line.length;
    const { lines, rest } = pastedLines(line.slice(0, start) + text + line.slice(end), heredoc);
    enter(lines);
    setLine(rest);
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'c' && e.ctrlKey) {
      if (heredoc) {
        // As in a shell: the here-document and its command are dropped, nothing runs.
        e.preventDefault();
        setHeredoc(null);
        setLine('');
      } else if (streaming || queue.length) {
        // As a terminal's interrupt: the watch stops, and what was typed ahead is dropped.
        e.preventDefault();
        lab.stopStream();
        setQueue([]);
      }
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!heredoc && !line.trim()) return;
      enter([line]);
      setLine('');
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (!history.length) return;
      const p = pos < 0 ? history.length - 1 : Math.max(0, pos - 1);
      setPos(p);
      setLine(history[p] ?? '');
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (pos < 0) return;
      const p = pos + 1;
      if (p >= history.length) {
        setPos(-1);
        setLine('');
      } else {
        setPos(p);
        setLine(history[p] ?? '');
      }
    } else if (e.key === 'Tab' && !e.shiftKey && line.trim()) {
      // Like a shell, but never a trap: Tab completes while it has something to add (more of the
      // word, or the list of choices); once it has nothing new, Tab moves on as everywhere else.
      // Shift+Tab always goes back.
      const options = lab.run.complete(line);
      const words = line.split(/\s+/);
      const current = words[words.length - 1] ?? '';
      const word = options.length === 1 ? `${options[0]} ` : commonPrefix(options);
      const next = word.length >= current.length ? line.slice(0, line.length - current.length) + word : line;
      const choices = options.length > 1 ? options.slice(0, 12).join('  ') : '';
      if (!options.length || (next === line && choices === hint)) return;
      e.preventDefault();
      setLine(next);
      setHint(choices);
    }
  };

  return (
    <section
      className={wide ? 'panel console console--wide' : 'panel console'}
      aria-labelledby="console-h"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && wide) {
          e.preventDefault();
          widen(false);
        }
      }}
    >
      <h2 id="console-h">
        kubectl <span className="muted">{t('console.keys')}</span>
        <button
          type="button"
          className="console-widen"
          aria-pressed={wide}
          onClick={() => widen(!wide)}
          title={wide ? t('console.narrowTip') : t('console.wideTip')}
        >
          {wide ? t('console.narrow') : t('console.wide')}
        </button>
      </h2>
      <div className="terminal" ref={outRef} role="log" aria-label={t('console.output')} tabIndex={0}>
        {/* Outside the lines, which are as wide as their longest: the hint wraps in a narrow console. */}
        {entries.length === 0 && !waiting && <p className="muted terminal-empty">{t('console.empty')}</p>}
        <div className="terminal-lines">
          {entries.map((e) =>
            e.kind === 'step' ? (
              <CommandEntry
                key={`s${e.step.index}`}
                className={e.step.after !== undefined ? 'entry auto' : 'entry'}
                t={e.t}
                command={e.step.run}
                stdin={e.step.stdin}
                tag={
                  e.step.after !== undefined && (
                    <span className="auto-tag">{t('console.after', { condition: e.step.after })}</span>
                  )
                }
                // A step that goes on (a drain that retries) printed in the order it printed.
                chunks={e.step.chunks}
                streaming={e.step.status === 'running' && t('console.streaming')}
              />
            ) : (
              <CommandEntry
                key={`q${e.entry.id}`}
                className="entry"
                t={e.t}
                command={e.entry.command}
                stdin={e.entry.stdin}
                // As it printed: a watch's later lines after what it printed first.
                chunks={e.entry.chunks}
                streaming={e.entry.streaming && t('console.streaming')}
              />
            ),
          )}
          {heredoc && (
            <div className="entry heredoc" data-testid="console.heredoc">
              <div className="cmd">
                $ {heredoc.command} {'<<'}
                {heredoc.delimiter}
              </div>
              <pre className="stdin">{heredoc.lines.map((l) => `> ${l}\n`).join('')}</pre>
            </div>
          )}
          {queue.length > 0 && (
            <div className="entry queued" data-testid="console.queued">
              {queue.slice(0, QUEUE_SHOWN).map((c, i) => (
                <div className="cmd" key={i}>
                  $ {c.command}
                  {c.stdin !== undefined ? ' <<EOF' : ''}
                </div>
              ))}
              <div className="streaming">{t('console.queued', { n: queue.length })}</div>
            </div>
          )}
          {waiting && waiting.after !== undefined && (
            <div className="entry auto waiting">
              <div className="cmd">$ {waiting.run}</div>
              <div className="streaming">{t('console.waiting', { condition: waiting.after })}</div>
              {/* What the condition says now: why it has not held (a rollout's progress, an error). */}
              {waiting.condition && (
                <PrintedParts parts={printedInOrder(waiting.condition.stdout, waiting.condition.stderr)} />
              )}
            </div>
          )}
        </div>
      </div>
      <div className="prompt">
        <span aria-hidden="true">{heredoc ? '>' : '$'}</span>
        <input
          ref={inputRef}
          id="kubectl-input"
          aria-label={t('console.command')}
          aria-keyshortcuts="/"
          autoComplete="off"
          spellCheck={false}
          value={line}
          placeholder={heredoc ? t('console.heredoc', { delimiter: heredoc.delimiter }) : 'kubectl …'}
          onChange={(e) => setLine(e.target.value)}
          onKeyDown={onKey}
          onPaste={onPaste}
        />
      </div>
      {hint && <p className="hint">{hint}</p>}
    </section>
  );
}
