import { insertDepartment } from '../org/index.ts';
import { makeCreditCode } from '../registry/index.ts';
import { FIXTURE } from './fixtures.ts';
import type { TestApp } from './harness.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;

/** Where the records below stand: in the first grid (113.00–113.05 E), a few metres apart. */
export const HERE = { lng: 113.02, lat: 31.1 };

/**
 * Base-data records to link cases to, recorded through the API by a county centre: in the first grid a
 * street lamp at HERE, an organisation ~10 m east, a building ~22 m north with a flat, a lamp ~56 m and a
 * manhole cover ~150 m north, a house in no building; a lamp just across the first grid's east edge
 * (second grid) and one in the other township.
 */
export async function recordPlaces(t: TestApp, county: Request) {
  await insertDepartment(t.db, { code: 'YM-CG', name: '云梦县城市管理执法局', areaCode: FIXTURE.county });
  const post = async (url: string, payload: object, key: string) => {
    const res = await county({ method: 'POST', url, payload });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.body}`);
    return String(res.json()[key]);
  };
  const facility = (lng: number, lat: number, classCode = '01037') =>
    post('/api/registry/facilities', { classCode, lng, lat, ownerDept: 'YM-CG', state: '01' }, 'code');
  const lamp = await facility(HERE.lng, HERE.lat);
  const org = await post(
    '/api/registry/organisations',
    {
      creditCode: makeCreditCode('91', FIXTURE.county, 'MA49AB01'),
      name: '云梦县城关五金有限公司',
      orgType: '01',
      address: '城关镇朝阳路 3 号',
      lng: 113.0201,
      lat: HERE.lat,
      legalRep: '王志强',
      safetyContact: '刘敏',
      safetyContactPhone: '13872009876',
      hazards: ['02'],
    },
    'creditCode',
  );
  const building = await post(
    '/api/registry/buildings',
    {
      code: '420923100001-01',
      name: '1 栋',
      estate: '朝阳小区',
      address: '城关镇朝阳路 8 号 1 栋',
      gridCode: FIXTURE.grids[0],
      lng: HERE.lng,
      lat: 31.1002,
    },
    'code',
  );
  const flat = await post(
    '/api/registry/houses',
    {
      code: 'B01-101',
      buildingCode: building,
      unit: '1 单元',
      room: '101',
      use: '01',
      rented: false,
      ownerName: '张三',
      ownerPhone: '13800001111',
    },
    'code',
  );
  const loneHouse = await post(
    '/api/registry/houses',
    { code: 'LONE-1', address: '城关镇朝阳路 9 号', gridCode: FIXTURE.grids[0], use: '01', rented: false },
    'code',
  );
  const lamp56m = await facility(HERE.lng, 31.1005);
  const cover150m = await facility(HERE.lng, 31.10135, '01002');
  const acrossEdge = await facility(113.0502, HERE.lat);
  const otherTownship = await facility(113.32, HERE.lat);
  return { lamp, org, building, flat, loneHouse, lamp56m, cover150m, acrossEdge, otherTownship };
}
