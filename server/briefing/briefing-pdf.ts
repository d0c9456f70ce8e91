/**
 * 通报 as a PDF, laid out like the notices centres send: title, addressee, numbered sections (一、总体情况 …), tables and
 * charts, the issuer and date at the end. Drawn from the frozen content alone.
 */
import { type PdfDocument, SVG_IN_FONT } from '../platform/pdf.ts';
import { type BriefingContent, type CaseLine, changeText, percent, valueText } from './briefing.core.ts';
import { areasChart, CHART_HEIGHT, CHART_WIDTH, unitsChart } from './briefing-charts.ts';

type Content = Extract<PdfDocument['content'], unknown[]>;
type Margin = [number, number, number, number];

const heading = (text: string) => ({ text, bold: true, fontSize: 13, margin: [0, 12, 0, 6] as Margin });
const para = (text: string) => ({ text, margin: [0, 0, 0, 6] as Margin, leadingIndent: 22 });
const none = (text: string) => ({ text, color: '#555', margin: [0, 0, 0, 6] as Margin, leadingIndent: 22 });
const table = (widths: (number | string)[], header: string[], rows: string[][]) => ({
  table: { headerRows: 1, widths, body: [header.map((h) => ({ text: h, bold: true })), ...rows] },
  layout: 'lightHorizontalLines',
  fontSize: 9,
  margin: [0, 0, 0, 8] as Margin,
});
const chart = (svg: string | null) =>
  svg ? [{ svg, width: CHART_WIDTH, height: CHART_HEIGHT, alignment: 'center' as const, ...SVG_IN_FONT }] : [];

const caseRows = (cases: CaseLine[], withReason: boolean) =>
  cases.map((c) => [
    c.caseNo,
    c.itemName,
    c.gridName,
    c.unitName ?? '—',
    c.reportedOn,
    c.statusName,
    ...(withReason ? [c.reason ?? ''] : []),
  ]);

export function briefingDocument(c: BriefingContent, version: number): PdfDocument {
  const prev = c.period.kind === 'quarter' ? '上季度' : '上月';
  const [y, m, d] = c.generatedOn.split('-').map(Number);
  const sections: Content = [
    heading('一、总体情况'),
    para(c.summary),
    table(
      ['*', 90, 90, 110],
      ['指标', c.period.text, c.previous.text, `较${prev}`],
      c.totals.map((l) => [l.name, valueText(l), valueText({ kind: l.kind, value: l.previous }), changeText(l)]),
    ),
    heading(`二、各地工作情况`),
    ...(c.areas.length
      ? [
          table(
            ['*', 44, 44, 56, 62, 56, 44],
            ['地区', '上报', '结案', '结案率', '按期处置率', '满意率', '超期'],
            c.areas.map((a) => [
              a.name,
              String(a.reported),
              String(a.closed),
              percent(a.closingRate),
              percent(a.onTimeRate),
              percent(a.satisfactionRate),
              String(a.overdue),
            ]),
          ),
          ...chart(areasChart(c)),
        ]
      : [none('本期无上报事件。')]),
    heading('三、处置单位办理情况'),
    ...(c.units.length
      ? [
          table(
            [28, '*', 50, 60, 64, 64],
            ['序号', '单位', '派遣数', '按期处置数', '按期处置率', `${prev}`],
            c.units.map((u, i) => [
              String(i + 1),
              u.name,
              String(u.dispatched),
              String(u.handledOnTime),
              percent(u.onTimeRate),
              percent(u.previousRate),
            ]),
          ),
          ...chart(unitsChart(c)),
        ]
      : [none('本期无派遣到处置单位的案件。')]),
    heading('四、考核排名'),
    ...c.rankings.flatMap((r) => [
      { text: `（${'一二三四'[c.rankings.indexOf(r)]}）${r.kindName}`, bold: true, margin: [0, 4, 0, 4] as Margin },
      ...(r.rows.length
        ? [
            table(
              [36, '*', 60, 50, 80],
              ['名次', '名称', '得分', '等次', `较${prev}`],
              r.rows.map((x) => [
                String(x.rank),
                x.name,
                x.score.toFixed(2),
                x.band,
                x.rankChange === null
                  ? '—'
                  : x.rankChange === 0
                    ? '持平'
                    : x.rankChange > 0
                      ? `上升 ${x.rankChange} 位`
                      : `下降 ${-x.rankChange} 位`,
              ]),
            ),
          ]
        : [none('本期考核结果尚未发布。')]),
    ]),
    heading('五、五色预警及问责情况'),
    ...(c.sanctions.length
      ? [
          para(`本期共有 ${c.sanctions.length} 个单位被亮灯预警，现予通报：`),
          table(
            [110, 50, 80, '*'],
            ['单位', '最高等级', '问责措施', '涉及案件'],
            c.sanctions.map((s) => [
              s.unitName,
              s.worstName,
              s.measure ?? '—',
              s.cases.map((x) => `${x.caseNo}（${x.colours.join('、')}）`).join('；'),
            ]),
          ),
        ]
      : [none('本期无单位被亮灯预警。')]),
    heading('六、重复件情况'),
    ...(c.repeats.length
      ? [
          para(`本期同一地点同一事项反映 3 次及以上的重复件 ${c.repeats.length} 件：`),
          table([80, 70, 56, '*', 56, 40], ['案件编号', '事项', '网格', '主办单位', '上报日期', '状态'], caseRows(c.repeats, false)),
        ]
      : [none('本期无重复件。')]),
    heading('七、典型案例'),
    ...(c.typical.length
      ? [
          table(
            [78, 60, 44, '*', 54, 36, 72],
            ['案件编号', '事项', '网格', '主办单位', '上报日期', '状态', '问题'],
            caseRows(c.typical, true),
          ),
        ]
      : [none('本期无需通报的典型案例。')]),
    heading('八、下步工作要求'),
    para(
      `请${c.addressee.replace(/：$/, '')}对照本通报，认真分析超期、返工、重新办理和群众不满意案件的原因，` +
        '落实首接负责和限时办结，对被亮灯预警的事项逐件整改，整改情况按时报送。',
    ),
  ];
  return {
    info: { title: c.title, subject: `${c.area.name} ${c.period.text}`, creator: '格治 Gezhi' },
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    footer: (page, pages) => ({ text: `第 ${page} 页 / 共 ${pages} 页`, alignment: 'center', fontSize: 9, color: '#666' }),
    content: [
      { text: c.title, fontSize: 18, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
      { text: `${c.issuer}　第 ${version} 版`, alignment: 'center', fontSize: 9, color: '#555', margin: [0, 0, 0, 12] },
      { text: c.addressee, margin: [0, 0, 0, 6] },
      para(`现将${c.period.text}（${c.period.from} 至 ${c.period.to}）${c.area.name}网格化服务管理工作情况通报如下：`),
      ...sections,
      { text: c.issuer, alignment: 'right', margin: [0, 24, 0, 0] },
      { text: `${y}年${m}月${d}日`, alignment: 'right' },
    ],
  };
}
