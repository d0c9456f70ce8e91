import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGezhi } from '../../server/cli/program.ts';

type Run = { code: number; stdout: string; stderr: string };
const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-cli-'));
const env = { ...process.env, GEZHI_DATA_DIR: dataDir, DATABASE_URL: '' };

/** Runs `gezhi …` as a user would, as its own process, on its own embedded database in a temporary folder. */
async function gezhiProcess(...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await run('node', ['bin/gezhi.js', ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/**
 * The same command run inside the test's process (what bin/gezhi.js runs, on the same folder), for the steps
 * about what a command does rather than about the process: starting node and loading the code takes seconds
 * a time. The process itself is run for the demo load and for a refusal's exit code.
 */
async function gezhi(...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runGezhi(args, {
    env,
    out: (s) => {
      stdout += s;
    },
    err: (s) => {
      stderr += s;
    },
    errIsTTY: false,
  });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  const loaded = await gezhiProcess('demo');
  expect(loaded.code).toBe(0);
  expect(loaded.stdout).toMatch(/2399 areas, 472 grids generated in 云梦县/);
  expect(loaded.stdout).toMatch(
    /base data of 420923100001: \d+ houses, \d+ people, \d+ organisations, \d+ facilities, [1-9]\d* buildings, [1-9]\d* ten-household groups/,
  );
  // A child process loading the whole demo into PGlite: minutes on a loaded two-core machine, not a hang.
}, 360_000);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('the gezhi command', () => {
  const file = path.join(dataDir, 'village.geojson');

  it('exports the grids of a village to a GeoJSON file', async () => {
    expect((await gezhi('grids', 'export', '--area', '420923100001', '-o', file)).code).toBe(0);
    const fc = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(fc.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual(
      ['001', '002', '003', '004', '005', '006'].map((s) => `420923100001${s}`),
    );
  });

  it('refuses a broken file listing every problem, exits non-zero, and changes nothing', async () => {
    const fc = JSON.parse(fs.readFileSync(file, 'utf8'));
    fc.features[1].properties.code = fc.features[0].properties.code;
    fc.features[2].properties.code = '42092310000';
    const bad = path.join(dataDir, 'bad.geojson');
    fs.writeFileSync(bad, JSON.stringify(fc));
    const res = await gezhiProcess('grids', 'import', bad);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('territory.import_invalid');
    expect(res.stderr).toContain('features[1]: 网格编码重复');
    expect(res.stderr).toContain('features[2]: 网格编码应为 15 位数字');
    expect(res.stderr).not.toMatch(/same code/);
    const again = path.join(dataDir, 'again.geojson');
    await gezhi('grids', 'export', '--area', '420923100001', '-o', again);
    expect(fs.readFileSync(again, 'utf8')).toBe(fs.readFileSync(file, 'utf8'));
  });

  it('imports a good file back', async () => {
    const res = await gezhi('grids', 'import', file);
    expect(res.stdout).toContain('imported 0 new grids, replaced 6');
  });

  it('imports houses printing progress lines with the rate, then the summary; a second run changes nothing', async () => {
    const houses = path.join(dataDir, 'houses.csv');
    const rows = Array.from({ length: 1500 }, (_, i) => `CLI-${i},朝阳社区 ${i} 号,420923100001001,${i === 3 ? '城堡' : '住宅'},否`);
    fs.writeFileSync(houses, ['房屋编号,房屋地址,所属网格编码,房屋用途,是否出租', ...rows].join('\n'));
    const report = path.join(dataDir, 'report.xlsx');
    const res = await gezhi('registry', 'import', 'house', houses, '--report', report);
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/^ {2}read 1001 {2}imported 1000 \(created 1000, updated 0\) {2}unchanged 0 {2}refused 1 {2}\d+ rows\/s$/m);
    expect(res.stdout).toMatch(
      /read 1500 {2}imported 1499 \(created 1499, updated 0\) {2}unchanged 0 {2}refused 1 {2}\d+ rows\/s in [\d.]+ s \(report: .*report\.xlsx\)/,
    );
    expect(fs.statSync(report).size).toBeGreaterThan(0);
    expect((await gezhi('registry', 'import', 'house', houses, '--report', report)).stdout).toMatch(
      /read 1500 {2}imported 0 \(created 0, updated 0\) {2}unchanged 1499 {2}refused 1/,
    );
  });

  it('imports components: the code comes from the server, and the same file again changes nothing', async () => {
    const grid = JSON.parse(fs.readFileSync(file, 'utf8')).features[0].geometry;
    const ring: [number, number][] = (grid.type === 'Polygon' ? grid.coordinates : grid.coordinates[0])[0].slice(1);
    const [lng, lat] = [0, 1].map((k) => ring.reduce((sum, p) => sum + p[k], 0) / ring.length);
    const components = path.join(dataDir, 'components.csv');
    fs.writeFileSync(components, `部件类别,权属部门编码,部件状态,经度,纬度\n路灯,YM-CG,完好,${lng},${lat}\n`);
    expect((await gezhi('registry', 'import', 'facility', components)).stdout).toMatch(/read 1 {2}imported 1 \(created 1, updated 0\)/);
    expect((await gezhi('registry', 'import', 'facility', components)).stdout).toMatch(
      /read 1 {2}imported 0 \(created 0, updated 0\) {2}unchanged 1/,
    );
    const wrong = await gezhi('registry', 'import', 'castle', components);
    expect([wrong.code, wrong.stderr]).toEqual([1, expect.stringContaining('request.invalid')]);
  });

  it('checks the figures of a period against the action log, and refuses a malformed date naming the option', async () => {
    const ok = await gezhi('figures', 'verify', '--from', '2026-01-01');
    expect([ok.code, ok.stderr]).toEqual([0, '']);
    expect(ok.stdout).toMatch(/report days 2026-01-01 to \d{4}-\d{2}-\d{2} \(exclusive\): \d+ cases recomputed from the action log/);
    expect(ok.stdout).toContain('no differences: the roll-up (daily and month counters) equals the recomputation');
    const bad = await gezhi('figures', 'verify', '--from', '2026-02-30');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('request.invalid');
    expect(bad.stderr).toMatch(/from: 期间格式有误/);
  });

  it('creates a user bound to a grid, and refuses a duplicate', async () => {
    const created = await gezhi(
      'users',
      'create',
      '--username',
      'zhao',
      '--name',
      '赵六',
      '--password',
      'Yunmeng-grid-7731',
      '--roles',
      'grid_worker',
      '--areas',
      '420923100001001',
    );
    expect(created.stdout).toContain('created zhao (grid_worker) bound to 朝阳社区第1网格 420923100001001');
    const dup = await gezhi(
      'users',
      'create',
      '--username',
      'zhao',
      '--name',
      'x',
      '--password',
      'Yunmeng-grid-7731',
      '--roles',
      'grid_worker',
    );
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('user.username_taken');
  });
});
