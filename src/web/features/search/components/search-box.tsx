import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSearch, type SearchHit } from '../api/use-search';
import { groupResults, pathOf } from '../group-results';
import { useDebouncedValue } from '../../../lib/use-debounced-value';

const optionId = (i: number) => `search-option-${i}`;

/** The combobox: input, results grouped by type, arrows to choose, Enter to open. */
export function SearchBox({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('search');
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const q = useDebouncedValue(text.trim(), 200);
  const search = useSearch(q);
  const hits = text.trim() && q ? (search.data ?? []) : [];
  const groups = groupResults(hits);
  const ordered = groups.flatMap((g) => g.hits.map((h) => h.hit));
  const current = Math.min(active, ordered.length - 1);

  useEffect(() => {
    if (current >= 0)
      document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const openHit = (hit: SearchHit) => {
    onClose();
    navigate(pathOf(hit));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!ordered.length) return;
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
    if (e.key in moves) {
      e.preventDefault();
      setActive((current + (moves[e.key] ?? 0) + ordered.length) % ordered.length);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      setActive(e.key === 'Home' ? 0 : ordered.length - 1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hit = ordered[current];
      if (hit) openHit(hit);
    }
  };

  const waiting = !!text.trim() && (text.trim() !== q || search.isFetching);
  let status = '';
  if (!text.trim()) status = t('hint');
  else if (search.isError) status = t('failed');
  else if (waiting && !hits.length) status = t('searching');
  else if (search.isSuccess && !hits.length) status = t('noResults', { q });
  else if (hits.length) status = t('count', { count: hits.length });

  return (
    <div className="search-box">
      <label htmlFor="search-input" className="visually-hidden">
        {t('label')}
      </label>
      <div className="search-input-row">
        <span aria-hidden="true" className="search-icon">
          ⌕
        </span>
        <input
          id="search-input"
          data-testid="search-input"
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={ordered.length > 0}
          aria-controls="search-results"
          aria-activedescendant={ordered.length ? optionId(current) : undefined}
          aria-describedby="search-status"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('placeholder')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          autoFocus
        />
        {waiting && <span className="search-spinner" aria-hidden="true" />}
      </div>
      <div
        id="search-results"
        role="listbox"
        aria-label={t('label')}
        className="search-results"
        hidden={!ordered.length}
      >
        {groups.map((group) => (
          <div key={group.type} role="group" aria-labelledby={`search-group-${group.type}`}>
            <div
              id={`search-group-${group.type}`}
              role="presentation"
              className="search-group-title"
            >
              {t(`groups.${group.type}`)}
            </div>
            {group.hits.map(({ hit, index }) => (
              <div
                key={hit.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === current}
                className={`search-option${index === current ? ' active' : ''}`}
                onMouseMove={() => index !== current && setActive(index)}
                onClick={() => openHit(hit)}
              >
                <span className="search-option-title">{hit.title}</span>
                {hit.subtitle && <span className="search-option-subtitle">{hit.subtitle}</span>}
              </div>
            ))}
          </div>
        ))}
      </div>
      <p id="search-status" className="search-status" role="status">
        {status}
      </p>
      <p className="search-keys" aria-hidden="true">
        {t('keys')}
      </p>
    </div>
  );
}
