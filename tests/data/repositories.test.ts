import { describe, expect, it } from 'vitest';
import { mutationSchema, ValidationError } from '../../src-core';
import { ACTOR, CLIENT_INPUT, counts, openTestData } from './helpers';

async function withClientAndContract() {
  const data = await openTestData();
  const client = await data.commands.clients.create(CLIENT_INPUT, ACTOR);
  const contract = await data.commands.contracts.create({ clientId: client.id, reference: 'CT-2026-00001', tier: 'T99', priceListId: 'PL-2024-09-01', startDate: '2026-03-16' }, ACTOR);
  return { ...data, client, contract };
}

describe('repositories write record, audit entry and outbox mutation together', () => {
  it('creating a client', async () => {
    const { db, repos, commands } = await openTestData();
    const client = await commands.clients.create({ ...CLIENT_INPUT, siren: '732 829 320' }, ACTOR);
    expect(await db.clients.get(client.id)).toEqual(client);
    expect(client).toMatchObject({ siren: '732829320', version: 0, createdAt: '2026-11-27T10:00:00+01:00' });
    const [audit] = await repos.audit.ofClient(client.id);
    expect(audit).toMatchObject({ actor: ACTOR, entity: 'clients', recordId: client.id, action: 'create', summary: 'Création du client « Boulangerie Martin SARL ».' });
    const { seq: _seq, ...mutation } = (await repos.outbox.pending())[0]!;
    // The outbox's local sequence is not part of the wire format, whose objects refuse unknown keys.
    expect(mutationSchema.parse(mutation)).toMatchObject({ entity: 'clients', recordId: client.id, op: 'upsert', baseVersion: 0, deviceId: 'device-test' });
    expect(mutation.changes).toMatchObject({ legalName: 'Boulangerie Martin SARL', siren: '732829320' });
  });

  it('updating sends only the changed fields', async () => {
    const { repos, commands, client } = await withClientAndContract();
    const updated = await commands.clients.update(client.id, { contact: { ...CLIENT_INPUT.contact, phone: '03 83 99 99 99' } }, ACTOR);
    expect(updated.contact.phone).toBe('03 83 99 99 99');
    const pending = await repos.outbox.pending();
    expect(pending).toHaveLength(3);
    expect(Object.keys(pending[2]!.changes)).toEqual(['contact']);
    expect((await repos.audit.ofRecord('clients', client.id))[0]!.fields).toEqual(['contact']);
  });

  it('a tier change is one atomic write with its history entry', async () => {
    const { db, repos, commands, contract } = await withClientAndContract();
    const changed = await commands.contracts.applyTierChange(contract.id, 'T199', '2026-12', ACTOR);
    expect(changed.tier).toBe('T199');
    expect(changed.history).toEqual([{ kind: 'tier_change', at: '2026-11-27T10:00:00+01:00', actor: ACTOR, fromMonth: '2026-12', fromTier: 'T99', toTier: 'T199' }]);
    expect(await db.contracts.get(contract.id)).toEqual(changed);
    const audit = await repos.audit.ofRecord('contracts', contract.id);
    expect(audit[0]).toMatchObject({ action: 'tier_change', summary: 'Changement de formule T99 → T199 à partir de décembre 2026.' });
    const last = (await repos.outbox.pending()).at(-1)!;
    expect(Object.keys(last.changes).sort()).toEqual(['history', 'tier']);
    expect(last.baseVersion).toBe(0);
  });

  it('refuses tier changes that make no sense, writing nothing', async () => {
    const { db, commands, contract } = await withClientAndContract();
    const before = await counts(db);
    await expect(commands.contracts.applyTierChange(contract.id, 'T99', '2026-12', ACTOR)).rejects.toThrow(/déjà en formule T99/);
    await expect(commands.contracts.applyTierChange(contract.id, 'T50' as 'T99', '2026-12', ACTOR)).rejects.toThrow(/Formule inconnue/);
    await expect(commands.contracts.applyTierChange(contract.id, 'T199', '2026-13', ACTOR)).rejects.toThrow(/Mois invalide/);
    await expect(commands.contracts.applyTierChange(contract.id, 'T199', '2026-01', ACTOR)).rejects.toThrow(/précéder le début/);
    await expect(commands.contracts.applyTierChange('nope', 'T199', '2026-12', ACTOR)).rejects.toThrow(/Contrat introuvable/);
    await commands.contracts.applyTierChange(contract.id, 'T199', '2027-01', ACTOR);
    await expect(commands.contracts.applyTierChange(contract.id, 'T499', '2026-12', ACTOR)).rejects.toThrow(/postérieur/);
    expect((await counts(db)).outbox).toBe(before.outbox! + 1);
  });

  it('records a termination notice: status and effective date at the end of the next month', async () => {
    const { repos, commands, contract } = await withClientAndContract();
    // The test clock is 27/11/2026: a notice is recorded once received, never ahead (issue 15).
    const noticed = await commands.contracts.recordTerminationNotice(contract.id, { receivedOn: '2026-10-31', channel: 'registered_letter' }, ACTOR);
    expect(noticed).toMatchObject({ status: 'notice_received', terminationEffectiveDate: '2026-11-30', terminationNotice: { receivedOn: '2026-10-31', channel: 'registered_letter' } });
    expect((await repos.audit.ofClient(contract.clientId))[0]!.summary).toBe('Préavis de résiliation reçu le 31/10/2026 : résiliation effective le 30/11/2026 (§1).');
    // November has begun (27/11/2026): only a change confirmed as retroactive is accepted.
    await expect(commands.contracts.applyTierChange(contract.id, 'T199', '2026-11', ACTOR)).rejects.toThrow(/confirmez explicitement un changement rétroactif/);
    await expect(commands.contracts.applyTierChange(contract.id, 'T199', '2026-11', ACTOR, { retroactive: true })).resolves.toMatchObject({ history: expect.arrayContaining([expect.objectContaining({ kind: 'tier_change', retroactive: true })]) });
    // A second notice would not bring the termination forward: the lifecycle refuses it.
    await expect(commands.contracts.recordTerminationNotice(contract.id, { receivedOn: '2026-11-10', channel: 'email' }, ACTOR)).rejects.toThrow(/Transition impossible/);
  });

  it('a notice before the start is refused by the lifecycle', async () => {
    const { commands, contract } = await withClientAndContract();
    await expect(commands.contracts.recordTerminationNotice(contract.id, { receivedOn: '2026-01-10', channel: 'email' }, ACTOR)).rejects.toThrow(/Transition impossible/);
  });

  it('usage months are merged into the contract document', async () => {
    const { repos, commands, contract } = await withClientAndContract();
    await commands.usage.recordMonth(contract.id, { month: '2026-10', cpuHours: 1, databaseGB: 0.4, storageGB: 3 }, ACTOR);
    const doc = await commands.usage.recordMonth(contract.id, { month: '2026-09', cpuHours: 2, databaseGB: 0.4, storageGB: 3 }, ACTOR);
    expect(doc.months.map((m) => m.month)).toEqual(['2026-09', '2026-10']);
    expect(await repos.usage.ofContract(contract.id)).toEqual(doc);
    await expect(commands.usage.recordMonth('nope', { month: '2026-09', cpuHours: 2, databaseGB: 0.4, storageGB: 3 }, ACTOR)).rejects.toThrow(/Contrat introuvable/);
  });
});

