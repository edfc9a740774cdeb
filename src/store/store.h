// The store: every loaded disclosure in a database, with its tables cell by cell, projects,
// performance targets and indicators, narrative claims and findings.
//
//   auto store = Store::Open("yusuan.db", Store::Mode::kReadWrite);   // SQLite, created if absent
//   (*store)->Begin();
//   (*store)->Put(StoredDocument{bytes_hash, &doc, &findings});       // replaces the same content
//   (*store)->Commit();
//   auto rows = (*store)->Query("SELECT name, year FROM documents");
//
// One document is written inside one transaction, so a load killed at any moment leaves only
// whole documents; the same content (by SHA-256) is replaced, never duplicated.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/status.h"
#include "check/finding.h"
#include "model/document.h"

namespace yusuan {

struct StoredDocument {
  std::string content_hash;  // SHA-256 of the file's bytes
  const Document* doc = nullptr;
  const std::vector<Finding>* findings = nullptr;
  // The model as JSON when the caller has it already (loaders make it on their reader
  // threads); Put makes it otherwise.
  const std::string* model_json = nullptr;
};

struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<std::optional<std::string>>> rows;  // nullopt = SQL NULL
};

// A row as it is read: a value per column, nullopt for SQL NULL; the views hold until the next
// row. Returns false to stop the query there.
using RowFn = std::function<bool(const std::vector<std::optional<std::string_view>>&)>;
// The column names, handed over once before the first row (also when there is none).
using ColumnsFn = std::function<void(const std::vector<std::string>&)>;

// A value written to the database.
using Value = std::variant<std::monostate, int64_t, std::string>;

class Store {
 public:
  enum class Mode { kReadWrite, kReadOnly };
  virtual ~Store() = default;

  // "postgresql://…" or "postgres://…" opens PostgreSQL; anything else is a SQLite file path.
  // Read-write opening creates the schema when it is missing.
  static Result<std::unique_ptr<Store>> Open(const std::string& target, Mode mode);

  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;
  // Writes one document and its findings, replacing a document with the same content hash.
  // REQUIRES: inside Begin()/Commit().
  virtual Result<int64_t> Put(const StoredDocument& d);
  // Removes document `id` and its rows (a missing id is not an error here; see fetch.h).
  // REQUIRES: inside Begin()/Commit().
  Status Remove(int64_t id);
  // Runs one read-only SQL statement, handing over each row as it is read: a result of any
  // size passes through without being held (a cross join of a large table, say). `params` are
  // the values of $1, $2, … (numbered in the order the statement first uses them), so what a
  // user typed is never part of the SQL. A text holding a second statement is refused.
  virtual Status QueryRows(const std::string& sql, const std::vector<Value>& params,
                           const ColumnsFn& columns, const RowFn& row) = 0;
  // The same, every row collected: for results known to be small.
  Result<QueryResult> Query(const std::string& sql, const std::vector<Value>& params = {});

 protected:
  // Backend primitives used by Put.
  virtual Status Exec(const std::string& sql, const std::vector<Value>& params) = 0;
  virtual Status Insert(const std::string& table, const std::vector<std::string>& columns,
                        const std::vector<Value>& values) = 0;
  virtual Result<int64_t> InsertReturningId(const std::string& table,
                                            const std::vector<std::string>& columns,
                                            const std::vector<Value>& values) = 0;
};

// "INSERT INTO t (a, b) VALUES ($1, $2)": both backends take numbered parameters.
std::string InsertStatement(const std::string& table, const std::vector<std::string>& columns);

// The schema, for one dialect ("sqlite" or "postgresql"): tables and named views.
std::string SchemaSql(const std::string& dialect);

// Names and descriptions of the shipped views, for README and --help.
struct ViewInfo {
  const char* name;
  const char* description;
};
std::vector<ViewInfo> Views();

Result<std::unique_ptr<Store>> OpenSqlite(const std::string& path, Store::Mode mode);
Result<std::unique_ptr<Store>> OpenPostgres(const std::string& url, Store::Mode mode);

}  // namespace yusuan
