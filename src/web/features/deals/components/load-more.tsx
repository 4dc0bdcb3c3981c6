import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';

type Props = { hasMore: boolean; loading: boolean; onLoad: () => void; shown: number };

/**
 * "Load more" that also presses itself when scrolled into view, so the list simply continues. It
 * sits inside the table's scrolling box, which clips it until the user scrolls near the end.
 */
export function LoadMore({ hasMore, loading, onLoad, shown }: Props) {
  const { t } = useTranslation('deals');
  const { t: common } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = ref.current;
    if (!node || !hasMore || loading) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) onLoad();
      },
      { rootMargin: '300px' },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasMore, loading, onLoad]);

  return (
    <div className="deals-load-more" ref={ref}>
      <span className="muted" role="status">
        {hasMore
          ? t('list.loadedMore', { count: shown })
          : `${t('list.loaded', { count: shown })}. ${t('list.allShown')}`}
      </span>
      {hasMore && (
        <Button onClick={onLoad} disabled={loading}>
          {loading ? t('list.loadingMore') : common('actions.loadMore')}
        </Button>
      )}
    </div>
  );
}
