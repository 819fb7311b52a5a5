import { explained, type Explained } from '../explain';
import { isEuMemberState, normalizeIdentifier, vatNumberProblemMessage } from '../model/identifiers';
import { message, refusalError, type Message } from '../messages';

/**
 * VAT regime of a client (§5.3: prices are HT, the client bears the taxes;
 * DOMAIN.md, Billing). Services to a business are taxed where the client is
 * established (CGI art. 259-1; directive 2006/112/CE art. 44 and 196).
 */
export interface VatClient {
  /** ISO 3166-1 alpha-2 country code ("FR", "DE", "GR", "CH"). */
  country: string;
  /** Intra-EU VAT number, with its prefix ("DE123456789", "EL123456789"). */
  vatNumber?: string;
}

export interface VatRegime {
  ratePercent: number;
  /** Mention printed on the invoice, or null when none is required. */
  mention: string | null;
  /** Warning for the account manager about the client's data (a code, said in the interface's language), or null. */
  warning: Message | null;
}

export const FRENCH_VAT_RATE_PERCENT = 20;
export const REVERSE_CHARGE_MENTION = 'Autoliquidation – article 196 de la directive 2006/112/CE';
export const OUTSIDE_EU_MENTION = 'TVA non applicable – article 259-1 du CGI';

/** ISO 3166-1 alpha-2 officially assigned codes (249), alphabetical: the client form's country picker lists them. */
export const ISO_COUNTRY_CODES: readonly string[] = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
    'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
    'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');
const ISO_COUNTRIES = new Set(ISO_COUNTRY_CODES);

/**
 * Monaco belongs to the French VAT territory (convention franco-monégasque du
 * 18 mai 1963): a Monegasque client is taxed as a French one.
 */
const FRENCH_VAT_TERRITORY: readonly string[] = ['FR', 'MC'];

function normalizeCountry(country: string): string {
  const code = typeof country === 'string' ? country.trim().toUpperCase() : '';
  if (!ISO_COUNTRIES.has(code)) {
    throw refusalError('INVALID_COUNTRY', message('refusal.vat.country', { country: String(country).slice(0, 100) }));
  }
  return code;
}

export function vatRegimeExplained(client: VatClient): Explained<VatRegime> {
  const country = normalizeCountry(client.country);
  if (FRENCH_VAT_TERRITORY.includes(country)) {
    return explained(
      { ratePercent: FRENCH_VAT_RATE_PERCENT, mention: null, warning: null },
      '§5.3',
      `Client établi en France${country === 'MC' ? ' (Monaco, territoire fiscal français)' : ''} : TVA française à 20 % (§5.3).`,
    );
  }
  if (!isEuMemberState(country)) {
    return explained(
      { ratePercent: 0, mention: OUTSIDE_EU_MENTION, warning: null },
      '§5.3',
      `Client établi hors de l'Union européenne (${country}) : prestation non soumise à la TVA française, article 259-1 du CGI (§5.3).`,
    );
  }
  const vatNumber = normalizeIdentifier(client.vatNumber ?? '');
  // The format check is the client file's (model/identifiers), so that a number
  // accepted there is the one that earns reverse charge here.
  const problem = vatNumber ? vatNumberProblemMessage(country, vatNumber) : null;
  if (vatNumber && !problem) {
    return explained(
      { ratePercent: 0, mention: REVERSE_CHARGE_MENTION, warning: null },
      '§5.3',
      `Client assujetti établi dans l'Union européenne (${country}, ${vatNumber}) : autoliquidation de la TVA par le client, article 196 de la directive 2006/112/CE (§5.3).`,
    );
  }
  // Reverse charge needs the client's valid intra-EU number; without one the
  // seller stays liable, so French VAT applies until the number is known.
  const warning = problem
    ? message('rule.vat.invalidNumber', { problem: { rule: problem }, number: vatNumber })
    : message('rule.vat.noNumber', { country });
  return explained(
    { ratePercent: FRENCH_VAT_RATE_PERCENT, mention: null, warning },
    '§5.3',
    `Client établi dans l'Union européenne (${country}) sans numéro de TVA intracommunautaire valide : TVA française à 20 % (§5.3).`,
  );
}

export function vatRegime(client: VatClient): VatRegime {
  return vatRegimeExplained(client).value;
}
