#include "read/document_reader.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "testing/samples.h"

namespace yusuan {
namespace {

Result<Document> Read(const std::string& text) { return ReadDecoded(text, "doc.txt", "UTF-8"); }

const char* kUnitDoc =
    "\n"
    "高平市医疗保险服务中心\n"
    "\n"
    "2026年度单位预算公开\n"
    "\n"
    "# 目 录\n"
    "\n"
    "<b>第一部分 概况</b> .....\t<b>1</b>\n"
    "表三2026年预算支出总表.....\t6\n"
    "\n"
    "十、绩效管理情况.....\t19\n"
    "\n"
    "## 第一部分 概况\n"
    "\n"
    "### 一、本单位职责\n"
    "\n"
    "(一) 贯彻落实医疗保障经办工作的方针政策。\n"
    "\n"
    "(二) 负责参保登记、费用征缴。\n"
    "\n"
    "### 二、机构设置情况\n"
    "\n"
    "(一) 综合股\n"
    "\n"
    "(二) 基金财务股\n"
    "\n"
    "## 第二部分 2026年单位预算报表\n"
    "\n"
    "### 2026年预算支出总表\n"
    "\n"
    "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
    "合计\t\t6056.35\t383.26\t5673.09\n"
    "\n"
    "### 第三部分 2026年度单位预算情况说明\n"
    "\n"
    "#### 一、单位预算收支数据变动情况及原因\n"
    "\n"
    "2026年度预算收入总计6,056.35万元。\n"
    "\n"
    "## 十一、国有资产占有使用情况\n"
    "\n"
    "### 1、车辆情况：\n"
    "\n"
    "截至2025年12月31日，共有公务用车编制2辆，实有1辆，其中：领导用车0辆，事业单位业务用车1辆，其他"
    "公务用车0辆。\n"
    "\n"
    "截至2025年12月31日，使用的办公用房建筑总面积1,250.5平方米。\n"
    "\n"
    "占有使用价值50万元（原值）以上的通用设备3台（套）。\n"
    "\n"
    "## 第四部分 名词解释\n";

TEST(DocumentReader, ReadsKindYearNameAndRegionFromTheOpeningLines) {
  auto doc = Read(kUnitDoc);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->kind, DocumentKind::kUnit);
  EXPECT_EQ(doc->year, 2026);
  EXPECT_EQ(doc->name, "高平市医疗保险服务中心");
  EXPECT_EQ(doc->region, "高平市");
  EXPECT_EQ(doc->title.at.line, 4u);
}

TEST(DocumentReader, NeverTakesTableOfContentsEntriesForTables) {
  auto doc = Read(kUnitDoc);
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->tables.size(), 1u);
  EXPECT_EQ(doc->tables[0].title_at.line, 29u);
}

TEST(DocumentReader, ReadsDutiesAndOffices) {
  auto doc = Read(kUnitDoc);
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->overview.duties.size(), 2u);
  EXPECT_EQ(doc->overview.duties[1].at.line, 19u);
  ASSERT_EQ(doc->overview.offices.size(), 2u);
  EXPECT_EQ(doc->overview.offices[1].text, "基金财务股");
}

TEST(DocumentReader, SplitsOfficesAndUnitsFromASentence) {
  auto doc = Read(
      "孟县人力资源和社会保障局\n2026年度部门预算公开\n第一部分 概况\n二、机构设置情况\n"
      "局机关内设办公室（党组办公室）、事业单位管理股、工伤认定鉴定股等3个机构。所属事业单位共2个，"
      "分别为：孟县公共就业和人才服务中心、孟县社会保险中心。\n第二部分 报表\n");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->kind, DocumentKind::kDepartment);
  EXPECT_EQ(doc->region, "孟县");
  ASSERT_EQ(doc->overview.offices.size(), 3u);
  EXPECT_EQ(doc->overview.offices[0].text, "办公室（党组办公室）");
  EXPECT_EQ(doc->overview.offices[2].text, "工伤认定鉴定股");
  ASSERT_EQ(doc->overview.subordinate_units.size(), 2u);
  EXPECT_EQ(doc->overview.subordinate_units[1].text, "孟县社会保险中心");
}

