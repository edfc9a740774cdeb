#include "store/store.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "base/sha256.h"
#include "check/rule.h"
#include "decode/inputs.h"
#include "read/document_reader.h"
#include "store/load.h"
#include "testing/postgres.h"
#include "testing/samples.h"
#include "testing/variants.h"

namespace yusuan {
namespace {

namespace fs = std::filesystem;

constexpr auto& kSeeds = testing::kSampleNames;

fs::path TempDir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("yusuan_" + name + "_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::unique_ptr<Store> OpenOrDie(const std::string& path,
                                 Store::Mode mode = Store::Mode::kReadWrite) {
  auto s = Store::Open(path, mode);
  EXPECT_TRUE(s.ok()) << s.status().message();
  return s.ok() ? std::move(*s) : nullptr;
}

int64_t Count(Store& store, const std::string& sql) {
  auto q = store.Query(sql);
  EXPECT_TRUE(q.ok()) << (q.ok() ? "" : q.status().message());
  if (!q.ok() || q->rows.empty() || !q->rows[0][0]) return -1;
  return std::stoll(*q->rows[0][0]);
}

std::vector<std::string> SeedFiles() {
  std::vector<std::string> files;
  for (const char* s : kSeeds) files.push_back(testing::SamplePath(s));
  return files;
}

// The same tests run against SQLite and against a PostgreSQL server of the tests' own.
testing::TempPostgres& Postgres() { return testing::SharedPostgres(); }

struct Backend {
  std::string target;
  fs::path dir;
};

Backend NewBackend(const std::string& kind, const std::string& name) {
  Backend b;
  b.dir = TempDir(name);
  if (kind == "sqlite") {
    b.target = (b.dir / "y.db").string();
  } else {
    EXPECT_TRUE(Postgres().ok()) << Postgres().error();
    b.target = Postgres().NewDatabase("y_" + name);
  }
  return b;
}

class StoreBackend : public ::testing::TestWithParam<std::string> {};

INSTANTIATE_TEST_SUITE_P(Backends, StoreBackend, ::testing::Values("sqlite", "postgresql"));

TEST_P(StoreBackend, LoadsEverySeedWithItsCellsTargetsAndFindings) {
  Backend b = NewBackend(GetParam(), "load");
  fs::path dir = b.dir;
  auto store = OpenOrDie(b.target);
  ASSERT_NE(store, nullptr);
  LoadReport report = LoadFiles(*store, SeedFiles(), LoadOptions{});
  EXPECT_TRUE(report.errors.empty());
  EXPECT_EQ(report.stored, 5u);
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM documents"), 5);
  for (const char* seed : kSeeds) {
    SCOPED_TRACE(seed);
    auto doc = ReadDocumentFile(testing::SamplePath(seed));
    ASSERT_TRUE(doc.ok());
    std::string hash = Sha256Hex(testing::SampleBytes(seed));
    std::string where = "(SELECT id FROM documents WHERE content_hash = '" + hash + "')";
    // The findings stored are exactly what `yusuan check` reports.
    EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM findings WHERE document_id = " + where),
              static_cast<int64_t>(CheckDocument(*doc).size()));
    int64_t cells = 0;
    for (const Table& t : doc->tables) {
      for (const Row& r : t.rows) {
        const std::span<const Cell> row_cells = r.cells(t);
        for (size_t c = 0; c < row_cells.size(); ++c) {
          cells += t.spec->sides[r.side].columns[c].type == ColumnType::kAmount &&
                   row_cells[c].amount().present();
        }
      }
    }
    EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM table_cells WHERE document_id = " + where),
              cells);
    EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM targets WHERE document_id = " + where),
              static_cast<int64_t>(doc->targets.size()));
    EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM claims WHERE document_id = " + where),
              static_cast<int64_t>(doc->claims.size()));
  }
  EXPECT_EQ(
      Count(*store, "SELECT income_total_fen FROM documents WHERE name = '高平市医疗保险服务中心'"),
      6056350000);
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM projects WHERE table_kind = 'projects_current'"),
            12 + 22 + 48);
  EXPECT_EQ(
      Count(*store,
            "SELECT COUNT(*) FROM indicators WHERE value_kind = 'quantity' AND comparator = '≥'") >
          0,
      true);
  fs::remove_all(dir);
}

