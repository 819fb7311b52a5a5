import { addDays, formatDateFr, type IsoDate } from '../dates';
import { explained, type Explained } from '../explain';
import { addBusinessDays, assertWholeCount, isBusinessDay, nextBusinessDayOnOrAfter, type HolidayOptions } from './holidays';
import { formatParisInstant, parisWallClockToUtc, parseInstant, toParisWallClock, type IsoInstant, type ParisWallClock } from './paris-time';

const HOUR_MS = 3_600_000;
/** Support hours: 09:00–18:00 Europe/Paris on business days (§4.1). */
const OPENING_MS = 9 * HOUR_MS;
const CLOSING_MS = 18 * HOUR_MS;

function nextOpening(date: IsoDate, opts: HolidayOptions): ParisWallClock {
  return { date: nextBusinessDayOnOrAfter(addDays(date, 1), opts), msOfDay: OPENING_MS };
}

/** Where the clock starts: the report itself when inside support hours, else the next opening. */
function supportClockStart(reported: ParisWallClock, opts: HolidayOptions): ParisWallClock {
  if (!isBusinessDay(reported.date, opts) || reported.msOfDay >= CLOSING_MS) return nextOpening(reported.date, opts);
  return { date: reported.date, msOfDay: Math.max(reported.msOfDay, OPENING_MS) };
}

/**
 * Premium deadline for a blocking anomaly (§4.1, §5.1): N business hours counted
 * inside support hours from the report. T999 (4 h) reported Friday 17:00 →
 * Monday 12:00. Instants in and out carry their offset; the result is written
 * with the Paris offset in force at the result (+01:00 winter, +02:00 summer).
 */
export function supportDeadlineExplained(
  reportedAt: IsoInstant,
  businessHours: number,
  opts: HolidayOptions = {},
): Explained<IsoInstant> {
  let left = assertWholeCount(businessHours, { word: 'code.countWhat.businessHours' }) * HOUR_MS;
  let clock = supportClockStart(toParisWallClock(parseInstant(reportedAt)), opts);
  // Ending exactly at 18:00 stays on that day rather than jumping to the next opening.
  while (left > CLOSING_MS - clock.msOfDay) {
    left -= CLOSING_MS - clock.msOfDay;
    clock = nextOpening(clock.date, opts);
  }
  const deadline = formatParisInstant(parisWallClockToUtc({ date: clock.date, msOfDay: clock.msOfDay + left }));
  return explained(
    deadline,
    '§4.1, §5.1',
    `${businessHours} ${businessHours === 1 ? 'heure ouvrée décomptée' : 'heures ouvrées décomptées'} de 9 h à 18 h (heure de Paris) les jours ouvrés, à partir du signalement ou de l’ouverture suivante s’il est fait hors de ces heures.`,
  );
}

export function supportDeadline(reportedAt: IsoInstant, businessHours: number, opts: HolidayOptions = {}): IsoInstant {
  return supportDeadlineExplained(reportedAt, businessHours, opts).value;
}

/** A security fix released on D is deployed by D + 5 business days (§4.2). */
const SECURITY_UPDATE_BUSINESS_DAYS = 5;

export function securityUpdateDeadlineExplained(released: IsoDate, opts: HolidayOptions = {}): Explained<IsoDate> {
  return explained(
    addBusinessDays(released, SECURITY_UPDATE_BUSINESS_DAYS, opts),
    '§4.2',
    `Mise à jour déployée dans les cinq jours ouvrés suivant la publication du correctif de sécurité le ${formatDateFr(released)}.`,
  );
}

export function securityUpdateDeadline(released: IsoDate, opts: HolidayOptions = {}): IsoDate {
  return securityUpdateDeadlineExplained(released, opts).value;
}
