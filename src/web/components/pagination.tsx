/** Page links (前へ · 1 2 3 · 次へ) in a labelled <nav>; the current page is marked aria-current. */
export function Pagination({
  id,
  current,
  pages,
  href,
  labels,
}: {
  id: string;
  current: number;
  pages: number;
  href: (page: number) => string;
  labels: { nav: string; prev: string; next: string; pageN: (n: number) => string };
}) {
  if (pages <= 1) return null;
  const numbers: number[] = [];
  for (let n = Math.max(1, current - 3); n <= Math.min(pages, current + 3); n++) numbers.push(n);
  return (
    <nav aria-label={labels.nav} class="pagination" id={id}>
      <ul class="inline-list">
        {current > 1 ? (
          <li>
            <a href={href(current - 1)} rel="prev">
              {labels.prev}
            </a>
          </li>
        ) : null}
        {numbers.map((n) => (
          <li>
            {n === current ? (
              <strong aria-current="page">{n}</strong>
            ) : (
              <a href={href(n)} aria-label={labels.pageN(n)}>
                {n}
              </a>
            )}
          </li>
        ))}
        {current < pages ? (
          <li>
            <a href={href(current + 1)} rel="next">
              {labels.next}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** Whole page numbers only: anything else is page 1. */
export function pageNumber(raw: string | undefined): number {
  return raw && /^\d{1,6}$/.test(raw) ? Math.max(1, Number(raw)) : 1;
}
