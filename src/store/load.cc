#include "store/load.h"

#include <algorithm>
#include <thread>

#include "base/sha256.h"
#include "check/rule.h"
#include "decode/decode.h"
#include "decode/inputs.h"
#include "model/json.h"
#include "read/document_reader.h"

namespace yusuan {
namespace {

struct Prepared : PreparedDocument {
  std::string file;
  std::string error;  // empty when the document is ready
};

Prepared Prepare(const std::string& file, size_t max_input) {
  Prepared p;
  p.file = file;
  // Read as check reads it: size limit, pipes, devices refused, errors naming the reason.
  auto bytes = ReadFileBytes(file, max_input);
  if (!bytes.ok()) {
    p.error = bytes.status().message();
    return p;
  }
  auto ready = PrepareDocument(*bytes, file);
  if (!ready.ok()) {
    p.error = ready.status().message();
    return p;
  }
  static_cast<PreparedDocument&>(p) = std::move(*ready);
  return p;
}

}  // namespace

Result<PreparedDocument> PrepareDocument(std::string_view bytes, const std::string& source) {
  auto doc = ReadDocument(bytes, source);
  if (!doc.ok()) return doc.status();
  PreparedDocument p;
  p.hash = Sha256Hex(bytes);
  p.doc = std::move(*doc);
  p.findings = CheckDocument(p.doc);
  p.model_json = DocumentJson(p.doc, -1);
  return p;
}

LoadReport LoadFiles(Store& store, const std::vector<std::string>& files,
                     const LoadOptions& options) {
  LoadReport report;
  const unsigned threads =
      options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  size_t done = 0;
  bool open = false;
  std::vector<std::string> batch;  // the files written in the open transaction
  // The open transaction failed (`why`): it is undone, and every file written in it is
  // reported as not stored, by name, so that the report says exactly what to load again.
  auto lose_batch = [&](const std::string& why) {
    store.Rollback();  // also when the backend has undone it already: then a harmless error
    open = false;
    for (const std::string& file : batch) {
      report.errors.push_back(file + ": 未存入：" + why + "（同批 " + std::to_string(batch.size()) +
                              " 份一起回滚，请重新载入）");
    }
    batch.clear();
  };
  auto commit = [&] {
    if (!open) return;
    Status s = store.Commit();
    if (!s.ok()) {
      lose_batch(s.message());
      return;
    }
    open = false;
    report.stored += batch.size();  // stored means committed
    batch.clear();
  };
  // Files are read and checked on every core, a few at a time, and stored here in the order
  // given: a load of the same files numbers them the same way every time.
  ForEachFileInOrder<Prepared>(
      files, threads, [&](size_t i) { return Prepare(files[i], options.max_input); },
      [&](size_t, Prepared&& p) {
        if (!p.error.empty()) {
          report.errors.push_back(p.error);
        } else if (Status begun = open ? Status::Ok() : store.Begin(); !begun.ok()) {
          report.errors.push_back(p.file + ": 未存入：" + begun.message());
        } else {
          open = true;
          auto id = store.Put(p.stored());
          batch.push_back(p.file);
          if (!id.ok()) {
            lose_batch(id.status().message());
          } else if (batch.size() >= options.batch) {
            commit();
          }
        }
        ++done;
        if (options.progress) options.progress(LoadProgress{done, files.size(), &p.file});
      });
  commit();
  return report;
}

}  // namespace yusuan
