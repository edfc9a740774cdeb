#include "store/fetch.h"

#include <fmt/format.h>

#include "model/json.h"

namespace yusuan {
namespace {

Status Missing(int64_t id) { return Status::NotFound(fmt::format("没有 id 为 {} 的文件", id)); }

std::vector<uint32_t> SplitLines(const std::string& list) {
  std::vector<uint32_t> lines;
  uint32_t value = 0;
  bool any = false;
  for (char ch : list) {
    if (ch >= '0' && ch <= '9') {
      value = value * 10 + static_cast<uint32_t>(ch - '0');
      any = true;
    } else if (ch == ',') {
      if (any) lines.push_back(value);
      value = 0;
      any = false;
    }
  }
  if (any) lines.push_back(value);
  return lines;
}

}  // namespace

Result<std::string> FetchModelJson(Store& store, int64_t id) {
  // `id` is an integer, so it is safe inside the statement.
  auto q = store.Query(fmt::format("SELECT model_json FROM documents WHERE id = {}", id));
  if (!q.ok()) return q.status();
  if (q->rows.empty() || !q->rows[0][0]) return Missing(id);
  return std::move(*q->rows[0][0]);
}

Result<std::vector<Finding>> FetchFindings(Store& store, int64_t id) {
  auto name = store.Query(fmt::format("SELECT file_name FROM documents WHERE id = {}", id));
  if (!name.ok()) return name.status();
  if (name->rows.empty() || !name->rows[0][0]) return Missing(id);
  auto q = store.Query(
      fmt::format("SELECT rule, severity, line, message, expected, actual, related_lines "
                  "FROM findings WHERE document_id = {} ORDER BY ordinal",
                  id));
  if (!q.ok()) return q.status();
  std::vector<Finding> findings;
  findings.reserve(q->rows.size());
  for (const auto& row : q->rows) {
    Finding f;
    f.rule = row[0].value_or("");
    f.severity = SeverityFromId(row[1].value_or(""));
    f.line = static_cast<uint32_t>(std::stoul(row[2].value_or("0")));
    f.message = row[3].value_or("");
    f.expected = row[4].value_or("");
    f.actual = row[5].value_or("");
    f.related_lines = SplitLines(row[6].value_or(""));
    f.file = *name->rows[0][0];
    findings.push_back(std::move(f));
  }
  return findings;
}

Result<FetchedDocument> FetchDocument(Store& store, int64_t id) {
  auto json = FetchModelJson(store, id);
  if (!json.ok()) return json.status();
  Json parsed = Json::parse(*json, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded())
    return Status::InvalidArgument(fmt::format("文件 {} 在数据库中的模型已损坏", id));
  auto doc = DocumentFromJson(parsed);
  if (!doc.ok()) return doc.status();
  auto findings = FetchFindings(store, id);
  if (!findings.ok()) return findings.status();
  return FetchedDocument{std::move(*doc), std::move(*findings)};
}

Status DeleteDocument(Store& store, int64_t id) {
  auto exists = store.Query(fmt::format("SELECT id FROM documents WHERE id = {}", id));
  if (!exists.ok()) return exists.status();
  if (exists->rows.empty()) return Missing(id);
  return store.Remove(id);
}

}  // namespace yusuan