TEST_P(StoreBackend, LoadingTheSameContentAgainReplacesItAndKeepsItsId) {
  Backend b = NewBackend(GetParam(), "replace");
  fs::path dir = b.dir;
  auto store = OpenOrDie(b.target);
  ASSERT_NE(store, nullptr);
  LoadFiles(*store, SeedFiles(), LoadOptions{});
  int64_t id = Count(*store, "SELECT id FROM documents WHERE name = '孟县人力资源和社会保障局'");
  LoadReport again = LoadFiles(*store, {testing::SamplePath(kSeeds[3])}, LoadOptions{});
  EXPECT_EQ(again.stored, 1u);
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM documents"), 5);
  EXPECT_EQ(Count(*store, "SELECT id FROM documents WHERE name = '孟县人力资源和社会保障局'"), id);
  EXPECT_EQ(
      Count(*store,
            "SELECT COUNT(*) FROM findings WHERE document_id NOT IN (SELECT id FROM documents)"),
      0);
  int64_t cells = Count(*store, "SELECT COUNT(*) FROM table_cells");
  LoadFiles(*store, SeedFiles(), LoadOptions{});
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM table_cells"), cells);
  fs::remove_all(dir);
}

TEST_P(StoreBackend, ProgramsOpeningANewDatabaseTogetherAllStore) {
  // Several loads started at once on a database that does not exist yet (a load split across
  // processes): each opens it, sets it up and stores, none is told it is locked.
  for (int round = 0; round < 4; ++round) {
    Backend b = NewBackend(GetParam(), "together" + std::to_string(round));
    std::vector<std::string> errors(6);
    std::vector<size_t> stored(errors.size());
    std::vector<std::thread> loads;
    for (size_t k = 0; k < errors.size(); ++k) {
      loads.emplace_back([&, k] {
        auto store = Store::Open(b.target, Store::Mode::kReadWrite);
        if (!store.ok()) {
          errors[k] = store.status().message();
          return;
        }
        LoadOptions options;
        options.threads = 1;
        LoadReport r = LoadFiles(**store, {testing::SamplePath(kSeeds[k % 2])}, options);
        stored[k] = r.stored;
        for (const std::string& e : r.errors) errors[k] += e;
      });
    }
    for (std::thread& t : loads) t.join();
    for (size_t k = 0; k < errors.size(); ++k) {
      EXPECT_EQ(errors[k], "") << "load " << k << ", round " << round;
      EXPECT_EQ(stored[k], 1u) << "load " << k << ", round " << round;
    }
    auto store = OpenOrDie(b.target);
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM documents"), 2);
    fs::remove_all(b.dir);
  }
}

TEST_P(StoreBackend, QueryRowsHandsOverEveryRowAndStopsWhenAsked) {
  Backend b = NewBackend(GetParam(), "rows");
  auto store = OpenOrDie(b.target);
  ASSERT_NE(store, nullptr);
  LoadFiles(*store, {testing::SamplePath(kSeeds[1])}, LoadOptions{});
  const int64_t cells = Count(*store, "SELECT COUNT(*) FROM table_cells");
  ASSERT_GT(cells, 100);
  const std::string join =
      "SELECT a.line, NULL AS absent FROM table_cells a, table_cells b ORDER BY 1";
  std::vector<std::string> names;
  int64_t rows = 0, nulls = 0;
  Status all = store->QueryRows(
      join, {}, [&](const std::vector<std::string>& columns) { names = columns; },
      [&](const std::vector<std::optional<std::string_view>>& row) {
        ++rows;
        nulls += !row[1].has_value();
        return true;
      });
  ASSERT_TRUE(all.ok()) << all.message();
  EXPECT_EQ(names, (std::vector<std::string>{"line", "absent"}));
  EXPECT_EQ(rows, cells * cells);
  EXPECT_EQ(nulls, rows);
  // Stopped after ten rows: no more is handed over, and the connection answers the next query.
  rows = 0;
  Status stopped = store->QueryRows(
      join, {}, [](const std::vector<std::string>&) {},
      [&](const std::vector<std::optional<std::string_view>>&) { return ++rows < 10; });
  EXPECT_TRUE(stopped.ok()) << stopped.message();
  EXPECT_EQ(rows, 10);
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM documents"), 1);
  // An empty result still names its columns; an error is an error.
  names.clear();
  EXPECT_TRUE(store
                  ->QueryRows(
                      "SELECT id, name FROM documents WHERE id < 0", {},
                      [&](const std::vector<std::string>& c) { names = c; },
                      [](const std::vector<std::optional<std::string_view>>&) {
                        ADD_FAILURE() << "a row of an empty result";
                        return true;
                      })
                  .ok());
  EXPECT_EQ(names, (std::vector<std::string>{"id", "name"}));
  EXPECT_FALSE(store->Query("SELECT no_such_column FROM documents").ok());
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM documents"), 1);
  fs::remove_all(b.dir);
}

