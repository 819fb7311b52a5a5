/**
 * A minimal ICC v2 sRGB display profile, written here rather than shipped:
 * PDF/A needs an output intent with an ICC profile because the documents
 * paint in DeviceRGB/DeviceGray, and a profile we compute ourselves carries
 * no licence. Primaries are the sRGB ones adapted to D50 (IEC 61966-2-1,
 * Bradford), the tone curve the sRGB one sampled on 1,024 points.
 */
const D50: [number, number, number] = [0.9642, 1.0, 0.8249];
const RED: [number, number, number] = [0.4361, 0.2225, 0.0139];
const GREEN: [number, number, number] = [0.3851, 0.7169, 0.0971];
const BLUE: [number, number, number] = [0.1431, 0.0606, 0.7141];
const DESCRIPTION = 'sRGB IEC61966-2.1';

const s15f16 = (v: number) => Math.round(v * 65536) | 0;
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const u32 = (v: number) => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
const u16 = (v: number) => [(v >>> 8) & 255, v & 255];

function xyz(values: [number, number, number]): number[] {
  return [...ascii('XYZ '), 0, 0, 0, 0, ...values.flatMap((v) => u32(s15f16(v)))];
}

function srgbCurve(points: number): number[] {
  const out = [...ascii('curv'), 0, 0, 0, 0, ...u32(points)];
  for (let i = 0; i < points; i++) {
    const v = i / (points - 1);
    const linear = v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    out.push(...u16(Math.round(linear * 65535)));
  }
  return out;
}

/** textDescriptionType: ASCII description, empty Unicode and ScriptCode parts. */
function description(text: string): number[] {
  return [...ascii('desc'), 0, 0, 0, 0, ...u32(text.length + 1), ...ascii(text), 0, ...u32(0), ...u32(0), ...u16(0), 0, ...new Array<number>(67).fill(0)];
}

function textTag(text: string): number[] {
  return [...ascii('text'), 0, 0, 0, 0, ...ascii(text), 0];
}

let cached: Uint8Array | undefined;

export function srgbIccProfile(): Uint8Array {
  if (cached) return cached;
  const curve = srgbCurve(1024);
  const tags: [string, number[]][] = [
    ['desc', description(DESCRIPTION)],
    ['cprt', textTag('No copyright, use freely')],
    ['wtpt', xyz(D50)],
    ['rXYZ', xyz(RED)],
    ['gXYZ', xyz(GREEN)],
    ['bXYZ', xyz(BLUE)],
    ['rTRC', curve],
    ['gTRC', curve],
    ['bTRC', curve],
  ];
  const tableLength = 4 + 12 * tags.length;
  const body: number[] = [];
  const table: number[] = [...u32(tags.length)];
  let offset = 128 + tableLength;
  const written = new Map<number[], number>();
  for (const [signature, data] of tags) {
    // The three tone curves are one curve: written once, pointed at three times (allowed by ICC.1).
    let at = written.get(data);
    if (at === undefined) {
      at = offset;
      written.set(data, at);
      const padded = [...data, ...new Array<number>((4 - (data.length % 4)) % 4).fill(0)];
      body.push(...padded);
      offset += padded.length;
    }
    table.push(...ascii(signature), ...u32(at), ...u32(data.length));
  }
  const size = 128 + tableLength + body.length;
  const header = [
    ...u32(size), 0, 0, 0, 0, ...u32(0x02100000), ...ascii('mntr'), ...ascii('RGB '), ...ascii('XYZ '),
    ...u16(2024), ...u16(1), ...u16(1), 0, 0, 0, 0, 0, 0, ...ascii('acsp'), ...new Array<number>(24).fill(0),
    ...u32(0), ...D50.flatMap((v) => u32(s15f16(v))), ...new Array<number>(48).fill(0),
  ];
  cached = new Uint8Array([...header, ...table, ...body]);
  return cached;
}
