import { DomainError } from './errors';
import { message, refusalError, type MessageParam } from './messages';

/**
 * Money is integer euro cents (DOMAIN.md, Conventions); never a binary float.
 * Products and ratios are computed on integers (BigInt where they may exceed
 * 2^53) and rounded half away from zero, to the cent.
 */
export type Cents = number;

/** What an amount is, in a refusal: the word `code.amountWhat.<what>` ("Montant payé"). */
export type AmountWhat = 'amount' | 'lineNet' | 'paid' | 'refunded' | 'offset' | 'total' | 'alreadyCredited' | 'toCredit' | 'unpaid' | 'monthlyPrice' | 'payment' | 'offsetIn' | 'credited';
const amountWhat = (what: AmountWhat): MessageParam => ({ word: `code.amountWhat.${what}` });

export function assertCents(value: number, what: AmountWhat = 'amount'): Cents {
  if (!Number.isSafeInteger(value)) throw refusalError('INVALID_AMOUNT', message('refusal.amount.cents', { what: amountWhat(what) }));
  return value;
}

export function assertNonNegativeCents(value: number, what: AmountWhat = 'amount'): Cents {
  assertCents(value, what);
  if (value < 0) throw refusalError('INVALID_AMOUNT', message('refusal.amount.negative', { what: amountWhat(what), amount: { cents: value } }));
  return value;
}

/** numerator / denominator rounded half away from zero, exact on integers. */
export function divRoundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw refusalError('INVALID_NUMBER', message('refusal.money.divisionByZero'));
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/** amount × numerator / denominator, rounded half away from zero. */
export function mulDivRound(amount: Cents, numerator: number, denominator: number): Cents {
  assertCents(amount);
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    throw refusalError('INVALID_NUMBER', message('refusal.money.factor', { numerator: String(numerator), denominator: String(denominator) }));
  }
  return Number(divRoundHalfAwayFromZero(BigInt(amount) * BigInt(numerator), BigInt(denominator)));
}

/**
 * amount × percent / 100 where the percent may carry up to two decimals
 * (20, 5.5, 2.1): scaled to hundredths so the product stays exact.
 */
export function applyPercent(amount: Cents, percent: number): Cents {
  const hundredths = Math.round(percent * 100);
  if (Math.abs(hundredths - percent * 100) > 1e-6) {
    throw refusalError('INVALID_NUMBER', message('refusal.money.rate', { percent: String(percent) }));
  }
  return mulDivRound(amount, hundredths, 10000);
}

/** Parses "1234,56", "1 234.56", "49" into cents, exactly (no float on the way). */
export function parseEuros(text: string): Cents {
  const cleaned = String(text).replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  // The French of 'refusal.amount.unreadable', written here: messages.ts formats its amounts with this module (tests/unit/refusal-messages.test.ts checks both agree).
  if (!m) throw new DomainError('INVALID_AMOUNT', `Montant illisible : « ${text} » (exemple : 1 234,56).`, { code: 'refusal.amount.unreadable', params: { text } });
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -cents : cents;
}

/**
 * "1 234,56 €" — French grouping with a plain no-break space (U+00A0), not the
 * narrow one (U+202F) that Intl uses: the PDF standard fonts cannot draw U+202F
 * (ARCHITECTURE.md), and one formatter for screen and paper keeps them equal.
 */
export function formatEuros(cents: Cents): string {
  assertCents(cents);
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  const grouped = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${negative ? '-' : ''}${grouped},${rest}\u00a0€`;
}