TEST_P(StoreBackend, QueryParametersAreValuesNeverSql) {
  Backend b = NewBackend(GetParam(), "params");
  auto store = OpenOrDie(b.target);
  ASSERT_NE(store, nullptr);
  LoadFiles(*store, {testing::SamplePath(kSeeds[1])}, LoadOptions{});
  const std::string sql =
      "SELECT COUNT(*) FROM documents WHERE file_name LIKE $1 OR name = $1 OR year = $2";
  auto count = [&](std::vector<Value> params) -> std::string {
    auto q = store->Query(sql, params);
    if (!q.ok()) return "error: " + q.status().message();
    return q->rows.at(0).at(0).value_or("NULL");
  };
  const std::string file = fs::path(kSeeds[1]).filename().string();
  EXPECT_EQ(count({std::string("%") + file.substr(4), int64_t{0}}), "1");  // $1 used twice
  EXPECT_EQ(count({std::string("x"), int64_t{2026}}), "1");
  EXPECT_EQ(count({std::string("x' OR '1'='1"), int64_t{0}}), "0");  // a quote is a character
  EXPECT_EQ(count({std::monostate{}, int64_t{0}}), "0");             // NULL matches nothing
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM documents"), 1);
  fs::remove_all(b.dir);
}

// A query is one statement on both backends: a second one is refused, never run on one backend
// and silently dropped on the other; a trailing semicolon or comment is not a statement.
TEST_P(StoreBackend, ASecondStatementIsRefusedNotDropped) {
  Backend b = NewBackend(GetParam(), "statements");
  auto store = OpenOrDie(b.target);
  ASSERT_NE(store, nullptr);
  for (const char* one : {"SELECT 1 AS a", "SELECT 1 AS a;", "SELECT 1 AS a; -- note\n ;"}) {
    auto q = store->Query(one);
    ASSERT_TRUE(q.ok()) << one << ": " << q.status().message();
    EXPECT_EQ(q->rows.size(), 1u) << one;
  }
  for (const char* two : {"SELECT 1 AS a; SELECT 2 AS b, 3 AS c", "SELECT 1; SELEC x"}) {
    auto q = store->Query(two);
    EXPECT_FALSE(q.ok()) << two;
  }
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM documents"), 0);  // the connection still answers
  fs::remove_all(b.dir);
}

TEST_P(StoreBackend, QueriesAreReadOnlyAndTheViewsAnswer) {
  Backend b = NewBackend(GetParam(), "query");
  fs::path dir = b.dir;
  std::string db = b.target;
  {
    auto store = OpenOrDie(db);
    ASSERT_NE(store, nullptr);
    LoadFiles(*store, SeedFiles(), LoadOptions{});
  }
  auto reader = OpenOrDie(db, Store::Mode::kReadOnly);
  ASSERT_NE(reader, nullptr);
  EXPECT_FALSE(reader->Query("DELETE FROM documents").ok());
  EXPECT_FALSE(reader->Query("DROP TABLE findings").ok());
  EXPECT_FALSE(reader->Query("SELEC 1").ok());
  EXPECT_EQ(Count(*reader, "SELECT COUNT(*) FROM documents"), 5);
  for (const ViewInfo& v : Views()) {
    auto q = reader->Query(std::string("SELECT * FROM ") + v.name);
    ASSERT_TRUE(q.ok()) << v.name << ": " << q.status().message();
    EXPECT_FALSE(q->columns.empty()) << v.name;
  }
  EXPECT_EQ(Count(*reader, "SELECT COUNT(*) FROM unit_key_figures"), 5);
  EXPECT_EQ(
      Count(*reader, "SELECT findings FROM findings_by_rule WHERE rule = 'text.repeated-word'"),
      47);
  if (GetParam() == "sqlite") {
    // WAL mode: while a writer is connected, the write-ahead log sits beside the database.
    auto writer = OpenOrDie(db);
    EXPECT_TRUE(fs::exists(db + "-wal"));
  }
  EXPECT_EQ(Count(*reader, "SELECT COUNT(*) FROM documents"), 5);
  fs::remove_all(dir);
}