TEST(DocumentReader, ReadsTheNarrativeAsSectionsWithLines) {
  auto doc = Read(kUnitDoc);
  ASSERT_TRUE(doc.ok());
  ASSERT_GE(doc->narrative.size(), 2u);
  EXPECT_EQ(doc->narrative[0].heading.text, "一、单位预算收支数据变动情况及原因");
  ASSERT_EQ(doc->narrative[0].paragraphs.size(), 1u);
  EXPECT_EQ(doc->narrative[0].paragraphs[0].at.line, 38u);
}

// Part headings numbered in digits ("第3部分", "第３部分") as in Chinese numerals: the
// narrative was not found at all under "第3部分" (no claim read, nothing checked).
TEST(DocumentReader, FindsPartsNumberedInDigits) {
  for (const char* three : {"第3部分", "第３部分"}) {
    std::string text = kUnitDoc;
    for (size_t at = text.find("第三部分"); at != std::string::npos;
         at = text.find("第三部分", at)) {
      text.replace(at, std::string_view("第三部分").size(), three);
    }
    auto doc = Read(text);
    ASSERT_TRUE(doc.ok()) << three;
    ASSERT_GE(doc->narrative.size(), 2u) << three;
    EXPECT_EQ(doc->narrative[0].heading.text, "一、单位预算收支数据变动情况及原因");
  }
}

TEST(DocumentReader, ReadsVehiclesFloorAreaAndEquipment) {
  auto doc = Read(kUnitDoc);
  ASSERT_TRUE(doc.ok());
  const Assets& a = doc->assets;
  EXPECT_TRUE(a.present);
  EXPECT_EQ(a.vehicle_quota.hundredths, 200);
  EXPECT_EQ(a.vehicles_held.hundredths, 100);
  EXPECT_EQ(a.vehicles_held.at.line, 44u);
  ASSERT_EQ(a.vehicles_by_type.size(), 3u);
  EXPECT_EQ(a.vehicles_by_type[1].label, "事业单位业务用车");
  EXPECT_EQ(a.vehicles_by_type[1].hundredths, 100);
  EXPECT_EQ(a.vehicles_by_type[2].label, "其他公务用车");
  EXPECT_EQ(a.office_area.printed, "1,250.5");
  EXPECT_EQ(a.office_area.hundredths, 125050);
  ASSERT_EQ(a.equipment.size(), 1u);
  EXPECT_EQ(a.equipment[0].hundredths, 300);
}

TEST(DocumentReader, RefusesTextThatIsNotADisclosure) {
  auto doc = Read("这是一份会议纪要。\n与会人员讨论了明年的工作安排。\n");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().kind(), Status::Kind::kNotDisclosure);
  EXPECT_NE(doc.status().message().find("doc.txt"), std::string::npos);
}

TEST(DocumentReader, CountsTargetTablesOncePerProjectEvenWithRepeatedTitles) {
  auto doc = Read(
      "2026年民生领域重大事项绩效目标情况表\n"
      "某区预算部门（单位）项目支出绩效目标表\n单位：元\n"
      "某区预算部门（单位）项目支出绩效目标表\n单位：元\n"
      "项目名称\t甲项目\n绩效指标\t一级指标\n"
      "某区预算部门（单位）项目支出绩效目标表\n"
      "产出指标\n"
      "项目名称\t乙项目\n"
      "项目名称\t丙项目\n");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->kind, DocumentKind::kLivelihood);
  ASSERT_EQ(doc->targets.size(), 3u);
  EXPECT_EQ(doc->targets[0].at.line, 4u);
  EXPECT_EQ(doc->targets[0].project_name.text, "甲项目");
  EXPECT_EQ(doc->targets[1].project_name.text, "乙项目");
  EXPECT_EQ(doc->targets[1].project_name.at.line, 10u);
  EXPECT_EQ(doc->targets[1].at.line, 8u);
  EXPECT_EQ(doc->targets[2].at.line, 11u);  // no title of its own
  EXPECT_EQ(doc->region, "某区");
}

