import { historyEntryMessages, message, messageOfFrench, toParisWallClock, parseInstant, type Contract, type ContractHistoryEntry, type Message } from '../../../src-core';
import type { AuditEntry } from '../../data';
import { useSayActor } from '../../components/actor';
import { useT, useFormat, useSay, type Formats } from '../../i18n';

interface TimelineItem {
  at: string;
  actor: string;
  /** The French sentence stored (old audit entries, the contracts' history): shown as is, marked French. */
  text: string;
  /** The sentence as a message code, said in the interface's language (audit entries written since issue 19, contract events). */
  said?: Message;
  /** French text the entry stores inside the sentence (a status change's reason, a rule src-core cannot say again): shown after it, marked French. */
  stored?: { text: string; parenthesised: boolean };
}

/** A contract event as a sentence of codes; what it stores in French is set apart (`stored`). */
function historyItem(reference: string, entry: ContractHistoryEntry): TimelineItem {
  const base = { at: entry.at, actor: entry.actor, text: '' };
  if (entry.kind === 'status_change' && entry.reason) {
    const { event, detail } = historyEntryMessages({ ...entry, reason: undefined });
    return { ...base, said: message('history.line', { reference, event: { message: event }, detail: { message: detail } }), stored: { text: entry.reason, parenthesised: true } };
  }
  if (entry.kind === 'termination' && !messageOfFrench(entry.rule)) {
    const { event, detail } = historyEntryMessages({ ...entry, rule: '' });
    return { ...base, said: message('history.line', { reference, event: { message: event }, detail: { message: detail } }), stored: { text: entry.rule, parenthesised: false } };
  }
  const { event, detail } = historyEntryMessages(entry);
  return { ...base, said: message('history.line', { reference, event: { message: event }, detail: { message: detail } }) };
}

/**
 * Contract events (tier changes, notices, status changes) come from the
 * contracts' own history, which is synced and also holds events made on other
 * laptops or by the demo; the audit log adds every other local change
 * (creation, edits, usage). Audit entries of those same events are skipped so
 * nothing is listed twice.
 */
const CONTRACT_EVENT_ACTIONS = new Set(['tier_change', 'termination_notice', 'status_change', 'termination', 'price_change', 'price_change_objection']);

function timelineItems(contracts: readonly Contract[], audit: readonly AuditEntry[]): TimelineItem[] {
  const fromHistory = contracts.flatMap((c) => c.history.map((entry) => historyItem(c.reference, entry)));
  const fromAudit = audit
    .filter((a) => !CONTRACT_EVENT_ACTIONS.has(a.action))
    .map((a): TimelineItem => ({ at: a.at, actor: a.actor, text: a.summary, ...(a.code ? { said: { code: a.code, ...(a.params ? { params: a.params } : {}) } } : {}) }));
  return [...fromHistory, ...fromAudit].sort((a, b) => parseInstant(b.at) - parseInstant(a.at));
}

/** "27/11/2026 14:05", Paris time. */
function formatInstant(at: string, fmt: Formats): string {
  const { date, msOfDay } = toParisWallClock(parseInstant(at));
  const minutes = Math.floor(msOfDay / 60_000);
  return `${fmt.date(date)} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function ClientTimeline({ contracts, audit }: { contracts: readonly Contract[]; audit: readonly AuditEntry[] }) {
  const fmt = useFormat();
  const t = useT();
  const say = useSay();
  const sayActor = useSayActor();
  const items = timelineItems(contracts, audit);
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('clients.timeline.title')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('clients.timeline.empty')}</p>
      ) : (
        <ol className="timeline" data-testid="timeline">
          {items.map((item, i) => (
            <li key={`${item.at}-${i}`}>
              <time dateTime={item.at}>{formatInstant(item.at, fmt)}</time>
              {item.said ? (
                <span className="timeline-text">
                  {say(item.said)}
                  {item.stored ? (item.stored.parenthesised ? <> (<span lang="fr">{item.stored.text}</span>)</> : <span lang="fr">{item.stored.text}</span>) : null}
                </span>
              ) : (
                <span className="timeline-text" lang="fr">{item.text}</span>
              )}
              <span className="timeline-actor">{sayActor(item.actor)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
