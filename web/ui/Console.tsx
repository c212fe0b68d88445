/**
 * The kubectl console (a lazily loaded chunk): a prompt with history (↑/↓) and Tab completion,
 * output printed as a terminal shows it, stderr in red.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { complete } from '../../src/kubectl/complete.ts';
import { useT } from '../i18n/index.ts';
import { runConsole, session, stopStream } from '../store/app.ts';
import { setConsoleWide, usePrefs } from '../layout/prefs.ts';
import { formatTime, useUiField } from './hooks.ts';
import './console.css';

function commonPrefix(list: string[]): string {
  if (!list.length) return '';
  let p = list[0]!;
  for (const s of list) while (!s.startsWith(p)) p = p.slice(0, -1);
  return p;
}

export default function Console() {
  const t = useT();
  const log = useUiField('log');
  const [line, setLine] = useState('');
  const [history, setHistory] = useState<string[]>([]);
  const [pos, setPos] = useState(-1);
  const [hint, setHint] = useState('');
  const outRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const wide = usePrefs('consoleWide');
  const widen = (on: boolean) => {
    setConsoleWide(on);
    inputRef.current?.focus();
  };
  useEffect(() => {
    const el = outRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [log]);

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'c' && e.ctrlKey) {
      if (log.some((x) => x.streaming)) {
        e.preventDefault();
        stopStream();
      }
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!line.trim()) return;
      setHistory((h) => [...h, line]);
      setPos(-1);
      setHint('');
      void runConsole(line);
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
    } else if (e.key === 'Tab' && line.trim()) {
      const options = complete(session.live, line);
      if (!options.length) return;
      e.preventDefault();
      const words = line.split(/\s+/);
      const current = words[words.length - 1] ?? '';
      const prefix = commonPrefix(options);
      const word = options.length === 1 ? `${options[0]} ` : prefix;
      if (word.length >= current.length) setLine(line.slice(0, line.length - current.length) + word);
      setHint(options.length > 1 ? options.slice(0, 12).join('  ') : '');
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
        <div className="terminal-lines">
          {log.length === 0 && <p className="muted">{t('console.empty')}</p>}
          {log.map((e) => (
            <div key={e.id} className={e.auto ? 'entry auto' : 'entry'}>
              <div className="cmd">
                <span className="at">{formatTime(e.t)}</span> $ {e.command}
                {e.stdin !== undefined ? ' <<EOF' : ''}
                {e.auto && <span className="auto-tag">{t('console.auto')}</span>}
              </div>
              {e.stdin !== undefined && <pre className="stdin">{`${e.stdin.trimEnd()}\nEOF`}</pre>}
              {e.stdout && <pre>{e.stdout}</pre>}
              {e.stderr && <pre className="stderr">{e.stderr}</pre>}
              {e.streaming && <div className="streaming">{t('console.streaming')}</div>}
            </div>
          ))}
        </div>
      </div>
      <div className="prompt">
        <span aria-hidden="true">$</span>
        <input
          ref={inputRef}
          id="kubectl-input"
          aria-label={t('console.command')}
          aria-keyshortcuts="/"
          autoComplete="off"
          spellCheck={false}
          value={line}
          placeholder="kubectl …"
          onChange={(e) => setLine(e.target.value)}
          onKeyDown={onKey}
        />
      </div>
      {hint && <p className="hint">{hint}</p>}
    </section>
  );
}