// Converters split words with spaces; structure lines are recognised by their keys, which
// ignore them: a watermark, 目录, a printed label and a target table title.
TEST(DocumentReader, FindsStructureLinesWhoseWordsAreSplitBySpaces) {
  auto doc = Read(
      "2026年度单位预算公开\n"
      "目  录\n"
      "表三2026年预算支出总表.....\t6\n"
      "第二部分 2026年单位预算报表\n"
      "预算公开 表 3\n"
      "2026年预算支出总表\n"
      "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
      "合计\t\t6056.35\t383.26\t5673.09\n"
      "第三部分 2026年度单位预算情况说明\n"
      "一、单位预算收支数据变动情况\n"
      "2026年度预算收入总计6,056.35万元。\n"
      "仅供 内部 审核\n"
      "收入增加的原因是人员增加。\n"
      "某单位 项目支出 绩效 目标表\n"
      "项目名称\t甲项目\n");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_EQ(doc->tables.size(), 1u);  // the TOC entry is not a table
  EXPECT_EQ(doc->tables[0].title_at.line, 6u);
  EXPECT_EQ(doc->tables[0].printed_label, "预算公开表 3");
  ASSERT_FALSE(doc->narrative.empty());
  for (const Section& section : doc->narrative) {
    for (const TextItem& p : section.paragraphs) EXPECT_EQ(p.text.find("审核"), std::string::npos);
  }
  ASSERT_EQ(doc->targets.size(), 1u);
  EXPECT_EQ(doc->targets[0].at.line, 14u);  // its title line
}

TEST(DocumentReader, ATargetTableEndsBeforeATopLevelHeadingOnly) {
  // A heading "十一、…" (plain or marked up) after a target table ends it; numbered lines
  // that are not such headings ("1、", "（一）", a tabbed row) stay in the table.
  const struct {
    const char* line;
    bool ends;
  } kCases[] = {{"十一、国有资产占有使用情况", true},
                {"**十一、国有资产占有使用情况**", true},
                {"  三、其他说明", true},
                {"1、车辆情况", false},
                {"（一）车辆情况", false},
                {"十一、\t国有资产", false},
                {"一是加强管理", false}};
  for (const auto& c : kCases) {
    auto doc = ReadDocument(std::string("2026年度单位预算公开\n"
                                        "某单位项目支出绩效目标表\n"
                                        "项目名称\t甲项目\n"
                                        "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n") +
                                c.line + "\n正文一行\n",
                            "target-end.txt");
    ASSERT_TRUE(doc.ok()) << doc.status().message();
    ASSERT_EQ(doc->targets.size(), 1u) << c.line;
    EXPECT_EQ(doc->targets[0].last_line, c.ends ? 4u : 6u) << c.line;
  }
}

TEST(DocumentReader, PrintedLabelsAreFoundWhateverTheWidthOfTheirNumberAndTheSpaceAfterIt) {
  // The label's number in full-width digits, and white space after it that the key drops.
  for (std::string_view label :
       {"预算公开表１０", "预算公开表10\xE3\x80\x80", "部门公开表 ９ ", "预算公开表10\xC2\xA0"}) {
    auto doc =
        ReadDocument(std::string("第二部分 2026年单位预算报表\n") + std::string(label) +
                         "\n2026年预算支出总表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
                         "合计\t\t6056.35\t383.26\t5673.09\n",
                     "labels.txt");
    ASSERT_TRUE(doc.ok()) << doc.status().message();
    ASSERT_EQ(doc->tables.size(), 1u) << label;
    EXPECT_FALSE(doc->tables[0].printed_label.empty()) << label;
  }
}

