// The five source documents by the key a preset's `source.doc` holds ("003"),
// as a reader names them: issuer, title and 文号 — never the seed file name
// or a digest. Taken from each document's own heading.

export type PolicyDocument = { issuer: string; title: string; number: string };

export const POLICY_DOCUMENTS: Readonly<Record<string, PolicyDocument>> = {
  "000": { issuer: "城口县人民政府办公室", title: "城口县巩固拓展医疗保障脱贫攻坚成果有效衔接乡村振兴战略实施方案", number: "城府办发〔2021〕216号" },
  "001": { issuer: "彭水苗族土家族自治县人民政府办公室", title: "关于健全重特大疾病医疗保险和救助制度的实施意见", number: "彭水府办发〔2023〕52号" },
  "002": {
    issuer: "济宁市医疗保障局等",
    title: "济宁市关于坚决守牢防止规模性返贫底线健全完善防范化解因病返贫致贫长效机制的通知",
    number: "济医保发〔2023〕7号",
  },
  "003": { issuer: "邵阳市医疗保障局等", title: "关于巩固拓展医疗保障脱贫攻坚成果有效衔接乡村振兴战略的实施方案", number: "邵医保发〔2021〕32号" },
  "004": {
    issuer: "山东省医疗保障局（临沂市医疗保障局转发）",
    title: "关于进一步做好医保扶贫工作的指导意见",
    number: "鲁医保发〔2019〕69号",
  },
};

/** "邵阳市医疗保障局等《关于…的实施方案》（邵医保发〔2021〕32号）"; an unknown key is shown as 文件 003. */
export function documentName(doc: string): string {
  const d = POLICY_DOCUMENTS[doc];
  return d ? `${d.issuer}《${d.title}》（${d.number}）` : `文件 ${doc}`;
}

/** The short form a rule's tag carries: "邵医保发〔2021〕32号". */
export function documentNumber(doc: string): string {
  return POLICY_DOCUMENTS[doc]?.number ?? `文件 ${doc}`;
}
