// Target tables in each layout, on small inline documents.
#include "read/target_reader.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "check/rule.h"
#include "read/document_reader.h"

namespace yusuan {
namespace {

Document Read(const std::string& text) {
  auto doc = ReadDecoded(text, "t.txt", "UTF-8");
  EXPECT_TRUE(doc.ok()) << doc.status().message();
  return doc.ok() ? std::move(*doc) : Document{};
}

std::vector<std::string> Names(const std::vector<Indicator>& list) {
  std::vector<std::string> out;
  for (const Indicator& i : list) out.push_back(i.level2 + "/" + i.name + "=" + i.value.raw);
  return out;
}

const char* kTabbed =
    "某县县(区)级预算部门(单位)项目支出绩效目标表\n"
    "(2026年度)\n"
    "项目名称\t\t信息化经费\t\t\t\t\t\n"
    "主管部门及代码\t\t103-某县医疗保障局\t\t实施单位\t\t某县医保中心\t\n"
    "项目属性\t\t经常性项目(长期开展)\t\t项目期 99年\t\t\t\n"
    "项目资金 (元)\t实施期资金总额:\t304,200\t年度资金总额:\t304,200\t\t\n"
    "\t其中:中央财政资金\t0\t其中:中央财政资金\t0\t\t\n"
    "\t市县(区)财政资金\t304,200\t市县(区)财政资金\t304,200\t\t\n"
    "\t其他资金\t\t其他资金\t\t\t\n"
    "项目概况\t<p>本项目用于医保专线费用。</p>\t\t\t\t\t\n"
    "\t\t实施期目标\t\t年度目标\t\t\t\n"
    "总体目标\t提高信息化水平。\t\t\t保障网络安全。\t\t\t\n"
    "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t二级指标\t三级指标\t指标值\n"
    "\t产出指标\t数量指标\t网络条数\t401条\t数量指标\t网络条数\t401条\n"
    "\t\t\t覆盖村数\t≥190个\t\t覆盖村数\t≥190个\n"
    "\t成本指标\t该项目总金额\t30.42万元\t成本指标\t该项目总金额\t30.42万元\t\n"
    "\t效益指标\t经济效益\t\t\t经济效益\t\t\n"
    "\t\t社会效益\t提高管理水平\t提高\t社会效益\t提高管理水平\t提高\n"
    "满意度指标\t服务对象满意度\t服务对象满意度\t≥90%\t服务对象满意度\t服务对象满意度\t≥90%\t\n"
    "负责人:\t经办人:\t\t联系电话:\t\t填报日期:\t20251205\t\n";

TEST(TargetReader, ReadsATabbedTableByMeaningDespiteShiftedColumns) {
  Document doc = Read(kTabbed);
  ASSERT_EQ(doc.targets.size(), 1u);
  const TargetTable& t = doc.targets[0];
  EXPECT_EQ(t.layout, "tabbed");
  EXPECT_EQ(t.project_name.text, "信息化经费");
  EXPECT_EQ(t.project_name.at.line, 3u);
  EXPECT_EQ(t.department_code, "103");
  EXPECT_EQ(t.department.text, "某县医疗保障局");
  EXPECT_EQ(t.implementing_unit.text, "某县医保中心");
  EXPECT_EQ(t.attribute.text, "经常性项目(长期开展)");
  EXPECT_EQ(t.duration.text, "99年");
  EXPECT_EQ(t.funds[kImplementation].total.fen, 30420000);
  EXPECT_EQ(t.funds[kAnnual].local.fen, 30420000);
  EXPECT_EQ(t.funds[kAnnual].central.fen, 0);
  EXPECT_TRUE(t.funds[kAnnual].central.present());
  EXPECT_FALSE(t.funds[kAnnual].other.present());
  EXPECT_EQ(t.overview.text, "<p>本项目用于医保专线费用。</p>");
  EXPECT_EQ(t.goals[kImplementation].text, "提高信息化水平。");
  EXPECT_EQ(t.goals[kAnnual].text, "保障网络安全。");
  const std::vector<std::string> expected = {
      "数量指标/网络条数=401条", "数量指标/覆盖村数=≥190个", "成本指标/该项目总金额=30.42万元",
      "社会效益/提高管理水平=提高", "服务对象满意度/服务对象满意度=≥90%"};
  EXPECT_EQ(Names(t.indicators[kImplementation]), expected);
  EXPECT_EQ(Names(t.indicators[kAnnual]), expected);
  EXPECT_EQ(t.indicators[kAnnual][0].level1, "产出指标");
  EXPECT_EQ(t.indicators[kAnnual][3].level1, "效益指标");
  EXPECT_EQ(t.indicators[kAnnual][4].level1, "满意度指标");
  EXPECT_EQ(t.indicators[kAnnual][1].value.comparator(), "≥");
  EXPECT_EQ(t.indicators[kAnnual][1].value_at.line, 15u);
  EXPECT_EQ(t.confidence, Confidence::kFull);
  EXPECT_TRUE(t.gaps.empty());
}

// Level names as other templates print them: short ("产出", "数量"), older ("效果指标"), and
// 成本指标 as a first level over 经济成本指标 and the other costs. Each is read into the tree;
// the rules judge them by their canonical names, so the table raises nothing but the cost
// beyond its funds.
TEST(TargetReader, ReadsLevelNamesInTheirOtherPrintedForms) {
  std::string text = kTabbed;
  const std::string rows_before =
      "\t产出指标\t数量指标\t网络条数\t401条\t数量指标\t网络条数\t401条\n"
      "\t\t\t覆盖村数\t≥190个\t\t覆盖村数\t≥190个\n"
      "\t成本指标\t该项目总金额\t30.42万元\t成本指标\t该项目总金额\t30.42万元\t\n"
      "\t效益指标\t经济效益\t\t\t经济效益\t\t\n"
      "\t\t社会效益\t提高管理水平\t提高\t社会效益\t提高管理水平\t提高\n"
      "满意度指标\t服务对象满意度\t服务对象满意度\t≥90%\t服务对象满意度\t服务对象满意度\t≥90%\t\n";
  const std::string rows_after =
      "\t产出\t数量\t网络条数\t401条\t数量\t网络条数\t401条\n"
      "\t\t质量\t验收合格率\t100%\t质量\t验收合格率\t100%\n"
      "\t\t时效\t完成时间\t2026年12月底前\t时效\t完成时间\t2026年12月底前\n"
      "\t成本指标\t经济成本指标\t该项目总金额\t40万元\t经济成本指标\t该项目总金额\t30.42万元\n"
      "\t效果指标\t社会效益\t提高管理水平\t提高\t社会效益\t提高管理水平\t提高\n"
      "满意度\t服务对象满意度\t服务对象满意度\t≥90%\t服务对象满意度\t服务对象满意度\t≥90%\t\n"
      // An indicator named as a level's bare form: a name, for its value follows it.
      "\t\t\t满意度\t≥95%\t\t满意度\t≥95%\n";
  text.replace(text.find(rows_before), rows_before.size(), rows_after);
  Document doc = Read(text);
  ASSERT_EQ(doc.targets.size(), 1u);
  const TargetTable& t = doc.targets[0];
  EXPECT_EQ(Names(t.indicators[kAnnual]),
            (std::vector<std::string>{
                "数量/网络条数=401条", "质量/验收合格率=100%", "时效/完成时间=2026年12月底前",
                "经济成本指标/该项目总金额=30.42万元", "社会效益/提高管理水平=提高",
                "服务对象满意度/服务对象满意度=≥90%", "服务对象满意度/满意度=≥95%"}));
  EXPECT_EQ(t.indicators[kAnnual][3].level1, "成本指标");
  EXPECT_EQ(t.indicators[kAnnual][4].level1, "效果指标");
  EXPECT_EQ(LevelOf(t.indicators[kAnnual][4].level1, 1), "效益指标");
  EXPECT_TRUE(t.gaps.empty());
  std::vector<std::string> rules;
  for (const Finding& f : CheckDocument(doc)) {
    if (f.rule.starts_with("target.")) rules.push_back(f.rule + " " + f.message);
  }
  ASSERT_EQ(rules.size(), 1u) << ::testing::PrintToString(rules);
  EXPECT_TRUE(rules[0].starts_with("target.cost-exceeds")) << rules[0];
}

// Every 项目资金 line goes to its own slot by the words of its label, however the template
// spells it; a label that names none of them is a gap, not a guess.
TEST(TargetReader, ReadsEachFundLineIntoTheSlotItsLabelNames) {
  std::string text = kTabbed;
  const std::string funds =
      "项目资金 (元)\t到位资金:\t600\t年度资金\t500\t\t\n"
      "\t其中:中央财政资金\t100\t其中：中央补助资金\t90\t\t\n"
      "\t省级财政资金\t200\t省财政资金\t190\t\t\n"
      "\t市(区)级财政资金\t150\t县本级财政资金\t120\t\t\n"
      "\t单位自筹资金\t100\t自筹\t80\t\t\n"
      "\t其他资金\t50\t其它收入\t20\t\t\n";
  const size_t begin = text.find("项目资金 (元)");
  const size_t end = text.find("项目概况");
  text.replace(begin, end - begin, funds);
  Document doc = Read(text);
  ASSERT_EQ(doc.targets.size(), 1u);
  const TargetTable& t = doc.targets[0];
  const Funds& whole = t.funds[kImplementation];
  EXPECT_EQ(whole.total.fen, 60000);
  EXPECT_EQ(whole.central.fen, 10000);
  EXPECT_EQ(whole.provincial.fen, 20000);
  EXPECT_EQ(whole.local.fen, 15000);
  EXPECT_EQ(whole.self_raised.fen, 10000);
  EXPECT_EQ(whole.other.fen, 5000);
  EXPECT_EQ(whole.provincial_at.line, whole.at.line + 2);
  const Funds& year = t.funds[kAnnual];
  EXPECT_EQ(year.total.fen, 50000);
  EXPECT_EQ(year.central.fen, 9000);
  EXPECT_EQ(year.provincial.fen, 19000);
  EXPECT_EQ(year.local.fen, 12000);
  EXPECT_EQ(year.self_raised.fen, 8000);
  // "其它收入" names no fund line: its cell is a gap and the slot stays empty.
  EXPECT_FALSE(year.other.present());
  EXPECT_TRUE(std::any_of(t.gaps.begin(), t.gaps.end(), [](const Diagnostic& d) {
    return d.message.find("其它收入") != std::string::npos;
  })) << "the unclassified label is reported";
}

// 项目资金 in 万元, said by its label or by a unit line above the table: read as 元 before.
TEST(TargetReader, ReadsProjectFundsIn万元) {
  const std::string funds_before =
      "项目资金 (元)\t实施期资金总额:\t304,200\t年度资金总额:\t304,200\t\t\n"
      "\t其中:中央财政资金\t0\t其中:中央财政资金\t0\t\t\n"
      "\t市县(区)财政资金\t304,200\t市县(区)财政资金\t304,200\t\t\n";
  const std::string funds_after =
      "项目资金{}\t实施期资金总额:\t30.42\t年度资金总额:\t30.42\t\t\n"
      "\t其中:中央财政资金\t0\t其中:中央财政资金\t0\t\t\n"
      "\t市县(区)财政资金\t30.42\t市县(区)财政资金\t30.42\t\t\n";
  const std::string title = "(2026年度)\n";
  for (const auto& [label, unit_line] : {std::pair<const char*, const char*>{"（万元）", ""},
                                         {" (万元)", ""},
                                         {"", "金额单位：万元\n"}}) {
    std::string text = kTabbed;
    text.replace(text.find(funds_before), funds_before.size(),
                 fmt::format(fmt::runtime(funds_after), label));
    text.insert(text.find(title) + title.size(), unit_line);
    Document doc = Read(text);
    ASSERT_EQ(doc.targets.size(), 1u) << label;
    const TargetTable& t = doc.targets[0];
    EXPECT_EQ(t.funds[kImplementation].total.fen, 30420000) << label << unit_line;
    EXPECT_EQ(t.funds[kAnnual].local.fen, 30420000) << label << unit_line;
    EXPECT_EQ(t.funds[kAnnual].central.fen, 0) << label << unit_line;
  }
}

const char* kCellPerLine =
    "\t2026年民生领域重大事项绩效目标情况表\n"
    "\n"
    "\t序号\n\t单  位\n\t项  目\n\t预算金额（元）\n"
    "\n"
    "\t1\n\t某县卫生健康局\n\t育儿补贴本级补助\n\t32656100\n"
    "\n"
    "\t合  计\n\t32656100\n"
    "\n"
    "\t某县县(区)级预算部门（单位）项目支出绩效目标表\n"
    "\n"
    "\t项目名称\n\t育儿补贴本级补助\n"
    "\n"
    "\t（项目资金\n（元）\n\t实施期资金总额：\n\t32656100\n\t年度资金总额：\n\t32656100\n"
    "\n"
    "\t\n\t其中：中央财政资金\n\t28755100\n\t其中：中央财政资金\n\t28755100\n"
    "\n"
    "\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\t二级指标\n\t三级指标\n\t指标值\n"
    "\n"
    "\t\n\t产出指标\n\t数量指标\n\t补贴人数\n\t≤12000人\n\t数量指标\n\t补贴人数\n\t≤12000人\n"
    "\n"
    "\t\n\t\n\t\n\t覆盖率\n\t100%\n\t\n\t覆盖率\n\t100%\n";

TEST(TargetReader, RegroupsOneCellPerLineIntoRows) {
  Document doc = Read(kCellPerLine);
  ASSERT_EQ(doc.targets.size(), 1u);
  const TargetTable& t = doc.targets[0];
  EXPECT_EQ(t.layout, "cell-per-line");
  EXPECT_EQ(t.project_name.text, "育儿补贴本级补助");
  EXPECT_EQ(t.funds[kAnnual].total.fen, 3265610000);
  EXPECT_EQ(t.funds[kImplementation].central.fen, 2875510000);
  EXPECT_EQ(Names(t.indicators[kAnnual]),
            (std::vector<std::string>{"数量指标/补贴人数=≤12000人", "数量指标/覆盖率=100%"}));
  EXPECT_EQ(Names(t.indicators[kImplementation]), Names(t.indicators[kAnnual]));

  const LivelihoodSummary& s = doc.livelihood;
  ASSERT_TRUE(s.present);
  ASSERT_EQ(s.rows.size(), 1u);
  EXPECT_EQ(s.rows[0].unit, "某县卫生健康局");
  EXPECT_EQ(s.rows[0].amount.fen, 3265610000);
  EXPECT_EQ(s.rows[0].target, 0);
  EXPECT_EQ(s.total.fen, 3265610000);
  EXPECT_EQ(s.total_at.line, 14u);
}

// The 民生 summary and the 项目资金 in 万元, as the header and the label say: the same fen.
TEST(TargetReader, ReadsTheSummaryAndTheFundsIn万元) {
  std::string text = kCellPerLine;
  auto replace_all = [&](std::string_view from, std::string_view to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + 1)) {
      text.replace(at, from.size(), to);
    }
  };
  replace_all("预算金额（元）", "预算金额（万元）");
  replace_all("（元）", "（万元）");
  replace_all("32656100", "3265.61");
  replace_all("28755100", "2875.51");
  Document doc = Read(text);
  ASSERT_EQ(doc.targets.size(), 1u);
  EXPECT_EQ(doc.targets[0].funds[kAnnual].total.fen, 3265610000);
  EXPECT_EQ(doc.targets[0].funds[kImplementation].central.fen, 2875510000);
  ASSERT_EQ(doc.livelihood.rows.size(), 1u);
  EXPECT_EQ(doc.livelihood.rows[0].amount.fen, 3265610000);
  EXPECT_EQ(doc.livelihood.total.fen, 3265610000);
}

