import type { EnvelopeModel } from '../../src-core';
import { renderEnvelopeCalibrationPdf } from '../documents';
import { ownedBytes, printPdf } from '../platform/pdf-output';

/** The window-frame page of an envelope model, to check the printer's alignment (letters overview and settings). */
export function printCalibration(envelope: EnvelopeModel): Promise<void> {
  return printPdf(ownedBytes(renderEnvelopeCalibrationPdf(envelope)), `Calibrage ${envelope.label}`);
}
