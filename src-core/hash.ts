/** Offset basis of 32-bit FNV-1a; other offsets give independent lanes of the same hash. */
export const FNV_OFFSET_32 = 0x811c9dc5;
const FNV_PRIME_32 = 0x01000193;

/**
 * 32-bit FNV-1a of a string's UTF-16 code units, unsigned. Math.imul keeps it
 * in 32-bit integers: fast, and the same value in the app and the server.
 * Not cryptographic: for spreading keys and comparing sets, not for secrets.
 */
export function fnv1a32(text: string, offset: number = FNV_OFFSET_32): number {
  let hash = offset;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME_32);
  return hash >>> 0;
}
