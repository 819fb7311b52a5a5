import { summarize, type Summary } from './stats';

/**
 * One line of the report: a measure at one portfolio size (or none when it does
 * not depend on it), its median and spread, its baseline measured in the same
 * run, and the target with its verdict (judged on the median).
 */
export interface Figure {
  id: string;
  title: string;
  /** Clients in the portfolio, or null when the measure does not depend on it. */
  size: number | null;
  unit: string;
  summary: Summary | null;
  samples: number[];
  baseline?: { title: string; summary: Summary };
  target?: { text: string; met: boolean | null };
  /** Why there is no summary: a screen or engine the app does not have yet. */
  notMeasured?: string;
  notes?: string[];
}

export type FigureHead = Pick<Figure, 'id' | 'title' | 'size' | 'unit'>;

export function measured(
  head: FigureHead,
  samples: number[],
  extra: { baseline?: { title: string; samples: number[] }; target?: { text: string; met: (median: number) => boolean }; notes?: string[] } = {},
): Figure {
  const summary = summarize(samples);
  return {
    ...head,
    summary,
    samples: samples.map((s) => Math.round(s * 100) / 100),
    ...(extra.baseline ? { baseline: { title: extra.baseline.title, summary: summarize(extra.baseline.samples) } } : {}),
    ...(extra.target ? { target: { text: extra.target.text, met: extra.target.met(summary.median) } } : {}),
    ...(extra.notes ? { notes: extra.notes } : {}),
  };
}

export function notMeasured(head: FigureHead, reason: string, target?: string): Figure {
  return { ...head, summary: null, samples: [], notMeasured: reason, ...(target ? { target: { text: target, met: null } } : {}) };
}
