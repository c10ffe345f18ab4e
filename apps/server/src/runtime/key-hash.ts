// FNV-1a over a string's UTF-16 code units: cheap, and spreads similar names (client1, client2...)
// evenly, which is all its users need from it: picking a talk worker, staggering snapshots.
export function keyHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