describe('a refused input writes nothing', () => {
  it('invalid client: French field messages, no table touched', async () => {
    const { db, commands } = await openTestData();
    const before = await counts(db);
    const error = await commands.clients.create({ ...CLIENT_INPUT, siren: '732829321' }, ACTOR).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toContain('SIREN invalide : la clé de contrôle (Luhn) ne correspond pas.');
    expect(await counts(db)).toEqual(before);
  });

  it('invalid update: the stored record is unchanged', async () => {
    const { db, commands, client } = await withClientAndContract();
    const before = await counts(db);
    await expect(commands.clients.update(client.id, { contact: { ...CLIENT_INPUT.contact, email: 'pas-un-email' } }, ACTOR)).rejects.toThrow(/Adresse e-mail invalide/);
    await expect(commands.clients.update('nope', {}, ACTOR)).rejects.toThrow(/Client introuvable/);
    expect(await counts(db)).toEqual(before);
    expect(await db.clients.get(client.id)).toEqual(client);
  });

  it('a contract for an unknown client', async () => {
    const { db, commands } = await openTestData();
    const before = await counts(db);
    await expect(commands.contracts.create({ clientId: 'ghost', reference: 'CT-1', tier: 'T19', priceListId: 'PL-2024-09-01', startDate: '2026-01-01' }, ACTOR)).rejects.toThrow(/Client introuvable/);
    expect(await counts(db)).toEqual(before);
  });
});

describe('a failure in the middle of a transaction rolls everything back', () => {
  it('the outbox write fails after the record and audit writes: none of them stays', async () => {
    const { db, repos, commands, ctx } = await openTestData();
    const client = await commands.clients.create(CLIENT_INPUT, ACTOR);
    const before = await counts(db);
    // Re-use the last mutation id: the outbox's unique index refuses it after the record and the audit entry were written.
    const lastMutationId = (await repos.outbox.pending())[0]!.mutationId;
    ctx.newId = () => lastMutationId;
    await expect(commands.clients.update(client.id, { legalName: 'Nouveau nom SAS' }, ACTOR)).rejects.toThrow();
    expect(await counts(db)).toEqual(before);
    expect((await db.clients.get(client.id))!.legalName).toBe('Boulangerie Martin SARL');
  });
});