// The same questions get the same answers from both backends.
TEST(StoreBackends, SqliteAndPostgresqlAnswerTheSameQueriesAlike) {
  Backend lite = NewBackend("sqlite", "same_lite");
  Backend pg = NewBackend("postgresql", "same_pg");
  auto a = OpenOrDie(lite.target);
  auto b = OpenOrDie(pg.target);
  ASSERT_TRUE(a && b);
  LoadFiles(*a, SeedFiles(), LoadOptions{});
  LoadFiles(*b, SeedFiles(), LoadOptions{});
  const char* queries[] = {
      "SELECT name, year, kind, income_total_fen, three_public_fen, errors, warnings, infos "
      "FROM unit_key_figures ORDER BY name",
      "SELECT rule, severity, findings, documents FROM findings_by_rule ORDER BY rule, severity",
      "SELECT document, project_name, annual_total_fen, indicators, quantified_outputs FROM "
      "project_targets ORDER BY document, ordinal",
      "SELECT name, item, amount_fen FROM three_public ORDER BY name, item",
      "SELECT COUNT(*), SUM(amount_fen) FROM table_cells",
      // Ids depend on which reader thread finished first: order by name, never by id.
      "SELECT d.name, c.row_key, c.column_id, c.amount_fen, c.printed FROM table_cells c "
      "JOIN documents d ON d.id = c.document_id WHERE c.table_kind = 'expenditure_summary' "
      "ORDER BY d.name, c.row_index, c.column_id",
      "SELECT level1, level2, value_kind, COUNT(*) FROM indicators GROUP BY level1, level2, "
      "value_kind "
      "ORDER BY level1, level2, value_kind",
      "SELECT d.name, c.kind, c.subject, c.amount_fen, c.percent FROM claims c "
      "JOIN documents d ON d.id = c.document_id ORDER BY d.name, c.ordinal",
  };
  for (const char* sql : queries) {
    SCOPED_TRACE(sql);
    auto x = a->Query(sql);
    auto y = b->Query(sql);
    ASSERT_TRUE(x.ok()) << x.status().message();
    ASSERT_TRUE(y.ok()) << y.status().message();
    EXPECT_FALSE(x->rows.empty());
    EXPECT_EQ(x->rows, y->rows);
  }
  fs::remove_all(lite.dir);
  fs::remove_all(pg.dir);
}

TEST(Store, ASecondConnectionReadsWhileALoadWrites) {
  fs::path dir = TempDir("wal");
  std::string db = (dir / "y.db").string();
  auto writer = OpenOrDie(db);
  LoadFiles(*writer, {testing::SamplePath(kSeeds[0])}, LoadOptions{});
  auto doc = ReadDocumentFile(testing::SamplePath(kSeeds[1]));
  ASSERT_TRUE(doc.ok());
  std::vector<Finding> findings = CheckDocument(*doc);
  ASSERT_TRUE(writer->Begin().ok());
  ASSERT_TRUE(writer->Put(StoredDocument{"deadbeef", &*doc, &findings}).ok());
  // Mid-transaction, a reader sees the last committed state and is not blocked.
  auto reader = OpenOrDie(db, Store::Mode::kReadOnly);
  EXPECT_EQ(Count(*reader, "SELECT COUNT(*) FROM documents"), 1);
  ASSERT_TRUE(writer->Commit().ok());
  EXPECT_EQ(Count(*reader, "SELECT COUNT(*) FROM documents"), 2);
  fs::remove_all(dir);
}

