/**
 * A number per 64-bit digest, in typed arrays: what an import remembers of every row it has read
 * (the row an id first came on, or how often an id-less row was seen). A Map of digest strings
 * took about 120 bytes a row, 120 MB at a million rows; this takes 12 to 24 (open addressing,
 * at most half full). A digest of 0 cannot be told from an empty slot, so it is stored as 1.
 */
export class DigestTable {
  private hi = new Uint32Array(1024);
  private lo = new Uint32Array(1024);
  private values = new Uint32Array(1024);
  private count = 0;

  /** The first 8 bytes of a (cryptographic) digest as the key. */
  static key(digest: Uint8Array): [number, number] {
    const view = new DataView(digest.buffer, digest.byteOffset, 8);
    const hi = view.getUint32(0);
    const lo = view.getUint32(4);
    return hi === 0 && lo === 0 ? [0, 1] : [hi, lo];
  }

  get(digest: Uint8Array): number | undefined {
    const [hi, lo] = DigestTable.key(digest);
    const slot = this.find(hi, lo);
    return this.hi[slot] === 0 && this.lo[slot] === 0 ? undefined : this.values[slot];
  }

  set(digest: Uint8Array, value: number): void {
    const [hi, lo] = DigestTable.key(digest);
    if ((this.count + 1) * 2 > this.hi.length) this.grow();
    const slot = this.find(hi, lo);
    if (this.hi[slot] === 0 && this.lo[slot] === 0) this.count++;
    this.hi[slot] = hi;
    this.lo[slot] = lo;
    this.values[slot] = value;
  }

  clear(): void {
    this.hi = new Uint32Array(1024);
    this.lo = new Uint32Array(1024);
    this.values = new Uint32Array(1024);
    this.count = 0;
  }

  /** The slot holding the key, or the empty slot where it would go (linear probing). */
  private find(hi: number, lo: number): number {
    const mask = this.hi.length - 1;
    let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    while (this.hi[slot] !== 0 || this.lo[slot] !== 0) {
      if (this.hi[slot] === hi && this.lo[slot] === lo) return slot;
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private grow(): void {
    const [hi, lo, values] = [this.hi, this.lo, this.values];
    this.hi = new Uint32Array(hi.length * 2);
    this.lo = new Uint32Array(hi.length * 2);
    this.values = new Uint32Array(hi.length * 2);
    for (let i = 0; i < hi.length; i++) {
      if (hi[i] === 0 && lo[i] === 0) continue;
      const slot = this.find(hi[i] as number, lo[i] as number);
      this.hi[slot] = hi[i] as number;
      this.lo[slot] = lo[i] as number;
      this.values[slot] = values[i] as number;
    }
  }
}
