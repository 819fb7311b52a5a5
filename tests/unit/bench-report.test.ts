import { describe, expect, it } from 'vitest';
import { measured } from '../../bench/figures';
import { markdown, mergeReports, type Report } from '../../bench/report';

const report = (spent?: Report['spent']): Report => ({
  date: '2026-12-05T13:00:00.000Z',
  command: 'npm run bench',
  durationSeconds: 900.4,
  runs: 3,
  seed: 2026,
  machine: { cpu: 'test', cores: 2, memoryGB: 24, os: 'linux', loadAverageAtStart: [0, 0, 0], loadAverageAtEnd: [0, 0, 0] },
  versions: {},
  data: [],
  figures: [],
  spent,
});

describe("the bench report's time budget", () => {
  it('tells each part of the run, the rest and the whole', () => {
    const md = markdown(report([
      { what: 'build of the app and the bench page', size: undefined, seconds: 20.2 },
      { what: 'sync (PouchDB peer included)', size: 10_000, seconds: 300.6 },
    ]));
    expect(md).toContain("## Where this run's time went");
    expect(md).toContain('| build of the app and the bench page | any | 20 |');
    expect(md).toContain('| sync (PouchDB peer included) | 10,000 | 301 |');
    // 900.4 − 20.2 − 300.6 = 579.6 s outside the parts told.
    expect(md).toMatch(/\| the rest [^|]*\| — \| 580 \|/);
    expect(md).toContain('| **whole run** | — | **900** |');
  });

  it('says nothing of it for a report written before the parts were told', () => {
    expect(markdown(report())).not.toContain('time went');
  });

  it("keeps the partial run's own parts when merged into an earlier report", () => {
    const earlier: Report = { ...report([{ what: 'storage', size: 1000, seconds: 40 }]), figures: [measured({ id: 'pdf.batch', title: 'PDFs', size: null, unit: 'ms' }, [1173])] };
    const merged = mergeReports(earlier, report([{ what: 'import', size: 10_000, seconds: 60 }]), new Set(['import']));
    expect(merged.spent).toEqual([{ what: 'import', size: 10_000, seconds: 60 }]);
  });
});