// Removing or replacing a document reads its rows in every table by document_id: without an
// index that is a scan of the whole table for each document (reloading 500 documents into a
// database of 15,000 took 82 s instead of 2.5 s when claims had none). The two dialects share
// the schema, so SQLite's plans stand for both.
TEST(Store, EveryTableOfADocumentFindsItsRowsThroughAnIndex) {
  fs::path dir = TempDir("indexes");
  auto store = OpenOrDie((dir / "y.db").string());
  auto tables = store->Query(
      "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) p "
      "WHERE m.type = 'table' AND p.name = 'document_id' ORDER BY m.name");
  ASSERT_TRUE(tables.ok()) << tables.status().message();
  ASSERT_GE(tables->rows.size(), 6u);
  for (const auto& row : tables->rows) {
    const std::string table = row.at(0).value();
    auto plan =
        store->Query("EXPLAIN QUERY PLAN SELECT * FROM " + table + " WHERE document_id = 1");
    ASSERT_TRUE(plan.ok()) << plan.status().message();
    std::string steps;
    for (const auto& step : plan->rows) steps += step.back().value_or("") + "; ";
    EXPECT_NE(steps.find("INDEX"), std::string::npos) << table << ": " << steps;
    EXPECT_EQ(steps.find("SCAN"), std::string::npos) << table << ": " << steps;
  }
  fs::remove_all(dir);
}

TEST(Store, ADatabaseFromBeforeFindingOrderIsUpgradedOnOpen) {
  fs::path dir = TempDir("upgrade");
  std::string db = (dir / "y.db").string();
  OpenOrDie(db);  // the current schema, then the findings table as it was before `ordinal`
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(
      sqlite3_exec(raw, "ALTER TABLE findings DROP COLUMN ordinal", nullptr, nullptr, nullptr),
      SQLITE_OK);
  sqlite3_close(raw);
  auto store = OpenOrDie(db);
  LoadReport report = LoadFiles(*store, {testing::SamplePath(kSeeds[1])}, LoadOptions{});
  EXPECT_TRUE(report.errors.empty());
  EXPECT_GT(Count(*store, "SELECT COUNT(*) FROM findings WHERE ordinal > 0"), 0);
  fs::remove_all(dir);
}

// A file that is not a database is said so in Chinese, named, and left as it was; a database
// that cannot be opened likewise.
TEST(Store, WhatIsNotADatabaseIsSaidSoAndLeftAlone) {
  fs::path dir = TempDir("notdb");
  const fs::path text = dir / "notes.txt";
  std::ofstream(text) << std::string(4096, 'x');
  auto store = Store::Open(text.string(), Store::Mode::kReadWrite);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().message(),
            text.string() + ": 不是 SQLite 数据库文件（file is not a database）");
  EXPECT_EQ(fs::file_size(text), 4096u);
  auto missing = Store::Open((dir / "none.db").string(), Store::Mode::kReadOnly);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("无法打开数据库"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir / "none.db"));  // reading never creates one
  fs::remove_all(dir);
}

TEST(Store, UnreadableFilesAreReportedAndTheRestStored) {
  fs::path dir = TempDir("bad");
  std::string db = (dir / "y.db").string();
  std::ofstream(dir / "empty.txt").close();
  std::ofstream(dir / "memo.txt") << "会议纪要\n今天讨论了工作。\n";
  std::filesystem::copy_file(testing::SamplePath(kSeeds[1]), dir / "good.txt");
  std::vector<std::string> errors;
  std::vector<std::string> files = ExpandInputs({dir.string()}, &errors);
  EXPECT_EQ(files.size(), 3u);
  auto store = OpenOrDie(db);
  LoadReport report = LoadFiles(*store, files, LoadOptions{});
  EXPECT_EQ(report.stored, 1u);
  EXPECT_EQ(report.errors.size(), 2u);
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM documents"), 1);
  fs::remove_all(dir);
}

// A store that fails as a full disk would, where the test says: its `put`-th Put or its
// `commit`-th Commit (counting from 1). Everything else is a real SQLite store's: a failed
// commit leaves the transaction open, as SQLite may.
class FailingStore : public Store {
 public:
  FailingStore(std::unique_ptr<Store> inner, int put, int commit)
      : inner_(std::move(inner)), fail_put_(put), fail_commit_(commit) {}
  Status Begin() override { return inner_->Begin(); }
  Status Commit() override {
    if (++commits_ == fail_commit_) return Status::IoError("y.db: 磁盘已满");
    return inner_->Commit();
  }
  Status Rollback() override { return inner_->Rollback(); }
  Result<int64_t> Put(const StoredDocument& d) override {
    if (++puts_ == fail_put_) return Status::IoError("y.db: 磁盘已满");
    return inner_->Put(d);
  }
  Status QueryRows(const std::string& sql, const std::vector<Value>& params,
                   const ColumnsFn& columns, const RowFn& row) override {
    return inner_->QueryRows(sql, params, columns, row);
  }

