/**
 * 人民调解协议书: the written agreement of a resolved dispute, as the mediation committee prints it for the parties
 * to sign — the parties (names and masked identifiers from the records), the matter, what each asked, the terms,
 * how they are followed up, and signature lines for every party, the mediator and the committee's seal.
 */
import { chinaDate } from '../../shared/china-time.ts';
import type { DisputeTier } from '../../shared/disputes.ts';
import type { PdfDocument } from '../platform/pdf.ts';

/** The mediation organisation of each tier, as an agreement names it. */
const TIER_ORGANISATION: Record<DisputeTier, string> = {
  grid: '（网格员调解）',
  village: '人民调解委员会',
  township: '综治中心、司法所',
  county: '矛盾纠纷多元化解中心',
};

export interface AgreementFacts {
  title: string;
  place: string;
  occurredOn: string;
  summary: string;
  tier: DisputeTier;
  ownerName: string;
  agreement: string;
  followUpOn: string | null;
  /** When the agreement was reached (the resolving step). */
  resolvedAt: Date;
  /** Who mediated at the tier that resolved it (the last session's mediator), if a session was recorded. */
  mediator: string | null;
  parties: {
    seq: number;
    kind: 'person' | 'organisation';
    name: string | null;
    identifier: string | null;
    phone: string | null;
    claim: string;
  }[];
  /** The dispute's id, printed as the agreement's reference. */
  id: string;
}

/** A text as a sentence: ended with a full stop unless it ends with punctuation already. */
const sentence = (text: string) => (/[。！？.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}。`);

const label = (text: string) => ({ text, bold: true, margin: [0, 10, 0, 4] as [number, number, number, number] });

export function agreementDocument(f: AgreementFacts): PdfDocument {
  const organisation = `${f.ownerName}${TIER_ORGANISATION[f.tier]}`;
  const day = chinaDate(f.resolvedAt);
  const [y, m, d] = day.split('-').map(Number);
  const signedOn = `${y} 年 ${m} 月 ${d} 日`;
  const partyRow = (p: AgreementFacts['parties'][number]) => [
    `当事人${p.seq}`,
    p.name ?? '（不在本辖区记录中）',
    p.kind === 'person' ? '自然人' : '单位',
    p.identifier ?? '—',
    p.phone ?? '—',
  ];
  return {
    info: { title: `人民调解协议书 ${f.title}`, subject: f.title, creator: '格治 Gezhi' },
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    footer: (page, pages) => ({ text: `第 ${page} 页 / 共 ${pages} 页`, alignment: 'center', fontSize: 9, color: '#666' }),
    content: [
      { text: '人民调解协议书', fontSize: 22, bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
      { text: `编号：${f.id.slice(0, 8).toUpperCase()}`, alignment: 'right', fontSize: 9, color: '#555' },
      label('当事人'),
      {
        table: {
          headerRows: 1,
          widths: [48, '*', 40, 130, 80],
          body: [['', '姓名或名称', '类别', '身份证号／信用代码', '联系电话'], ...f.parties.map(partyRow)],
        },
        layout: 'lightHorizontalLines',
        fontSize: 10,
      },
      label('纠纷主要事实、争议事项'),
      { text: `${f.occurredOn}，${f.place}：${f.title}。${sentence(f.summary)}` },
      label('各方诉求'),
      { ul: f.parties.map((p) => `当事人${p.seq}${p.name ? `（${p.name}）` : ''}：${p.claim}`) },
      label('经调解，自愿达成如下协议'),
      { text: f.agreement },
      label('履行方式、时限及回访'),
      {
        text: `各方应按上述协议履行。${f.followUpOn ? `${organisation}将于 ${f.followUpOn} 前回访，了解协议履行情况。` : ''}本协议经各方当事人签名（盖章或按指印）、人民调解员签名并加盖调解组织印章后生效；当事人各执一份，调解组织留存一份。`,
      },
      { text: '当事人签名（盖章或按指印）', bold: true, margin: [0, 16, 0, 8] },
      {
        columns: f.parties.map((p) => ({ text: `当事人${p.seq}：\n\n______________________`, margin: [0, 0, 12, 12] })),
        columnGap: 12,
      },
      {
        columns: [
          { text: `人民调解员：${f.mediator ?? ''}\n\n______________________` },
          { text: `${organisation}（印章）\n\n${signedOn}`, alignment: 'right' },
        ],
        margin: [0, 12, 0, 0],
      },
    ],
  };
}
