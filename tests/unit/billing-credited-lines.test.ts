import { describe, expect, it } from 'vitest';
import { creditedByLine, creditNoteLines } from '../../src-core/billing';
import { explained } from '../../src-core/explain';

describe('nets already credited per invoice line', () => {
  const invoice = {
    number: 'F-2026-000007',
    lines: [
      { label: 'Abonnement Dokos, formule T99 – novembre 2026', quantity: 1, unitPriceCents: 9900, netCents: 9900, vatRatePercent: 20, explanation: explained(9900, '§5.1', 'x') },
      { label: 'Régularisation dépassement octobre 2026', quantity: 1, unitPriceCents: 10000, netCents: 10000, vatRatePercent: 20, explanation: explained(10000, '§6.1', 'y') },
    ],
  };

  it('reads back what creditNoteLines wrote, across several notes, so the next note is limited', () => {
    const first = creditNoteLines(invoice, [{ lineIndex: 1, netCents: 2500 }]);
    const second = creditNoteLines(invoice, [{ lineIndex: 0, netCents: 900 }, { lineIndex: 1, netCents: 500 }], creditedByLine(invoice, [{ lines: first }]));
    const credited = creditedByLine(invoice, [{ lines: first }, { lines: second }]);
    expect(credited).toEqual([900, 3000]);
    expect(() => creditNoteLines(invoice, [{ lineIndex: 1, netCents: 7001 }], credited)).toThrow(/il ne reste que 70,00/);
    expect(creditNoteLines(invoice, 'full', credited).map((l) => l.netCents)).toEqual([-9000, -7000]);
  });

  it('ignores lines that credit another invoice', () => {
    expect(creditedByLine(invoice, [{ lines: [{ label: 'Avoir sur facture F-2026-000001 – Régularisation dépassement octobre 2026', netCents: -100 }] }])).toEqual([0, 0]);
  });
});