TEST(TargetReader, ReadsTheOverallTable) {
  Document doc = Read(
      "县级预算单位整体支出绩效目标申报表\n"
      "部门基本信息\t部门名称\t064-某县人社局\t\t\n"
      "\t内设职能部门数\t8个\t所属预算单位数\t3个\n"
      "年度预算情况\t按资金来源划分\t资金总额(万元)\t按资金方向划分\t资金总额(万元)\n"
      "\t合计\t8237.74\t合计\t8237.74\n"
      "\t其中:一般公共预算资金\t6718.33\t其中:基本支出\t1123.27\n"
      "年度重点任务\t核心职能\t重点任务\t\t\n"
      "\t就业和社保\t按时足额发放\t\t\n"
      "年度绩效目标\t确保各类补助按时发放。\t\t\t\n"
      "年度绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n"
      "\t产出指标\t数量指标\t待遇领取人数\t≥3000人\n"
      "\t满意度指标\t服务对象满意度\t享受补助人员满意度\t满意\n");
  ASSERT_EQ(doc.targets.size(), 1u);
  const TargetTable& t = doc.targets[0];
  EXPECT_EQ(t.kind, TargetTable::Kind::kOverall);
  EXPECT_EQ(t.project_name.text, "某县人社局");
  EXPECT_EQ(t.department_code, "064");
  ASSERT_EQ(t.facts.size(), 2u);
  EXPECT_EQ(t.facts[1].label, "所属预算单位数");
  EXPECT_EQ(t.facts[1].printed, "3个");
  ASSERT_EQ(t.funds_by_source.size(), 2u);
  EXPECT_EQ(t.funds_by_source[1].label, "一般公共预算资金");
  ASSERT_EQ(t.funds_by_use.size(), 2u);
  EXPECT_EQ(t.funds_by_use[1].printed, "1123.27");
  EXPECT_EQ(t.tasks.size(), 2u);
  EXPECT_EQ(t.goals[kAnnual].text, "确保各类补助按时发放。");
  EXPECT_TRUE(t.indicators[kImplementation].empty());
  EXPECT_EQ(Names(t.indicators[kAnnual]),
            (std::vector<std::string>{"数量指标/待遇领取人数=≥3000人",
                                      "服务对象满意度/享受补助人员满意度=满意"}));
}