 protected:
  // Put is the inner store's whole: these are never reached.
  Status Exec(const std::string&, const std::vector<Value>&) override {
    return Status::IoError("unused");
  }
  Status Insert(const std::string&, const std::vector<std::string>&,
                const std::vector<Value>&) override {
    return Status::IoError("unused");
  }
  Result<int64_t> InsertReturningId(const std::string&, const std::vector<std::string>&,
                                    const std::vector<Value>&) override {
    return Status::IoError("unused");
  }

 private:
  std::unique_ptr<Store> inner_;
  int fail_put_, fail_commit_, puts_ = 0, commits_ = 0;
};

// When a batch's transaction fails, every file written in it is lost with it: each is reported
// by name (and only those), the count stored is what was committed, and the next batch stores.
TEST(Store, AFailedBatchReportsEachOfItsFilesAndTheRestAreStored) {
  fs::path dir = TempDir("failed_batch");
  std::vector<std::string> files;
  for (int i = 1; i <= 7; ++i) {
    files.push_back((dir / ("f" + std::to_string(i) + ".txt")).string());
    std::ofstream(files.back()) << testing::SampleBytes(kSeeds[i % 5]) << "\n附注 " << i << "\n";
  }
  auto stored_names = [](Store& store) {
    std::vector<std::string> names;
    auto q = store.Query("SELECT file_name FROM documents ORDER BY id");
    for (const auto& row : q->rows) names.push_back(fs::path(*row[0]).filename().string());
    return names;
  };
  auto lost = [](const LoadReport& r) {
    std::vector<std::string> names;
    for (const std::string& e : r.errors) {
      names.push_back(fs::path(e.substr(0, e.find(": "))).filename().string());
      EXPECT_NE(e.find("磁盘已满"), std::string::npos) << e;
      EXPECT_NE(e.find("请重新载入"), std::string::npos) << e;
    }
    return names;
  };
  using Names = std::vector<std::string>;
  LoadOptions options;
  options.batch = 3;
  {
    // The second batch (f4-f6) fails at its commit.
    FailingStore store(OpenOrDie((dir / "commit.db").string()), 0, 2);
    LoadReport report = LoadFiles(store, files, options);
    EXPECT_EQ(report.stored, 4u);
    EXPECT_EQ(lost(report), (Names{"f4.txt", "f5.txt", "f6.txt"}));
    EXPECT_EQ(stored_names(store), (Names{"f1.txt", "f2.txt", "f3.txt", "f7.txt"}));
  }
  {
    // f5 fails to be written: f4, in its batch, goes with it; f6 and f7 start a new one.
    FailingStore store(OpenOrDie((dir / "put.db").string()), 5, 0);
    LoadReport report = LoadFiles(store, files, options);
    EXPECT_EQ(report.stored, 5u);
    EXPECT_EQ(lost(report), (Names{"f4.txt", "f5.txt"}));
    EXPECT_EQ(stored_names(store), (Names{"f1.txt", "f2.txt", "f3.txt", "f6.txt", "f7.txt"}));
  }
  fs::remove_all(dir);
}

// A file over the load's limit is refused unread, named, and the smaller ones are stored.
TEST(Store, FilesOverTheLimitAreRefusedAndTheRestStored) {
  fs::path dir = TempDir("limit");
  const std::string small = testing::SamplePath(kSeeds[0]);  // 18 KB
  const std::string large = testing::SamplePath(kSeeds[4]);  // 158 KB
  auto store = OpenOrDie((dir / "y.db").string());
  LoadOptions options;
  options.max_input = 100 << 10;
  LoadReport report = LoadFiles(*store, {small, large}, options);
  EXPECT_EQ(report.stored, 1u);
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_NE(report.errors[0].find(large), std::string::npos) << report.errors[0];
  EXPECT_NE(report.errors[0].find("上限"), std::string::npos) << report.errors[0];
  fs::remove_all(dir);
}

