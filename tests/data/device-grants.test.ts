import { describe, expect, it } from 'vitest';
import { deviceCode, nextDocumentNumber, recordDeviceGrant, seriesToGrant } from '../../src-renderer/data/invoicing';
import { forgetServer } from '../../src-renderer/data/sync-state';
import { openTestData } from './helpers';

describe('the laptop’s series granted by the central API, stored with the series state', () => {
  it('asks this year’s series while standalone, continues from the server’s last number, asks again after a sign-out', async () => {
    const { ctx } = await openTestData();
    expect(await seriesToGrant(ctx, '2026-11-27')).toEqual([{ year: 2026, kind: 'invoice' }, { year: 2026, kind: 'credit_note' }]);
    expect(await nextDocumentNumber(ctx, 'invoice', '2026-11-27')).toEqual({ series: 'F-2026', number: 'F-2026-000001', granted: false });

    // The server has already received 4 numbers of this device's series (its data was erased and synced back).
    await recordDeviceGrant(ctx, { year: 2026, kind: 'invoice', deviceCode: 'D03', lastNumber: 4 });
    await recordDeviceGrant(ctx, { year: 2026, kind: 'credit_note', deviceCode: 'D03', lastNumber: 0 });
    expect(await seriesToGrant(ctx, '2026-11-27')).toEqual([]);
    expect(await nextDocumentNumber(ctx, 'invoice', '2026-11-27')).toEqual({ series: 'F-2026-D03', number: 'F-2026-D03-0005', granted: true });
    expect(await nextDocumentNumber(ctx, 'credit_note', '2026-11-27')).toEqual({ series: 'AV-2026-D03', number: 'AV-2026-D03-0001', granted: true });
    // A grant that knows less than the laptop never moves its series back.
    await recordDeviceGrant(ctx, { year: 2026, kind: 'invoice', deviceCode: 'D03', lastNumber: 1 });
    expect((await nextDocumentNumber(ctx, 'invoice', '2026-11-27')).number).toBe('F-2026-D03-0005');

    // A new year: its series are asked for (the laptop may number in it offline with its code before).
    expect(await seriesToGrant(ctx, '2027-01-02')).toEqual([{ year: 2027, kind: 'invoice' }, { year: 2027, kind: 'credit_note' }]);
    expect(await nextDocumentNumber(ctx, 'invoice', '2027-01-02')).toMatchObject({ number: 'F-2027-D03-0001', granted: false });

    // Signing out forgets the grants (the next server may be another), keeps the code its documents bear.
    await forgetServer(ctx.db);
    expect(await deviceCode(ctx)).toBe('D03');
    expect(await seriesToGrant(ctx, '2026-11-27')).toEqual([{ year: 2026, kind: 'invoice' }, { year: 2026, kind: 'credit_note' }]);
  });
});