const char* kPdfTable =
    "某区预算部门（单位）项目支出绩效目标表\n单位：元\n项目名称\n\n主管部门及代码\n\n项目属性\n\n"
    "年度目标\n\n绩效指标\n\n学前教育公用经费\n\n034-某区教育局\n\n经常性项目（长期开展）\n\n"
    "保障幼儿园正常运转。\n\n一级指标\n\n产出指标\n\n二级指标\n\n数量指标\n\n实施单位\n\n"
    "项目资金（元）\n\n三级指标\n\n保障幼儿园数\n\n保障幼儿数\n\n拨付标准达标率\n\n某区教育局\n\n"
    "4515600\n\n指标值\n\n≥33所\n≥7526人\n\n100%\n";

TEST(TargetReader, PairsPdfTextRunsOnlyWhenTheyAreWhole) {
  Document doc = Read(kPdfTable);
  ASSERT_EQ(doc.targets.size(), 1u);
  const TargetTable& t = doc.targets[0];
  EXPECT_EQ(t.layout, "pdf-text");
  EXPECT_EQ(t.project_name.text, "学前教育公用经费");
  EXPECT_EQ(t.department_code, "034");
  EXPECT_EQ(t.goals[kAnnual].text, "保障幼儿园正常运转。");
  EXPECT_EQ(t.implementing_unit.text, "某区教育局");
  EXPECT_EQ(t.funds[kAnnual].total.fen, 451560000);
  EXPECT_EQ(t.confidence, Confidence::kFull);
  EXPECT_EQ(Names(t.indicators[kAnnual]),
            (std::vector<std::string>{"/保障幼儿园数=≥33所", "/保障幼儿数=≥7526人",
                                      "/拨付标准达标率=100%"}));
}

