import { useEffect, useState } from 'react';
import type { Contract, UsageDocument } from '../../../src-core';
import { useRepositories } from '../../data';

/**
 * Usage documents of every given contract, for portfolio-wide figures (clients
 * over their limits this month). The data layer has no live query over the
 * whole usage table yet, so this reads each contract's document through the
 * repository and reads again when the contracts change; a usage import made in
 * this window refreshes it too, because the import screen leaves the list.
 */
export function usePortfolioUsage(contracts: readonly Contract[] | undefined): UsageDocument[] | undefined {
  const repos = useRepositories();
  const [usage, setUsage] = useState<{ for: readonly Contract[]; docs: UsageDocument[] } | null>(null);
  useEffect(() => {
    if (!contracts) return;
    let current = true;
    void Promise.all(contracts.map((c) => repos.usage.ofContract(c.id))).then((docs) => {
      if (current) setUsage({ for: contracts, docs: docs.filter((d): d is UsageDocument => d !== undefined) });
    });
    return () => {
      current = false;
    };
  }, [contracts, repos]);
  return usage && usage.for === contracts ? usage.docs : undefined;
}
