// Two-character compound surnames (复姓) kept whole when a name is masked, so
// 欧阳明 becomes 欧阳* and not 欧*明 (which would keep the given name readable
// as the "last character"). Source: the compound surnames of 《百家姓》
// (北宋, the traditional primer: 万俟 司马 上官 欧阳 夏侯 诸葛 闻人 东方 赫连
// 皇甫 尉迟 公羊 澹台 公冶 宗政 濮阳 淳于 单于 太叔 申屠 公孙 仲孙 轩辕
// 令狐 钟离 宇文 长孙 慕容 鲜于 闾丘 司徒 司空 亓官 司寇 子车 颛孙 端木
// 巫马 公西 漆雕 乐正 壤驷 公良 拓跋 夹谷 宰父 谷梁 段干 百里 东郭 南门
// 呼延 羊舌 微生 梁丘 左丘 东门 西门 南宫), plus 独孤 and 第五, which the
// primer lacks but the 2020 census lists among living compound surnames.
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  "万俟", "司马", "上官", "欧阳", "夏侯", "诸葛", "闻人", "东方", "赫连", "皇甫",
  "尉迟", "公羊", "澹台", "公冶", "宗政", "濮阳", "淳于", "单于", "太叔", "申屠",
  "公孙", "仲孙", "轩辕", "令狐", "钟离", "宇文", "长孙", "慕容", "鲜于", "闾丘",
  "司徒", "司空", "亓官", "司寇", "子车", "颛孙", "端木", "巫马", "公西", "漆雕",
  "乐正", "壤驷", "公良", "拓跋", "夹谷", "宰父", "谷梁", "段干", "百里", "东郭",
  "南门", "呼延", "羊舌", "微生", "梁丘", "左丘", "东门", "西门", "南宫", "独孤",
  "第五",
]);
