/**
 * A search field with suggestions as you type (the API's `search`: Chinese, English, aliases, pinyin), built as an
 * ARIA combobox: arrows move through the suggestions, Enter chooses one (the best by default), Escape closes.
 */
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { isAbort, request } from './api.js';
import { type Lang, displayName, kindColors, kindName, otherName, t } from './i18n.js';
import { type EntityRef, type SuggestResult, type Suggestion, suggestQuery } from './queries.js';

type Props = {
  lang: Lang;
  label: string;
  placeholder: string;
  /** Called with the chosen entity; the field then clears. */
  onChoose: (entity: EntityRef) => void;
  /** A stable name for tests and styles (search, path-from, path-to). */
  name: string;
};

/** Text with the «…» marks of a search snippet as <mark>. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/[«»]/);
  return <>{parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part))}</>;
}

export function SearchBox({ lang, label, placeholder, onChoose, name }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const [results, setResults] = useState<{ text: string; items: Suggestion[] } | null>(null);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const pending = useRef<{ text: string; promise: Promise<Suggestion[]> } | null>(null);
  const trimmed = text.trim();

  /** Suggestions for `query`, shared between typing and an Enter pressed before they arrived. */
  function suggest(query: string, signal?: AbortSignal): Promise<Suggestion[]> {
    if (pending.current?.text === query) return pending.current.promise;
    const promise = request<SuggestResult>(suggestQuery, { text: query }, signal).then((d) => d.search.edges);
    pending.current = { text: query, promise };
    promise.catch(() => pending.current?.promise === promise && (pending.current = null));
    return promise;
  }

  useEffect(() => {
    if (!trimmed) {
      setResults(null);
      return;
    }
    const controller = new AbortController();
    // A short pause, so that fast typing sends one request rather than one per keystroke.
    const timer = setTimeout(() => {
      suggest(trimmed, controller.signal).then(
        (items) => {
          setResults({ text: trimmed, items });
          setActive(0);
        },
        (error: unknown) => {
          if (!isAbort(error)) setResults({ text: trimmed, items: [] });
        },
      );
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
      if (pending.current?.text === trimmed) pending.current = null;
    };
  }, [trimmed]);

  function choose(entity: EntityRef) {
    setText('');
    setResults(null);
    setOpen(false);
    onChoose(entity);
  }

  async function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const items = results?.text === trimmed ? results.items : [];
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (items.length) setActive((a) => (a + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length);
    } else if (event.key === 'Enter' && trimmed) {
      event.preventDefault();
      // Enter before the suggestions arrived chooses the best match once they do.
      const list = items.length ? items : await suggest(trimmed).catch(() => []);
      const chosen = list[items.length ? active : 0];
      if (chosen) choose(chosen.node);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  }

  // While newer suggestions load, the previous ones stay in view (Enter waits for the newer ones).
  const items = trimmed && results ? results.items : [];
  const expanded = open && trimmed !== '' && results !== null;
  const optionId = (i: number) => `${id}-option-${i}`;
  return (
    <div className={`search-box search-${name}`}>
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {label}
      </label>
      <input
        id={`${id}-input`}
        name={name}
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-listbox`}
        aria-activedescendant={expanded && items.length ? optionId(active) : undefined}
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={`${id}-listbox`} role="listbox" aria-label={label} className="suggestions" hidden={!expanded}>
        {items.length === 0 && results?.text === trimmed && <li className="no-match">{t(lang, 'noMatches')}</li>}
        {items.map((item, i) => (
          <li
            key={item.node.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            data-id={item.node.id}
            // mousedown, not click: the input keeps its focus, so blur does not close the list first.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(item.node);
            }}
            onMouseEnter={() => setActive(i)}
          >
            <span className="kind-dot" style={{ background: kindColors[item.node.kind] }} aria-hidden="true" />
            <span className="suggestion-text">
              <span className="suggestion-name">{displayName(lang, item.node)}</span>
              <span className="suggestion-meta">
                {kindName(lang, item.node.kind)} · {item.matchedField === 'NAME' ? otherName(lang, item.node) : <Snippet text={item.snippet} />}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
