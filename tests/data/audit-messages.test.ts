import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SETTINGS, messageFr, PRICE_LIST_2024_09_01, type Message } from '../../src-core';
import { translateMessage } from '../../src-renderer/i18n/translate';
import { ACTOR, CLIENT_INPUT, openTestData } from './helpers';

/**
 * The history's lines are stored with their message code and values beside
 * the French sentence (issue 19): the French stays as it was (old entries only
 * have it), and the client's history says a new line in the interface's language.
 */
describe('audit entries written as messages', () => {
  it('keep their French summary and store the code and values it was made from', async () => {
    const { commands, repos } = await openTestData();
    const client = await commands.clients.create(CLIENT_INPUT, ACTOR);
    const contract = await commands.contracts.create({ clientId: client.id, reference: 'CT-2026-00001', tier: 'T49', priceListId: PRICE_LIST_2024_09_01.id, startDate: '2026-06-01' }, ACTOR);
    await commands.usage.importMonths([{ contractId: contract.id, month: '2026-10', cpuHours: 0.5, databaseGB: 0.5, storageGB: 1 }, { contractId: contract.id, month: '2026-11', cpuHours: 0.5, databaseGB: 0.5, storageGB: 1 }], ACTOR);

    const entries = await repos.audit.ofClient(client.id);
    const byAction = new Map(entries.map((e) => [e.action, e]));
    const created = byAction.get('create')!;
    expect(created).toMatchObject({ summary: 'Création du client « Boulangerie Martin SARL ».', code: 'audit.client.create', params: { name: 'Boulangerie Martin SARL' } });
    const imported = byAction.get('usage_import')!;
    expect(imported.summary).toBe('Consommation importée pour le contrat CT-2026-00001 : octobre 2026, novembre 2026.');
    for (const entry of entries.filter((e) => e.code)) {
      const said: Message = { code: entry.code!, ...(entry.params ? { params: entry.params } : {}) };
      // The stored French is the message's own French; English says it otherwise.
      expect(messageFr(said)).toBe(entry.summary);
      expect(translateMessage('en', said)).not.toBe(entry.summary);
    }
    expect(translateMessage('en', { code: imported.code!, params: imported.params! })).toBe('Usage imported for contract CT-2026-00001: October 2026, November 2026.');
    expect(entries.filter((e) => e.code).map((e) => e.code).sort()).toEqual(['audit.client.create', 'audit.contract.create', 'audit.usage.import']);
  });
});

// s13: the history lines still written in French only — a usage month, a termination notice, a client's removal, a setting — are messages too.
describe('audit entries written as messages, s13', () => {
  it('a usage month, a termination notice, a client removed and a setting changed say their line in English', async () => {
    const { ctx, commands, repos } = await openTestData();
    const client = await commands.clients.create(CLIENT_INPUT, ACTOR);
    const contract = await commands.contracts.create({ clientId: client.id, reference: 'CT-2026-00002', tier: 'T49', priceListId: PRICE_LIST_2024_09_01.id, startDate: '2026-06-01' }, ACTOR);
    await commands.usage.recordMonth(contract.id, { month: '2026-07', cpuHours: 1, databaseGB: 1, storageGB: 1 }, ACTOR);
    await commands.contracts.recordTerminationNotice(contract.id, { receivedOn: '2026-07-10', channel: 'email' }, ACTOR);
    const said = async (action: string) => {
      const entry = (await repos.audit.ofClient(client.id)).find((e) => e.action === action)!;
      expect(entry.code, action).toBeDefined();
      const m: Message = { code: entry.code!, ...(entry.params ? { params: entry.params } : {}) };
      expect(messageFr(m)).toBe(entry.summary);
      return { fr: entry.summary, en: translateMessage('en', m) };
    };
    expect(await said('usage_month')).toEqual({ fr: 'Consommation de juillet 2026 enregistrée pour le contrat CT-2026-00002.', en: 'Usage of July 2026 recorded for contract CT-2026-00002.' });
    expect(await said('termination_notice')).toEqual({ fr: 'Préavis de résiliation reçu le 10/07/2026 : résiliation effective le 31/08/2026 (§1).', en: expect.stringMatching(/^Termination notice received on .+: termination effective on .+ \(§1\)\.$/) });

    await commands.clients.remove(client.id, ACTOR);
    const removed = (await repos.audit.ofClient(client.id)).filter((e) => e.action === 'delete').map((e) => translateMessage('en', { code: e.code!, params: e.params ?? {} }));
    expect(removed.sort()).toEqual(['Client “Boulangerie Martin SARL” deleted (created by mistake).', 'Contract CT-2026-00002 deleted (client removed).', 'Usage deleted (client removed).']);

    await commands.settings.set('ruleSettings', DEFAULT_RULE_SETTINGS, ACTOR);
    const setting = (await ctx.db.audit.toArray()).find((e) => e.entity === 'settings' && e.recordId === 'ruleSettings')!;
    expect(setting).toMatchObject({ summary: 'Paramètres des règles modifié.', code: 'audit.setting.update' });
    expect(translateMessage('en', { code: setting.code!, params: setting.params! })).toBe('Rule settings changed.');
  });
});
