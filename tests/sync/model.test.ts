import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageVariants } from '../server/support/storages';
import { SERVER_TIMEOUT, startCentralServer, type CentralServer } from './support/central-server';
import { expectAppliedOnce, expectConverged, serverRecords } from './support/invariants';
import { openLaptop, type Laptop } from './support/laptop';
import { ACTOR, clientInput, draftInput, queuedIds } from './support/records';
import type { Fault } from './support/transport';
import type { RecordChange } from '../../src-core';

/**
 * Model: the invoice drafts each laptop owns (each laptop edits and deletes
 * only its own drafts, so every change must arrive: conflicts are covered by
 * the scenario tests), and one client per laptop. Every edit sets a due date
 * never used before, so a change applied twice or lost shows in the values
 * and in the versions. Values are also emptied: a client's partner (an
 * optional field, absent once empty) and a draft's VAT mention (a nullable
 * one, null once empty) are set and taken off again.
 */
interface Model {
  drafts: Map<string, { owner: number; dueDate: string; mention: string | null; edits: number }>;
  /** Each laptop's own client: its partner's name (undefined: none) and how many changes it had. */
  clients: { partner: string | undefined; edits: number }[];
}

interface World {
  server: CentralServer;
  laptops: Laptop[];
  /** The client of each laptop (index = laptop); the drafts are the first one's. */
  clientIds: string[];
  nextDate: () => string;
}

let restartsLeft = 1;
const INITIAL_PARTNER = 'Partenaire initial';
const PARTNER_EMAIL = 'partenaire@exemple.fr';
const mutationIds = new Set<string>();

const remember = async (laptop: Laptop) => (await queuedIds(laptop)).forEach((id) => mutationIds.add(id));

class Create implements fc.AsyncCommand<Model, World> {
  constructor(readonly laptop: number) {}
  check = () => true;
  async run(model: Model, world: World) {
    const dueDate = world.nextDate();
    const draft = await world.laptops[this.laptop]!.data.commands.invoices.createDraft(draftInput(world.clientIds[0]!, dueDate), ACTOR);
    model.drafts.set(draft.id, { owner: this.laptop, dueDate, mention: null, edits: 0 });
    await remember(world.laptops[this.laptop]!);
  }
  toString = () => `create(${this.laptop})`;
}

class Edit implements fc.AsyncCommand<Model, World> {
  constructor(readonly laptop: number, readonly pick: number) {}
  check = (model: Model) => [...model.drafts.values()].some((d) => d.owner === this.laptop);
  async run(model: Model, world: World) {
    const own = [...model.drafts].filter(([, d]) => d.owner === this.laptop);
    const [id, draft] = own[this.pick % own.length]!;
    draft.dueDate = world.nextDate();
    draft.edits++;
    await world.laptops[this.laptop]!.data.commands.invoices.updateDraft(id, { dueDate: draft.dueDate }, ACTOR);
    await remember(world.laptops[this.laptop]!);
  }
  toString = () => `edit(${this.laptop}, ${this.pick})`;
}

/** Sets a draft's VAT mention to a new text, or empties it (null). */
class Mention implements fc.AsyncCommand<Model, World> {
  constructor(readonly laptop: number, readonly pick: number, readonly set: boolean) {}
  check = (model: Model) => [...model.drafts.values()].some((d) => d.owner === this.laptop);
  async run(model: Model, world: World) {
    const own = [...model.drafts].filter(([, d]) => d.owner === this.laptop);
    const [id, draft] = own[this.pick % own.length]!;
    const mention = this.set ? `Mention ${world.nextDate()}` : null;
    if (mention !== draft.mention) draft.edits++;
    draft.mention = mention;
    await world.laptops[this.laptop]!.data.commands.invoices.updateDraft(id, { vatMention: mention }, ACTOR);
    await remember(world.laptops[this.laptop]!);
  }
  toString = () => `mention(${this.laptop}, ${this.pick}, ${this.set ? 'set' : 'clear'})`;
}

