import { useEffect } from 'react';

/** The page's title in the browser's tab and history, as screen readers announce a new page. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} — ECD Federation`;
  }, [title]);
}
