// PostgreSQL backend, for a database shared by several reviewers: the same schema, the same
// rows, through libpq with parameters (never string-built values). libpq is opened when a
// PostgreSQL database is first opened, not linked (base/shared_library.h): a run that never
// touches PostgreSQL does not pay for loading it and the libraries it needs.
#include <libpq-fe.h>

#include "base/shared_library.h"
#include "store/store.h"

namespace yusuan {
namespace {

// The libpq functions the store calls.
// clang-format off
#define YUSUAN_LIBPQ_FUNCTIONS(X)                                                           \
  X(PQconnectdb) X(PQstatus) X(PQerrorMessage) X(PQsetClientEncoding) X(PQfinish)           \
  X(PQexec) X(PQexecParams) X(PQresultStatus) X(PQresultErrorMessage) X(PQclear)            \
  X(PQntuples) X(PQnfields) X(PQfname) X(PQgetisnull) X(PQgetvalue) X(PQgetlength)         \
  X(PQsendQueryParams) X(PQsetSingleRowMode) X(PQgetResult) X(PQrequestCancel)
// clang-format on

// Each member is named and typed as the function it points to, so calls read (and are
// checked by the compiler) as calls of libpq itself.
struct Libpq {
#define YUSUAN_DECLARE(name) decltype(&::name) name = nullptr;
  YUSUAN_LIBPQ_FUNCTIONS(YUSUAN_DECLARE)
#undef YUSUAN_DECLARE
};

// libpq, loaded and bound on first use (once per process, safely from several threads).
const Result<Libpq>& LoadLibpq() {
  static const Result<Libpq> loaded = LoadFunctions<Libpq>(YUSUAN_LIBPQ_SONAME, "PostgreSQL 数据库",
                                                           "libpq5", [](Libpq& pq, auto bind) {
#define YUSUAN_BIND(name) bind(#name, &pq.name);
                                                             YUSUAN_LIBPQ_FUNCTIONS(YUSUAN_BIND)
#undef YUSUAN_BIND
                                                           });
  return loaded;
}

// The key spaces of the advisory locks: the schema's first creation, and a content being stored.
constexpr int64_t kSchemaLock = 4242;
constexpr int32_t kContentLocks = 4243;

class PostgresStore : public Store {
 public:
  PostgresStore(const Libpq& pq, PGconn* conn) : pq_(pq), conn_(conn) {}
  ~PostgresStore() override { pq_.PQfinish(conn_); }

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

  // Two connections storing the same content at once would both find it absent, and the later
  // insert would fail on the unique hash: the later waits for the earlier's transaction to end,
  // then replaces what it stored. (The lock is keyed on part of the hash in a key space of its
  // own, apart from the schema's; two contents sharing the part only wait for each other.)
  Result<int64_t> Put(const StoredDocument& d) override {
    uint32_t part = 0;
    for (size_t i = 0; i < 8 && i < d.content_hash.size(); ++i) {
      const char c = d.content_hash[i];
      const uint32_t digit = c >= '0' && c <= '9'   ? c - '0'
                             : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                                    : 0;
      part = part << 4 | digit;
    }
    Status s = Plain("SELECT pg_advisory_xact_lock(" + std::to_string(kContentLocks) + ", " +
                     std::to_string(static_cast<int32_t>(part)) + ")");
    if (!s.ok()) return s;
    return Store::Put(d);
  }

  Status Plain(const std::string& sql) {
    PGresult* r = pq_.PQexec(conn_, sql.c_str());
    Status s = Check(r);
    pq_.PQclear(r);
    return s;
  }

  Status QueryRows(const std::string& sql, const std::vector<Value>& params,
                   const ColumnsFn& columns, const RowFn& row) override {
    // Outside a load's transaction, a query runs in a read-only transaction: PostgreSQL
    // itself refuses any write.
    bool wrap = !in_tx_;
    if (wrap) {
      Status s = Plain("BEGIN READ ONLY");
      if (!s.ok()) return s;
    }
    Status out = RowByRow(sql, params, columns, row);
    if (wrap) Plain("ROLLBACK");
    return out;
  }

 protected:
  Status Exec(const std::string& sql, const std::vector<Value>& params) override {
    PGresult* r = Params(sql, params);
    Status s = Check(r);
    pq_.PQclear(r);
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
    if (!s.ok() || pq_.PQntuples(r) != 1) {
      pq_.PQclear(r);
      return s.ok() ? Status::IoError("INSERT 未返回 id") : s;
    }
    int64_t id = std::stoll(pq_.PQgetvalue(r, 0, 0));
    pq_.PQclear(r);
    return id;
  }