/** Gives the laptop's own client a new partner, or takes it off (the field becomes absent). */
class Partner implements fc.AsyncCommand<Model, World> {
  constructor(readonly laptop: number, readonly set: boolean) {}
  check = () => true;
  async run(model: Model, world: World) {
    const client = model.clients[this.laptop]!;
    const name = this.set ? `Partenaire ${world.nextDate()}` : undefined;
    if (name !== client.partner) client.edits++;
    client.partner = name;
    const partner = name ? { name, email: PARTNER_EMAIL } : undefined;
    await world.laptops[this.laptop]!.data.commands.clients.update(world.clientIds[this.laptop]!, { partner }, ACTOR);
    await remember(world.laptops[this.laptop]!);
  }
  toString = () => `partner(${this.laptop}, ${this.set ? 'set' : 'clear'})`;
}

class Delete implements fc.AsyncCommand<Model, World> {
  constructor(readonly laptop: number, readonly pick: number) {}
  check = (model: Model) => [...model.drafts.values()].some((d) => d.owner === this.laptop);
  async run(model: Model, world: World) {
    const own = [...model.drafts].filter(([, d]) => d.owner === this.laptop);
    const [id] = own[this.pick % own.length]!;
    model.drafts.delete(id);
    await world.laptops[this.laptop]!.data.commands.invoices.deleteDraft(id, ACTOR);
    await remember(world.laptops[this.laptop]!);
  }
  toString = () => `delete(${this.laptop}, ${this.pick})`;
}

class Sync implements fc.AsyncCommand<Model, World> {
  constructor(readonly laptop: number) {}
  check = () => true;
  async run(_model: Model, world: World) {
    // Offline or faulty: the sync may fail; the invariants are checked at the end.
    await world.laptops[this.laptop]!.engine.syncNow().catch(() => undefined);
  }
  toString = () => `sync(${this.laptop})`;
}

class SetOnline implements fc.AsyncCommand<Model, World> {
  constructor(readonly laptop: number, readonly online: boolean) {}
  check = () => true;
  async run(_model: Model, world: World) {
    world.laptops[this.laptop]!.transport.setOnline(this.online);
  }
  toString = () => `${this.online ? 'online' : 'offline'}(${this.laptop})`;
}

class InjectFault implements fc.AsyncCommand<Model, World> {
  constructor(readonly laptop: number, readonly fault: Fault) {}
  check = () => true;
  async run(_model: Model, world: World) {
    world.laptops[this.laptop]!.transport.plan([this.fault], '/sync/push');
  }
  toString = () => `fault(${this.laptop}, ${this.fault})`;
}

class Crash implements fc.AsyncCommand<Model, World> {
  constructor(readonly laptop: number) {}
  check = () => true;
  async run(_model: Model, world: World) {
    await world.laptops[this.laptop]!.crash();
  }
  toString = () => `crash(${this.laptop})`;
}

/** Costs seconds on the embedded storage: a small budget for the whole property. */
class RestartServer implements fc.AsyncCommand<Model, World> {
  check = () => restartsLeft > 0;
  async run(_model: Model, world: World) {
    restartsLeft--;
    await world.server.restart();
  }
  toString = () => 'restartServer';
}

const laptopIndex = fc.integer({ min: 0, max: 1 });
const commands = [
  laptopIndex.map((l) => new Create(l)),
  fc.tuple(laptopIndex, fc.nat(20)).map(([l, p]) => new Edit(l, p)),
  fc.tuple(laptopIndex, fc.nat(20)).map(([l, p]) => new Delete(l, p)),
  fc.tuple(laptopIndex, fc.nat(20), fc.boolean()).map(([l, p, set]) => new Mention(l, p, set)),
  fc.tuple(laptopIndex, fc.boolean()).map(([l, set]) => new Partner(l, set)),
  laptopIndex.map((l) => new Sync(l)),
  fc.tuple(laptopIndex, fc.boolean()).map(([l, online]) => new SetOnline(l, online)),
  fc.tuple(laptopIndex, fc.constantFrom<Fault>('cut', 'loseAnswer', 'duplicate', 'replayLater', 'error500')).map(([l, f]) => new InjectFault(l, f)),
  laptopIndex.map((l) => new Crash(l)),
  fc.constant(new RestartServer()),
];

