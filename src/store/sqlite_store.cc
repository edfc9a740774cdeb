// SQLite backend: embedded, one file, WAL mode so readers can read while a load writes.
#include <fmt/format.h>
#include <sqlite3.h>

#include <chrono>
#include <map>
#include <thread>

#include "base/text.h"
#include "store/store.h"

namespace yusuan {
namespace {

// The start of a statement, for naming it in a message: up to its first line break, at most
// 40 bytes (whole characters), "…" when cut.
std::string Excerpt(std::string_view sql) {
  sql = Trim(sql.substr(0, sql.find('\n')));
  if (sql.size() <= 40) return std::string(sql);
  size_t cut = 40;
  while (cut > 0 && (static_cast<unsigned char>(sql[cut]) & 0xC0) == 0x80) --cut;
  return std::string(sql.substr(0, cut)) + "…";
}

// What went wrong, for a reviewer: the common conditions in Chinese, SQLite's own words after.
std::string Why(sqlite3* db) {
  const std::string said = db ? sqlite3_errmsg(db) : "out of memory";
  const char* plain = nullptr;
  switch (db ? sqlite3_errcode(db) : SQLITE_NOMEM) {
    case SQLITE_NOTADB:
      plain = "不是 SQLite 数据库文件";
      break;
    case SQLITE_CORRUPT:
      plain = "数据库文件已损坏";
      break;
    case SQLITE_FULL:
      plain = "磁盘已满";
      break;
    case SQLITE_READONLY:
      plain = "数据库只读，无法写入";
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      plain = "数据库正被其他程序写入，请稍后再试";
      break;
    case SQLITE_CANTOPEN:
      plain = "无法打开数据库";
      break;
    case SQLITE_PERM:
    case SQLITE_AUTH:
      plain = "没有访问权限";
      break;
    case SQLITE_IOERR:
      plain = "读写数据库文件出错";
      break;
    case SQLITE_NOMEM:
      plain = "内存不足";
      break;
    default:
      return said;
  }
  return std::string(plain) + "（" + said + "）";
}

class SqliteStore : public Store {
 public:
  SqliteStore(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  ~SqliteStore() override {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
  }

  Status Begin() override { return Exec("BEGIN IMMEDIATE", {}); }
  Status Commit() override { return Exec("COMMIT", {}); }
  Status Rollback() override { return Exec("ROLLBACK", {}); }

  Status Script(const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      sqlite3_free(error);  // the same words as Why's
      return Status::IoError(path_ + ": " + Why(db_));
    }
    return Status::Ok();
  }

