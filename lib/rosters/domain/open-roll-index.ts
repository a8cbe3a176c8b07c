// The department's open roll, held compactly while its new list is read, so
// that a row re-sending what the roll already says costs a lookup rather than
// a trip through the database: a row is "the same" when its person (by the
// ID's blind index) has an open entry of the same category and the register
// holds the row's name and village — exactly when the full path would count
// it unchanged and refuse nothing.
//
// Pure (no I/O). An open-addressing table in typed arrays: about 20 bytes a
// slot at half load, 20 MB for a 450,000-person roll, where a Map of strings
// measured 80 MB. It doubles as entries arrive (the roll is streamed, its
// size not counted first), the old arrays briefly beside the new ones. A person is keyed by the first 64 bits of the blind index
// (an HMAC, so uniformly spread) and an entry's content by entryHash, a 53-bit
// hash of category, village and name, which the roll keeps with each open
// entry (department_memberships.entry_hash, written by the import that opened
// or last confirmed it; cleared when the register changes). A row is taken
// for unchanged only if both match; for a changed row to pass as unchanged
// its content hash would have to collide (about 2⁻⁵³ a changed row), and then
// only a change is not applied — nothing is stored wrongly. Everything else
// goes the full way.

export class OpenRollIndex {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private content: Float64Array;
  /** 0 empty; -1 an entry no row has matched yet; > 0 the row that matched it. */
  private state: Int32Array;
  private mask: number;
  size = 0;

  /** `capacity`: the entries expected; the table doubles when more arrive (the roll is read as a stream, its size unknown). */
  constructor(capacity = 0) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.mask = slots - 1;
    this.hi = new Uint32Array(slots);
    this.lo = new Uint32Array(slots);
    this.content = new Float64Array(slots);
    this.state = new Int32Array(slots);
  }

  /** Twice the slots, every entry placed again: kept at most half full, so a probe stays short. */
  private grow(): void {
    const { hi, lo, content, state } = this;
    const slots = (this.mask + 1) * 2;
    this.mask = slots - 1;
    this.hi = new Uint32Array(slots);
    this.lo = new Uint32Array(slots);
    this.content = new Float64Array(slots);
    this.state = new Int32Array(slots);
    for (let j = 0; j < state.length; j++) {
      if (state[j] === 0) continue;
      let i = lo[j]! & this.mask;
      while (this.state[i] !== 0) i = (i + 1) & this.mask;
      this.hi[i] = hi[j]!;
      this.lo[i] = lo[j]!;
      this.content[i] = content[j]!;
      this.state[i] = state[j]!;
    }
  }

  /** An open entry: the person's blind index (hex) and what the roll and register say. */
  add(idHash: string, category: string, divisionCode: string, name: string): void {
    this.addHashed(idHash, entryHash(category, divisionCode, name));
  }

  /** The same with the entry's hash as stored (entryHash): `idHash` needs only its first 16 hex digits. */
  addHashed(idHash: string, content: number): void {
    this.addWords(parseInt(idHash.slice(0, 8), 16), parseInt(idHash.slice(8, 16), 16), content);
  }

  /** The same by the blind index's first two 32-bit words, as the roll's person_key holds them (db/queries/roster-import.ts reads them as bytes). */
  addWords(first: number, second: number, content: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    const hi = first >>> 0;
    const lo = second >>> 0;
    let i = lo & this.mask;
    while (this.state[i] !== 0) {
      if (this.hi[i] === hi && this.lo[i] === lo) return; // one open entry per person and department
      i = (i + 1) & this.mask;
    }
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.content[i] = content;
    this.state[i] = -1;
    this.size++;
  }

  /** The slot of the person's open entry, or -1. */
  find(idHash: string): number {
    return this.findWords(parseInt(idHash.slice(0, 8), 16), parseInt(idHash.slice(8, 16), 16));
  }

  /** The same by the blind index's first two 32-bit words (lib/crypto/blind-index.ts), so no hex is made for a row that repeats the roll. */
  findWords(first: number, second: number): number {
    if (this.size === 0) return -1;
    const hi = first >>> 0;
    const lo = second >>> 0;
    let i = lo & this.mask;
    while (this.state[i] !== 0) {
      if (this.hi[i] === hi && this.lo[i] === lo) return i;
      i = (i + 1) & this.mask;
    }
    return -1;
  }

  sameEntry(slot: number, category: string, divisionCode: string, name: string): boolean {
    return this.content[slot] === entryHash(category, divisionCode, name);
  }

  /** The same by the row's entryHash, computed once for the comparison and for staging. */
  sameHash(slot: number, content: number): boolean {
    return this.content[slot] === content;
  }

  /** The row that matched the entry, or 0. */
  matchedRow(slot: number): number {
    return Math.max(this.state[slot]!, 0);
  }

  markMatched(slot: number, row: number): void {
    this.state[slot] = row;
  }
}

// cyrb53 (a public-domain 53-bit string hash) over the three fields with a
// separator between them: not a secret — the person is keyed by the HMAC —
// only a compact, well-spread stand-in for comparing three strings. Stored
// with each open entry, so it must never change: a test pins its
// values (open-roll-index.test.ts). No closure inside (a bulk import calls it a million times).
let h1 = 0;
let h2 = 0;

function mix(s: string): void {
  let a = h1;
  let b = h2;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    a = Math.imul(a ^ ch, 2654435761);
    b = Math.imul(b ^ ch, 1597334677);
  }
  h1 = Math.imul(a ^ 0x1f, 2654435761); // separator: ("ab","c") and ("a","bc") differ
  h2 = Math.imul(b ^ 0x1f, 1597334677);
}

/** What an open entry says, as a non-negative integer below 2⁵³ (department_memberships.entry_hash). */
export function entryHash(category: string, divisionCode: string, name: string): number {
  h1 = 0xdeadbeef;
  h2 = 0x41c6ce57;
  mix(category);
  mix(divisionCode);
  mix(name);
  let a = h1;
  let b = h2;
  a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  return 4294967296 * (2097151 & b) + (a >>> 0);
}