describe.each(storageVariants())('$name : modèle aléatoire : créer, modifier, supprimer, hors ligne, panne, doublon, redémarrage', ({ open }) => {
  let server: CentralServer;
  let run = 0;

  beforeAll(async () => {
    // The commands' shared state starts afresh for each storage: each server answers for its own mutations.
    mutationIds.clear();
    restartsLeft = 1;
    server = await startCentralServer(open);
  }, SERVER_TIMEOUT);

  afterAll(async () => {
    await server?.dispose();
  }, SERVER_TIMEOUT);

  it('le serveur et chaque poste finissent avec les données du modèle, chaque mutation appliquée une fois', async () => {
    let day = 0;
    const nextDate = () => new Date(Date.UTC(2027, 0, 1) + day++ * 86_400_000).toISOString().slice(0, 10);
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 25 }), async (cmds) => {
        run++;
        const laptops = [
          await openLaptop(`modele-${run}-a`, () => server.url(), { token: server.tokens.alice }),
          await openLaptop(`modele-${run}-b`, () => server.url(), { token: server.tokens.bob }),
        ];
        try {
          const clientIds: string[] = [];
          for (const [i, laptop] of laptops.entries()) {
            // Each starts with a partner, so that taking it off is a change from the first command on.
            clientIds.push((await laptop.data.commands.clients.create({ ...clientInput(`Modèle ${run}-${i}`), partner: { name: INITIAL_PARTNER, email: PARTNER_EMAIL } }, ACTOR)).id);
            await remember(laptop);
            await laptop.engine.syncNow();
          }
          await laptops[0]!.engine.syncNow();
          const model: Model = { drafts: new Map(), clients: laptops.map(() => ({ partner: INITIAL_PARTNER, edits: 0 })) };
          await fc.asyncModelRun(() => ({ model, real: { server, laptops, clientIds, nextDate } }), cmds);

          await expectConverged(server, laptops);
          const records = await serverRecords(server);
          const ofRun = [...records.values()].filter((c) => c.entity === 'invoices' && c.record?.clientId === clientIds[0]);
          const stored = (record: RecordChange['record']) => ({ dueDate: record!.dueDate, mention: record!.vatMention });
          expect(new Map(ofRun.map((c) => [c.recordId, stored(c.record)]))).toEqual(new Map([...model.drafts].map(([id, d]) => [id, { dueDate: d.dueDate, mention: d.mention }])));
          // Version = 1 (creation) + one per edit: an edit applied twice or lost would change it.
          for (const change of ofRun) expect(change.version).toBe(1 + model.drafts.get(change.recordId)!.edits);
          for (const [i, id] of clientIds.entries()) {
            const client = records.get(`clients/${id}`)!;
            const expected = model.clients[i]!;
            // An emptied partner is absent from the record, on the server as on both laptops (expectConverged).
            expect(client.record?.partner, `client ${i}`).toEqual(expected.partner ? { name: expected.partner, email: PARTNER_EMAIL } : undefined);
            expect(Object.hasOwn(client.record!, 'partner'), `client ${i}`).toBe(expected.partner !== undefined);
            expect(client.version, `client ${i}`).toBe(1 + expected.edits);
          }
        } finally {
          laptops.forEach((l) => l.close());
        }
      }),
      { numRuns: 15, endOnFailure: true },
    );
    await expectAppliedOnce(server, mutationIds);
  }, 240_000);
});
