import { acceptIssuedNumber, parseDocumentNumber, seriesName, seriesPrefixOf } from '../../src-core/billing';
import { DomainError } from '../../src-core/errors';
import { message, type Message } from '../../src-core/messages';
import type { DeviceGrantRequest, DeviceGrantResponse, WireRecord } from '../../src-core/sync';
import type { Db, Queryable } from '../storage/db';
import { HttpError } from '../http/errors';
import { claimDevice, type DeviceCaller } from './device-owner';
import { futureIssueDateRefusal } from './issue-date';
import { lockWrites } from '../sync/record-store';
import { loadSeries, saveSeries } from './series-store';

/** Gives a laptop its series for a year and kind; asking again returns the same grant. Only to the device's owner (device-owner). */
export async function grantDeviceSeries(db: Db, caller: DeviceCaller, request: DeviceGrantRequest): Promise<DeviceGrantResponse> {
  const { userId } = caller;
  return db.transaction(async (tx) => {
    await lockWrites(tx);
    const deviceCode = await deviceCodeFor(tx, request.deviceId);
    const refusal = await claimDevice(tx, request.deviceId, caller);
    if (refusal) throw new HttpError(403, 'DEVICE_OF_ANOTHER_USER', refusal);
    const series = await loadSeries(tx, seriesPrefixOf(request.kind), request.year, deviceCode);
    await tx.query(
      `insert into device_grants (device_id, year, kind, series, granted_by) values ($1, $2, $3, $4, $5)
       on conflict (device_id, year, kind) do nothing`,
      [request.deviceId, request.year, request.kind, seriesName(series), userId],
    );
    return { ...request, deviceCode, prefix: `${seriesName(series)}-`, lastNumber: series.lastNumber };
  });
}

/**
 * A device keeps one code for life (D01, D02…: a letter first, as
 * src-core/billing requires, so it never reads like a central number).
 */
async function deviceCodeFor(tx: Queryable, deviceId: string): Promise<string> {
  const [known] = await tx.query<{ code: string }>('select code from devices where device_id = $1', [deviceId]);
  if (known) return known.code;
  const [{ ordinal } = { ordinal: 1 }] = await tx.query<{ ordinal: number }>('select coalesce(max(ordinal), 0) + 1 as ordinal from devices');
  const code = `D${String(ordinal).padStart(2, '0')}`;
  await tx.query('insert into devices (device_id, ordinal, code) values ($1, $2, $3)', [deviceId, ordinal, code]);
  return code;
}

/**
 * A laptop pushes a document it issued offline: its number must belong to a
 * series granted to that laptop and follow that series without gap and in
 * date order (src-core/billing acceptIssuedNumber), pushed by the device's
 * owner, dated no later than today. Returns the refusal reason, or undefined
 * once the series has advanced.
 */
export async function registerDeviceNumber(tx: Queryable, deviceId: string, invoice: WireRecord, caller: DeviceCaller): Promise<Message | string | undefined> {
  const number = String(invoice.number);
  const future = futureIssueDateRefusal(String(invoice.issueDate));
  if (future) return future;
  try {
    const parsed = parseDocumentNumber(number);
    if (parsed.deviceCode === undefined) return message('sync.refusal.centralSeries', { number });
    const series = await loadSeries(tx, parsed.prefix, parsed.year, parsed.deviceCode);
    const granted = await tx.query('select 1 from device_grants where device_id = $1 and series = $2', [deviceId, seriesName(series)]);
    if (granted.length === 0) return message('sync.refusal.seriesNotGranted', { series: seriesName(series) });
    const notOwner = await claimDevice(tx, deviceId, caller);
    if (notOwner) return notOwner;
    await saveSeries(tx, acceptIssuedNumber(series, number, String(invoice.issueDate)));
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error.said ?? error.message;
    throw error;
  }
}