 private:
  // The rows come one result each (libpq's single-row mode), so none is held. Every result is
  // read, to leave the connection ready for the next statement; stopping early cancels the
  // rest of the query first.
  Status RowByRow(const std::string& sql, const std::vector<Value>& params,
                  const ColumnsFn& columns, const RowFn& row) {
    // One statement, as SQLite runs: the extended protocol refuses a text holding several.
    const ParamTexts texts(params);
    if (!pq_.PQsendQueryParams(conn_, sql.c_str(), static_cast<int>(params.size()), nullptr,
                               texts.pointers.data(), nullptr, nullptr, 0)) {
      return Status::InvalidArgument(std::string("SQL 有误或不是只读查询：") +
                                     pq_.PQerrorMessage(conn_));
    }
    pq_.PQsetSingleRowMode(conn_);
    Status out;
    bool named = false, stopped = false;
    std::vector<std::optional<std::string_view>> values;
    while (PGresult* r = pq_.PQgetResult(conn_)) {
      const ExecStatusType st = pq_.PQresultStatus(r);
      if (stopped) {
        // Draining after a cancel: what is left is discarded.
      } else if (st == PGRES_SINGLE_TUPLE || st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK) {
        const int cols = pq_.PQnfields(r);
        if (!named) {
          std::vector<std::string> names;
          for (int c = 0; c < cols; ++c) names.emplace_back(pq_.PQfname(r, c));
          columns(names);
          named = true;
        }
        values.resize(cols);
        for (int t = 0; t < pq_.PQntuples(r) && !stopped; ++t) {
          for (int c = 0; c < cols; ++c) {
            if (pq_.PQgetisnull(r, t, c)) {
              values[c].reset();
            } else {
              values[c] = std::string_view(pq_.PQgetvalue(r, t, c),
                                           static_cast<size_t>(pq_.PQgetlength(r, t, c)));
            }
          }
          if (!row(values)) {
            stopped = true;
            pq_.PQrequestCancel(conn_);
          }
        }
      } else if (out.ok()) {
        out = Status::InvalidArgument(std::string("SQL 有误或不是只读查询：") +
                                      pq_.PQresultErrorMessage(r));
      }
      pq_.PQclear(r);
    }
    return out;
  }

  // Parameters as libpq takes them: text, a null pointer for NULL.
  struct ParamTexts {
    explicit ParamTexts(const std::vector<Value>& params)
        : text(params.size()), pointers(params.size(), nullptr) {
      for (size_t i = 0; i < params.size(); ++i) {
        if (const auto* v = std::get_if<int64_t>(&params[i])) {
          text[i] = std::to_string(*v);
          pointers[i] = text[i].c_str();
        } else if (const auto* s = std::get_if<std::string>(&params[i])) {
          pointers[i] = s->c_str();
        }
      }
    }
    std::vector<std::string> text;
    std::vector<const char*> pointers;
  };

  PGresult* Params(const std::string& sql, const std::vector<Value>& params) {
    const ParamTexts texts(params);
    return pq_.PQexecParams(conn_, sql.c_str(), static_cast<int>(params.size()), nullptr,
                            texts.pointers.data(), nullptr, nullptr, 0);
  }

  Status Check(PGresult* r) {
    ExecStatusType st = pq_.PQresultStatus(r);
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return Status::Ok();
    return Status::IoError(std::string("PostgreSQL：") + pq_.PQresultErrorMessage(r));
  }

  const Libpq& pq_;
  PGconn* conn_;
  bool in_tx_ = false;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenPostgres(const std::string& url, Store::Mode mode) {
  const Result<Libpq>& loaded = LoadLibpq();
  if (!loaded.ok()) return loaded.status();
  const Libpq& pq = *loaded;
  PGconn* conn = pq.PQconnectdb(url.c_str());
  if (pq.PQstatus(conn) != CONNECTION_OK) {
    std::string message = pq.PQerrorMessage(conn);
    pq.PQfinish(conn);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
      message.pop_back();
    return Status::IoError("无法连接 PostgreSQL（" + message + "）");
  }
  pq.PQsetClientEncoding(conn, "UTF8");
  auto store = std::make_unique<PostgresStore>(pq, conn);
  if (mode == Store::Mode::kReadWrite) {
    // Quiet the NOTICEs of IF NOT EXISTS; one schema script, in one transaction.
    Status s = store->Plain("SET client_min_messages = warning");
    if (s.ok()) s = store->Plain("BEGIN");
    if (s.ok()) {  // concurrent first opens
      s = store->Plain("SELECT pg_advisory_xact_lock(" + std::to_string(kSchemaLock) + ")");
    }
    if (s.ok()) s = store->Plain(SchemaSql("postgresql"));
    if (s.ok()) s = store->Plain("COMMIT");
    if (!s.ok()) return s;
  }
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace yusuan