// Files are read on several threads and stored in the order given, and so are their errors:
// loading the same files again numbers and reports them the same way.
TEST(Store, FilesAreStoredAndReportedInTheOrderGivenOnEveryThreadCount) {
  fs::path dir = TempDir("order");
  std::vector<std::string> files;
  for (int i = 0; i < 12; ++i) {
    const fs::path f = dir / ("d" + std::to_string(100 + i) + ".txt");
    if (i % 5 == 2) {
      std::ofstream(f) << "会议纪要 " << i << "\n";  // not a disclosure
    } else {
      std::ofstream(f, std::ios::binary)
          << testing::Variant(testing::SampleBytes(kSeeds[i % 5]), i);
    }
    files.push_back(f.string());
  }
  for (unsigned threads : {1u, 2u, 4u}) {
    SCOPED_TRACE(threads);
    fs::path db = dir / ("y" + std::to_string(threads) + ".db");
    auto store = OpenOrDie(db.string());
    LoadOptions options;
    options.threads = threads;
    std::vector<std::string> progress;
    options.progress = [&](const LoadProgress& p) { progress.push_back(*p.file); };
    LoadReport report = LoadFiles(*store, files, options);
    EXPECT_EQ(progress, files);
    ASSERT_EQ(report.errors.size(), 2u);
    EXPECT_NE(report.errors[0].find("d102.txt"), std::string::npos) << report.errors[0];
    EXPECT_NE(report.errors[1].find("d107.txt"), std::string::npos) << report.errors[1];
    auto q = store->Query("SELECT file_name FROM documents ORDER BY id");
    ASSERT_TRUE(q.ok());
    std::vector<std::string> stored;
    for (const auto& row : q->rows) stored.push_back(*row[0]);
    std::vector<std::string> expected;
    for (size_t i = 0; i < files.size(); ++i) {
      if (i % 5 != 2) expected.push_back(fs::path(files[i]).filename().string());
    }
    std::vector<std::string> stored_names;
    for (const std::string& f : stored) stored_names.push_back(fs::path(f).filename().string());
    EXPECT_EQ(stored_names, expected);
  }
  fs::remove_all(dir);
}

// A bulk load killed with SIGKILL midway leaves a sound database with whole documents only,
// and running the same load again completes it.
TEST(Store, ABulkLoadKilledMidwayLeavesASoundDatabaseAndTheReloadCompletes) {
  fs::path dir = TempDir("kill");
  fs::path docs = dir / "docs";
  fs::create_directories(docs);
  const int kDocs = 400;
  for (int i = 0; i < kDocs; ++i) {
    std::string seed = testing::SampleBytes(kSeeds[1 + i % 4]);
    std::ofstream(docs / ("d" + std::to_string(i) + ".txt"), std::ios::binary)
        << testing::Variant(seed, i);
  }
  std::string db = (dir / "y.db").string();
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    execl(YUSUAN_BINARY, YUSUAN_BINARY, "db", "load", "--db", db.c_str(), docs.c_str(), nullptr);
    _exit(127);
  }
  // Wait until some documents are committed, then kill without warning.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  int64_t seen = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (!fs::exists(db)) continue;
    auto reader = Store::Open(db, Store::Mode::kReadOnly);
    if (!reader.ok()) continue;
    auto q = (*reader)->Query("SELECT COUNT(*) FROM documents");
    if (q.ok() && !q->rows.empty() && q->rows[0][0]) seen = std::stoll(*q->rows[0][0]);
    if (seen > 0) break;
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the load finished before it could be killed";
  {
    auto store = OpenOrDie(db);
    auto check = store->Query("PRAGMA integrity_check");
    ASSERT_TRUE(check.ok());
    EXPECT_EQ(*check->rows[0][0], "ok");
    int64_t stored = Count(*store, "SELECT COUNT(*) FROM documents");
    EXPECT_GT(stored, 0);
    EXPECT_LT(stored, kDocs);
    // Whole documents only: every stored document has all its findings.
    EXPECT_EQ(Count(*store,
                    "SELECT COUNT(*) FROM documents d WHERE errors + warnings + infos <> "
                    "(SELECT COUNT(*) FROM findings f WHERE f.document_id = d.id)"),
              0);
    EXPECT_EQ(
        Count(
            *store,
            "SELECT COUNT(*) FROM table_cells WHERE document_id NOT IN (SELECT id FROM documents)"),
        0);
    std::vector<std::string> errors;
    LoadReport report = LoadFiles(*store, ExpandInputs({docs.string()}, &errors), LoadOptions{});
    EXPECT_TRUE(report.errors.empty());
    EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM documents"), kDocs);
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace yusuan
