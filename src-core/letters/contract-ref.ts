import type { Contract } from '../model/contract';

/**
 * How a letter names its contract ("Contrat n° CT-2026-0042 — Hébergement
 * Dokos T99"): written once, so a single letter and a batch notice say it alike.
 */
export function letterContract(contract: Pick<Contract, 'reference' | 'tier'>): { reference: string; label: string } {
  return { reference: contract.reference, label: `Hébergement Dokos ${contract.tier}` };
}
