import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushResponseSchema, type PushResponse } from '../../src-core/sync';
import { demoPriceListRecord } from '../../src-core/demo';
import { createUser } from '../../src-server/auth/users';
import type { ApiClient } from './support/api';
import { clientRecord, contractRecord, mutation } from './support/fixtures';
import type { ServerProcess } from './support/server-process';
import { storageVariants, type TestStorage } from './support/storages';
import { serveSeeded } from './support/served';

const STARTUP_TIMEOUT = 180_000;

/** Two laptops that gave the same contract reference offline: the central API keeps the first and refuses the second. */
describe.each(storageVariants())('références de contrat uniques — stockage $name', ({ open }) => {
  let storage: TestStorage;
  let server: ServerProcess;
  let api: ApiClient;
  let token = '';

  beforeAll(async () => {
    ({ storage, server, api } = await serveSeeded(open, async (db) => {
      token = (await createUser(db, 'alice', 'account_manager')).token;
    }));
  }, STARTUP_TIMEOUT);

  afterAll(async () => {
    await server?.stop();
    await storage?.dispose();
  }, STARTUP_TIMEOUT);

  const pushOne = async (deviceId: string, m: ReturnType<typeof mutation>) => {
    const answer = await api.post<PushResponse>('/sync/push', token, { deviceId, mutations: [m] });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return pushResponseSchema.parse(answer.body).results[0]!;
  };

  it('refuses the second laptop’s contract with the same reference, in French, and stores nothing of it', async () => {
    expect(await pushOne('laptop-a', mutation('laptop-a', 'clients', 'cl-1', clientRecord('Acme GmbH')))).toMatchObject({ status: 'applied' });
    expect(await pushOne('laptop-b', mutation('laptop-b', 'clients', 'cl-2', clientRecord('Beta AG')))).toMatchObject({ status: 'applied' });
    expect(await pushOne('laptop-a', mutation('laptop-a', 'contracts', 'k-a', contractRecord('cl-1', 'CT-2026-00042')))).toMatchObject({ status: 'applied', version: 1 });

    const second = await pushOne('laptop-b', mutation('laptop-b', 'contracts', 'k-b', contractRecord('cl-2', 'ct-2026-00042 ')));
    expect(second).toMatchObject({ status: 'rejected', reason: 'La référence ct-2026-00042 est déjà celle d’un autre contrat : choisissez-en une autre.' });

    const pulled = await api.post<{ changes: { recordId: string }[] }>('/sync/pull', token, { cursor: '0', limit: 100, entities: ['contracts'] });
    expect(pulled.body.changes.map((c) => c.recordId)).toEqual(['k-a']);
  });

  it('accepts it under another reference, then refuses an edit onto the taken one; the contract may be re-sent with its own', async () => {
    expect(await pushOne('laptop-b', mutation('laptop-b', 'contracts', 'k-b', contractRecord('cl-2', 'CT-2026-00043')))).toMatchObject({ status: 'applied', version: 1 });
    expect(await pushOne('laptop-b', mutation('laptop-b', 'contracts', 'k-b', { reference: 'CT-2026-00042' }, 1))).toMatchObject({ status: 'rejected' });
    expect(await pushOne('laptop-b', mutation('laptop-b', 'contracts', 'k-b', { reference: 'CT-2026-00043', paymentTermDays: 45 }, 1))).toMatchObject({ status: 'applied', version: 2 });
  });

  it('refuses a notice received in the future and a start before the first price list', async () => {
    const future = await pushOne('laptop-a', mutation('laptop-a', 'contracts', 'k-a', { status: 'notice_received', terminationNotice: { receivedOn: '2099-01-15', channel: 'email' }, terminationEffectiveDate: '2099-02-28' }, 1));
    expect(future).toMatchObject({ status: 'rejected' });
    expect(future.status === 'rejected' && future.reason).toMatch(/Un préavis ne peut pas avoir été reçu dans le futur \(15\/01\/2099/);
    const early = await pushOne('laptop-a', mutation('laptop-a', 'contracts', 'k-early', contractRecord('cl-1', 'CT-2024-00001')));
    expect(early).toMatchObject({ status: 'applied' });
    const before = await pushOne('laptop-a', mutation('laptop-a', 'contracts', 'k-before', { ...contractRecord('cl-1', 'CT-2024-00002'), startDate: '2024-08-01' }));
    expect(before.status === 'rejected' && before.reason).toMatch(/avant la première grille tarifaire \(01\/09\/2024\)/);
  });

  it('refuses a contract naming a price list the server does not hold; once the list is pushed, the contract is accepted (issue 19)', async () => {
    const unknown = await pushOne('laptop-a', mutation('laptop-a', 'contracts', 'k-2027', { ...contractRecord('cl-1', 'CT-2027-00001'), priceListId: 'PL-TEST-2027', startDate: '2027-02-01' }));
    expect(unknown).toMatchObject({ status: 'rejected', reason: 'Grille tarifaire inconnue : « PL-TEST-2027 ».' });
    // A second list, for this test only (not a real DOKOS list): stored lists replace the built-in seed as the reference.
    const list = { ...demoPriceListRecord(), id: 'PL-TEST-2027', label: 'Grille de test 2027', effectiveFrom: '2027-01-01' };
    expect(await pushOne('laptop-a', mutation('laptop-a', 'priceLists', 'PL-TEST-2027', list))).toMatchObject({ status: 'applied' });
    expect(await pushOne('laptop-a', mutation('laptop-a', 'priceLists', 'PL-2024-09-01', demoPriceListRecord()))).toMatchObject({ status: 'applied' });
    const known = await pushOne('laptop-a', mutation('laptop-a', 'contracts', 'k-2027', { ...contractRecord('cl-1', 'CT-2027-00001'), priceListId: 'PL-TEST-2027', startDate: '2027-02-01' }));
    expect(known).toMatchObject({ status: 'applied' });
  });
});
