// PostgreSQL backend, for a database shared by several reviewers: the same schema, the same
// rows, through libpq with parameters (never string-built values).
#include <libpq-fe.h>

#include "store/store.h"

namespace yusuan {
namespace {

class PostgresStore : public Store {
 public:
  explicit PostgresStore(PGconn* conn) : conn_(conn) {}
  ~PostgresStore() override { PQfinish(conn_); }

  Status Begin() override {
    Status s = Plain("BEGIN");
    in_tx_ = s.ok();
    return s;
  }
  Status Commit() override {
    in_tx_ = false;
    return Plain("COMMIT");
  }
  Status Rollback() override {
    in_tx_ = false;
    return Plain("ROLLBACK");
  }

  Status Plain(const std::string& sql) {
    PGresult* r = PQexec(conn_, sql.c_str());
    Status s = Check(r);
    PQclear(r);
    return s;
  }

  Result<QueryResult> Query(const std::string& sql) override {
    // Outside a load's transaction, a query runs in a read-only transaction: PostgreSQL
    // itself refuses any write.
    bool wrap = !in_tx_;
    if (wrap) {
      Status s = Plain("BEGIN READ ONLY");
      if (!s.ok()) return s;
    }
    PGresult* r = PQexec(conn_, sql.c_str());
    Result<QueryResult> out = Status::Ok();
    ExecStatusType st = PQresultStatus(r);
    if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
      out = Status::InvalidArgument(std::string("SQL 有误或不是只读查询：") +
                                    PQresultErrorMessage(r));
    } else {
      QueryResult q;
      int cols = PQnfields(r);
      for (int c = 0; c < cols; ++c) q.columns.emplace_back(PQfname(r, c));
      for (int row = 0; row < PQntuples(r); ++row) {
        std::vector<std::optional<std::string>> values;
        for (int c = 0; c < cols; ++c) {
          if (PQgetisnull(r, row, c)) {
            values.emplace_back(std::nullopt);
          } else {
            values.emplace_back(std::string(PQgetvalue(r, row, c), PQgetlength(r, row, c)));
          }
        }
        q.rows.push_back(std::move(values));
      }
      out = std::move(q);
    }
    PQclear(r);
    if (wrap) Plain("ROLLBACK");
    return out;
  }

 protected:
  Status Exec(const std::string& sql, const std::vector<Value>& params) override {
    PGresult* r = Params(sql, params);
    Status s = Check(r);
    PQclear(r);
    return s;
  }

  Status Insert(const std::string& table, const std::vector<std::string>& columns,
                const std::vector<Value>& values) override {
    return Exec(InsertStatement(table, columns), values);
  }

  Result<int64_t> InsertReturningId(const std::string& table,
                                    const std::vector<std::string>& columns,
                                    const std::vector<Value>& values) override {
    PGresult* r = Params(InsertStatement(table, columns) + " RETURNING id", values);
    Status s = Check(r);
    if (!s.ok() || PQntuples(r) != 1) {
      PQclear(r);
      return s.ok() ? Status::IoError("INSERT 未返回 id") : s;
    }
    int64_t id = std::stoll(PQgetvalue(r, 0, 0));
    PQclear(r);
    return id;
  }

 private:
  PGresult* Params(const std::string& sql, const std::vector<Value>& params) {
    std::vector<std::string> text(params.size());
    std::vector<const char*> pointers(params.size(), nullptr);
    for (size_t i = 0; i < params.size(); ++i) {
      if (const auto* v = std::get_if<int64_t>(&params[i])) {
        text[i] = std::to_string(*v);
        pointers[i] = text[i].c_str();
      } else if (const auto* s = std::get_if<std::string>(&params[i])) {
        pointers[i] = s->c_str();
      }
    }
    return PQexecParams(conn_, sql.c_str(), static_cast<int>(params.size()), nullptr,
                        pointers.data(), nullptr, nullptr, 0);
  }

  Status Check(PGresult* r) {
    ExecStatusType st = PQresultStatus(r);
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return Status::Ok();
    return Status::IoError(std::string("PostgreSQL：") + PQresultErrorMessage(r));
  }

  PGconn* conn_;
  bool in_tx_ = false;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenPostgres(const std::string& url, Store::Mode mode) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
      message.pop_back();
    return Status::IoError("无法连接 PostgreSQL（" + message + "）");
  }
  PQsetClientEncoding(conn, "UTF8");
  auto store = std::make_unique<PostgresStore>(conn);
  if (mode == Store::Mode::kReadWrite) {
    // Quiet the NOTICEs of IF NOT EXISTS; one schema script, in one transaction.
    Status s = store->Plain("SET client_min_messages = warning");
    if (s.ok()) s = store->Plain("BEGIN");
    if (s.ok()) s = store->Plain("SELECT pg_advisory_xact_lock(4242)");  // concurrent first opens
    if (s.ok()) s = store->Plain(SchemaSql("postgresql"));
    if (s.ok()) s = store->Plain("COMMIT");
    if (!s.ok()) return s;
  }
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace yusuan
