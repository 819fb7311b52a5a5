import type { ReactNode } from 'react';
import { PageHeader } from './PageHeader';

/** A section whose screen is not built yet says so, and what it will do. */
export function ComingSoon({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <PageHeader title={title} />
      <section className="empty-state" aria-label={title}>
        {children}
      </section>
    </>
  );
}
