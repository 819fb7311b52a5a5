import { useEffect, useState } from 'react';
import type { Contract, UsageDocument } from '../../../src-core';
import { useRepositories } from '../../data';

/** Contracts read per batch; the page stays responsive between batches. */
const BATCH = 250;

/**
 * Usage documents of every given contract, for portfolio-wide figures (clients
 * over their limits this month). The data layer has no query over the whole
 * usage table yet, only `usage.ofContract`, so this reads contract by contract
 * in batches, yielding to the page between them (one IndexedDB transaction per
 * read: about 5 s for 11,000 contracts, during which the list is already
 * usable), and reads again when the contracts change.
 */
export function usePortfolioUsage(contracts: readonly Contract[] | undefined): UsageDocument[] | undefined {
  const repos = useRepositories();
  const [usage, setUsage] = useState<{ for: readonly Contract[]; docs: UsageDocument[] } | null>(null);
  useEffect(() => {
    if (!contracts) return;
    let current = true;
    void (async () => {
      const docs: UsageDocument[] = [];
      for (let start = 0; start < contracts.length && current; start += BATCH) {
        const batch = await Promise.all(contracts.slice(start, start + BATCH).map((c) => repos.usage.ofContract(c.id)));
        for (const doc of batch) if (doc) docs.push(doc);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      if (current) setUsage({ for: contracts, docs });
    })();
    return () => {
      current = false;
    };
  }, [contracts, repos]);
  return usage && usage.for === contracts ? usage.docs : undefined;
}