  Status QueryRows(const std::string& sql, const std::vector<Value>& params,
                   const ColumnsFn& columns, const RowFn& row) override {
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt, &tail) !=
        SQLITE_OK) {
      return Status::InvalidArgument(std::string("SQL 有误：") + sqlite3_errmsg(db_));
    }
    if (!stmt) return Status::InvalidArgument("SQL 为空");
    // SQLite would run the first statement and leave the rest unread: a second one is refused
    // (a tail of white space, comments or semicolons prepares to nothing and is let be).
    if (sqlite3_stmt* next = nullptr;
        sqlite3_prepare_v2(db_, tail, -1, &next, nullptr) != SQLITE_OK || next != nullptr) {
      sqlite3_finalize(next);
      sqlite3_finalize(stmt);
      return Status::InvalidArgument(
          fmt::format("一次只能执行一条 SQL 语句，第二条从“{}”起", Excerpt(tail)));
    }
    if (!sqlite3_stmt_readonly(stmt)) {
      sqlite3_finalize(stmt);
      return Status::InvalidArgument("只允许只读查询（SELECT）");
    }
    Bind(stmt, params);
    const int n = sqlite3_column_count(stmt);
    std::vector<std::string> names;
    for (int i = 0; i < n; ++i) names.emplace_back(sqlite3_column_name(stmt, i));
    columns(names);
    std::vector<std::optional<std::string_view>> values(n);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      for (int i = 0; i < n; ++i) {
        if (sqlite3_column_type(stmt, i) == SQLITE_NULL) {
          values[i].reset();
        } else {
          const unsigned char* text = sqlite3_column_text(stmt, i);
          values[i] = std::string_view(reinterpret_cast<const char*>(text),
                                       static_cast<size_t>(sqlite3_column_bytes(stmt, i)));
        }
      }
      if (!row(values)) {
        rc = SQLITE_DONE;
        break;
      }
    }
    std::string message = rc == SQLITE_DONE ? "" : path_ + ": " + Why(db_);
    sqlite3_finalize(stmt);
    if (!message.empty()) return Status::IoError(message);
    return Status::Ok();
  }

 protected:
  Result<sqlite3_stmt*> Prepared(const std::string& sql) {
    auto it = statements_.find(sql);
    if (it != statements_.end()) {
      sqlite3_reset(it->second);
      sqlite3_clear_bindings(it->second);
      return it->second;
    }
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      return Status::IoError(path_ + ": " + Why(db_));
    }
    statements_.emplace(sql, stmt);
    return stmt;
  }

  // "$1", "$2", … are named parameters to SQLite, numbered in the order of first use.
  static void Bind(sqlite3_stmt* stmt, const std::vector<Value>& values) {
    for (size_t i = 0; i < values.size(); ++i) {
      int index = static_cast<int>(i + 1);
      if (const auto* v = std::get_if<int64_t>(&values[i])) {
        sqlite3_bind_int64(stmt, index, *v);
      } else if (const auto* s = std::get_if<std::string>(&values[i])) {
        sqlite3_bind_text(stmt, index, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
      } else {
        sqlite3_bind_null(stmt, index);
      }
    }
  }

  Status Run(sqlite3_stmt* stmt, const std::vector<Value>& values) {
    Bind(stmt, values);
    int rc = sqlite3_step(stmt);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
      return Status::IoError(path_ + ": " + Why(db_));
    }
    return Status::Ok();
  }

  Status Exec(const std::string& sql, const std::vector<Value>& params) override {
    auto stmt = Prepared(sql);
    if (!stmt.ok()) return stmt.status();
    return Run(*stmt, params);
  }

  Status Insert(const std::string& table, const std::vector<std::string>& columns,
                const std::vector<Value>& values) override {
    auto stmt = Prepared(InsertStatement(table, columns));
    if (!stmt.ok()) return stmt.status();
    return Run(*stmt, values);
  }

  Result<int64_t> InsertReturningId(const std::string& table,
                                    const std::vector<std::string>& columns,
                                    const std::vector<Value>& values) override {
    Status s = Insert(table, columns, values);
    if (!s.ok()) return s;
    return static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
  }

 private:
  sqlite3* db_;
  std::string path_;
  std::map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqlite(const std::string& path, Store::Mode mode) {
  sqlite3* db = nullptr;
  int flags = mode == Store::Mode::kReadOnly ? SQLITE_OPEN_READONLY
                                             : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string message = Why(db);
    sqlite3_close(db);
    return Status::IoError(path + ": " + message);
  }
  constexpr int kBusyMs = 10000;
  sqlite3_busy_timeout(db, kBusyMs);
  auto store = std::make_unique<SqliteStore>(db, path);
  if (mode == Store::Mode::kReadWrite) {
    // Turning a new database to WAL needs it alone, and SQLite says "locked" at once instead of
    // waiting (its busy handler is not asked): programs that open a new database together (a
    // load run as several processes) wait here as long as for any lock.
    Status s;
    for (int waited = 0;; waited += 20) {
      s = store->Script("PRAGMA journal_mode=WAL;");
      if (s.ok() || sqlite3_errcode(db) != SQLITE_BUSY || waited >= kBusyMs) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (s.ok()) s = store->Script("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
    if (s.ok()) s = store->Script(SchemaSql("sqlite"));
    // Databases written before findings kept their order get the column (old rows: 0).
    if (s.ok()) {
      auto has =
          store->Query("SELECT COUNT(*) FROM pragma_table_info('findings') WHERE name = 'ordinal'");
      if (!has.ok()) return has.status();
      if (has->rows.at(0).at(0).value_or("0") == "0") {
        s = store->Script("ALTER TABLE findings ADD COLUMN ordinal INTEGER NOT NULL DEFAULT 0;");
      }
    }
    if (!s.ok()) return s;
  } else {
    // A read-only connection must not write, even through a pragma.
    Status s = store->Script("PRAGMA query_only=ON;");
    if (!s.ok()) return s;
  }
  return std::unique_ptr<Store>(std::move(store));
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& target, Mode mode) {
  if (target.starts_with("postgresql://") || target.starts_with("postgres://")) {
    return OpenPostgres(target, mode);
  }
  return OpenSqlite(target, mode);
}

}  // namespace yusuan
