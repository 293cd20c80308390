// Reading function names from a wasm module, for the app's split (cmake/split_app.mjs) and the
// profile that decides it (scripts/profile-first-visit.mjs).
import { createHash } from 'node:crypto';

function readU32(bytes, at) {          // LEB128 unsigned; returns [value, next offset]
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}
function leb(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return out;
}

// The number of imported functions (function indices count them first), of defined ones, and
// the name of each function index, from the import, function and "name" sections.
export function functionNames(bytes) {
  let importedFunctions = 0;
  let definedFunctions = 0;
  const names = new Map();
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at++];
    let size;
    [size, at] = readU32(bytes, at);
    const end = at + size;
    if (id === 2) {                      // imports
      let count;
      let p;
      [count, p] = readU32(bytes, at);
      for (let i = 0; i < count; i++) {
        for (let s = 0; s < 2; s++) {     // module and field names
          let len;
          [len, p] = readU32(bytes, p);
          p += len;
        }
        const kind = bytes[p++];
        if (kind === 0) { [, p] = readU32(bytes, p); importedFunctions++; }        // type index
        else if (kind === 1) { p++; const flags = bytes[p++]; [, p] = readU32(bytes, p); if (flags & 1) [, p] = readU32(bytes, p); }
        else if (kind === 2) { const flags = bytes[p++]; [, p] = readU32(bytes, p); if (flags & 1) [, p] = readU32(bytes, p); }
        else if (kind === 3) { p += 2; }  // global: type, mutability
        else throw new Error(`import kind ${kind} not understood`);
      }
    } else if (id === 3) {               // functions: one type index per defined function
      [definedFunctions] = readU32(bytes, at);
    } else if (id === 0) {               // custom: the name section
      let len;
      let p;
      [len, p] = readU32(bytes, at);
      const sectionName = Buffer.from(bytes.subarray(p, p + len)).toString('utf8');
      p += len;
      if (sectionName === 'name') {
        while (p < end) {
          const sub = bytes[p++];
          let subSize;
          [subSize, p] = readU32(bytes, p);
          if (sub === 1) {               // function names
            let count;
            let q;
            [count, q] = readU32(bytes, p);
            for (let i = 0; i < count; i++) {
              let index;
              let n;
              [index, q] = readU32(bytes, q);
              [n, q] = readU32(bytes, q);
              names.set(index, Buffer.from(bytes.subarray(q, q + n)).toString('utf8'));
              q += n;
            }
          }
          p += subSize;
        }
      }
    }
    at = end;
  }
  return { importedFunctions, definedFunctions, names };
}

// A custom section appended to a module (valid after any other section).
export function withCustomSection(bytes, name, payload) {
  const nameBytes = Buffer.from(name, 'utf8');
  const body = Buffer.concat([Buffer.from(leb(nameBytes.length)), nameBytes, Buffer.from(payload, 'utf8')]);
  return Buffer.concat([bytes, Buffer.from([0]), Buffer.from(leb(body.length)), body]);
}

// The list's key for a function name: the first 16 hex digits of its SHA-256.
export function functionKey(name) {
  return createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 16);
}