TEST(DocumentReader, TheDocumentKeepsTheTextItsTextsReferTo) {
  // The model's texts are views (model/text.h): of the document's own copy of the text, never of
  // the caller's bytes. Under ASan a view of the freed bytes would fail this test.
  const char* name = "004_0beacd04c5a77258.txt";
  auto fresh = ReadDocument(testing::SampleBytes(name), name);
  ASSERT_TRUE(fresh.ok());
  Result<Document> doc = Status::NotText("unread");
  {
    std::string bytes = testing::SampleBytes(name);
    doc = ReadDocument(bytes, name);
    bytes.assign(bytes.size(), 'x');  // what a view of the caller's bytes would now read
  }
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(*doc, *fresh);
  // A copy shares the text and outlives the document it was copied from.
  Document copy = *doc;
  *doc = Document();
  EXPECT_EQ(copy, *fresh);
  EXPECT_EQ(copy.text(), fresh->text());
}

TEST(DocumentReader, CellsNamesAndValuesAreViewsOfTheTextNotCopies) {
  const char* name = "004_0beacd04c5a77258.txt";
  auto doc = ReadDocument(testing::SampleBytes(name), name);
  ASSERT_TRUE(doc.ok());
  size_t cells = 0, owned_cells = 0, indicators = 0, owned_indicators = 0;
  for (const Table& t : doc->tables) {
    for (const Cell& c : t.cells) {
      cells += !c.text.empty();
      owned_cells += c.text.owned();
    }
  }
  for (const TargetTable& t : doc->targets) {
    for (const auto& side : t.indicators) {
      for (const Indicator& i : side) {
        ++indicators;
        owned_indicators +=
            i.name.owned() || i.level1.owned() || i.level2.owned() || i.value.raw.owned();
      }
    }
  }
  ASSERT_GT(cells, 400u);
  ASSERT_GT(indicators, 400u);
  EXPECT_EQ(owned_cells, 0u);
  EXPECT_EQ(owned_indicators, 0u);
  // Texts the readers changed (cleaned of spaces, joined from lines) are copied once into the
  // document's backing: a small part of the text.
  EXPECT_LT(doc->backing.backing->kept_bytes(), doc->text().size() / 10);
}

// A disclosure with a stray byte (left by a conversion) is read as it would be without it, and
// the line holding the byte is marked as doubtful; a figure it cut is marked by the table too.
TEST(DocumentReader, AStrayByteIsReadAsUFFFDAndItsLineMarked) {
  const char* name = "001_8dd967fac47080d3.txt";
  const std::string bytes = testing::SampleBytes(name);
  const size_t in_name = bytes.find("高平市医疗保险服务中心");
  ASSERT_NE(in_name, std::string::npos);
  std::string stray = bytes;
  stray.insert(in_name + 3, "\xFF");
  auto clean = ReadDocument(bytes, name);
  auto doc = ReadDocument(stray, name);
  ASSERT_TRUE(clean.ok());
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  const uint32_t line =
      static_cast<uint32_t>(std::count(bytes.begin(), bytes.begin() + in_name, '\n')) + 1;
  ASSERT_EQ(doc->diagnostics.size(), clean->diagnostics.size() + 1);
  bool marked = false;
  for (const Diagnostic& d : doc->diagnostics) {
    marked = marked || (d.at.line == line && d.message.find("无法解码") != d.message.npos);
  }
  EXPECT_TRUE(marked);
  EXPECT_EQ(doc->name, "高\uFFFD平市医疗保险服务中心");
  EXPECT_EQ(doc->tables.size(), clean->tables.size());
  EXPECT_EQ(doc->targets.size(), clean->targets.size());
}

TEST(ReadDecoded, RefusesTextThatIsNotValidUtf8) {
  // The readers rely on decoded text being valid; text that is not is refused, never read.
  auto doc = ReadDecoded("2026年单位预算公开\n\xE9\xA2\n", "bad.txt", "UTF-8");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().kind(), Status::Kind::kNotText);
  EXPECT_NE(doc.status().message().find("bad.txt"), std::string::npos);
}

}  // namespace
}  // namespace yusuan