TEST(TargetReader, RefusesToPairPdfTextWhenAValueIsMissing) {
  std::string text = kPdfTable;
  text.replace(text.find("\n\n100%\n"), 7, "\n");  // one value short
  Document doc = Read(text);
  ASSERT_EQ(doc.targets.size(), 1u);
  const TargetTable& t = doc.targets[0];
  EXPECT_EQ(t.confidence, Confidence::kLow);
  ASSERT_EQ(t.indicators[kAnnual].size(), 3u);
  for (const Indicator& i : t.indicators[kAnnual]) EXPECT_EQ(i.value.kind, ValueKind::kEmpty);
  ASSERT_FALSE(t.gaps.empty());
}

TEST(TargetReader, RefusesImplausiblePdfPairs) {
  std::string text = kPdfTable;
  // Swap the values so that a rate would get a head count.
  text.replace(text.find("≥7526人"), std::string("≥7526人").size(), "90%");
  text.replace(text.find("\n100%\n"), 6, "\n≥7526人\n");
  Document doc = Read(text);
  ASSERT_EQ(doc.targets.size(), 1u);
  EXPECT_EQ(doc.targets[0].confidence, Confidence::kLow);
}

TEST(TargetReader, TruncatedTableGivesAPartialModelWithItsGapsMarked) {
  std::string text = kTabbed;
  text.resize(text.find("绩效指标\t一级指标"));
  Document doc = Read(text);
  ASSERT_EQ(doc.targets.size(), 1u);
  const TargetTable& t = doc.targets[0];
  EXPECT_EQ(t.project_name.text, "信息化经费");
  EXPECT_EQ(t.funds[kAnnual].total.fen, 30420000);
  EXPECT_TRUE(t.indicators[kAnnual].empty());
  EXPECT_EQ(t.confidence, Confidence::kPartial);
  ASSERT_FALSE(t.gaps.empty());
  EXPECT_NE(t.gaps.back().message.find("绩效指标"), std::string::npos);
}

TEST(TargetReader, ReadsPdfTextSummaryColumnsByOrder) {
  Document doc = Read(
      "\n2025年民生领域重大事项绩效目标情况表\n单位：元\n\n1\n2\n\n"
      "034001-某区教育局\n\n041002-某区城乡居民最低生活保\n障服务中心\n\n"
      "学前教育公用经费\n\n城乡低保金\n\n4515600\n21912000.50\n\n"
      "序号 预算单位 项目名称 预算金额\n 项目名称\n学前教育公用经费\n");
  const LivelihoodSummary& s = doc.livelihood;
  ASSERT_TRUE(s.present);
  EXPECT_EQ(s.confidence, "columns-by-order");
  ASSERT_EQ(s.rows.size(), 2u);
  EXPECT_EQ(s.rows[1].unit_code, "041002");
  EXPECT_EQ(s.rows[1].unit, "某区城乡居民最低生活保障服务中心");
  EXPECT_EQ(s.rows[1].project, "城乡低保金");
  EXPECT_EQ(s.rows[1].amount.fen, 2191200050);
  EXPECT_EQ(s.rows[0].target, 0);   // linked by name
  EXPECT_EQ(s.rows[1].target, -1);  // no target table of its own
}

}  // namespace
}  // namespace yusuan
