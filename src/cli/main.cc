// yusuan: read and check Chinese government budget disclosures (预算公开).
// A thin shell over the library.
#include <signal.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "base/allocator.h"
#include "base/output_file.h"
#include "base/text.h"
#include "base/version.h"
#include "check/measured.h"
#include "check/rule.h"
#include "decode/decode.h"
#include "decode/inputs.h"
#include "model/json.h"
#include "output/export.h"
#include "output/findings.h"
#include "output/query_printer.h"
#include "output/text.h"
#include "read/document_reader.h"
#include "store/fetch.h"
#include "store/load.h"
#include "store/store.h"

namespace {

using yusuan::Json;

// Where a command writes: standard output or a file. A write can fail (a full disk, an output
// closed early), and a stream that failed writes nothing more: the failure is looked for right
// after each piece, while errno still holds the failing write's reason, and a run over many
// files stops there rather than reading the rest for nothing.
class Sink {
 public:
  // `loss` says what became of the output when a write failed.
  Sink(std::ostream* out, std::string name, std::string loss = "输出不完整")
      : out_(out), name_(std::move(name)), loss_(std::move(loss)) {}
  std::ostream& stream() { return *out_; }

  // Whether output was lost. To be asked right after writing: the first time, it keeps the
  // reason the failing write left in errno.
  bool Lost() {
    if (!lost_ && !*out_) Note(errno);
    return lost_;
  }
  // Whether Lost() saw a failure; may be asked on any thread.
  bool seen_lost() const { return lost_; }

  // Flushes. When output was lost: one line on stderr (the first time) and 2, else `code`.
  int Finish(int code) {
    if (!lost_) {
      if (!*out_) {
        Note(0);  // failed at some write since the last look: its reason is gone
      } else if (!out_->flush()) {
        Note(errno);
      }
    }
    if (!lost_) return code;
    if (reported_) return 2;
    reported_ = true;
    std::cerr << "yusuan: " << name_ << ": 写入失败"
              << (error_ != 0 ? std::string("（") + std::strerror(error_) + "）" : "") << "，"
              << loss_ << "\n";
    return 2;
  }

 private:
  void Note(int error) {
    error_ = error;
    lost_ = true;
  }

  std::ostream* out_;
  std::string name_;
  std::string loss_;
  std::atomic<bool> lost_ = false;
  int error_ = 0;
  bool reported_ = false;
};

Sink& Stdout() {
  static Sink sink(&std::cout, "标准输出");
  return sink;
}

// A file read into the model, with its decoded text kept for quoting lines, and what the
// command made of it on the worker thread that read it.
struct Loaded {
  std::string error;  // why the file could not be used; empty when it could
  yusuan::Document doc;
  std::vector<yusuan::Finding> findings;  // check
  std::string output;                     // parse: the document as printed
};

// Reads the files on `jobs` threads, each followed by `work` (checking, printing) on the same
// thread, and hands them to `fn` on this thread in the order given, holding a few documents at
// a time (yusuan::FileLimits), so a run over a directory of any size holds a few documents in
// memory; unusable files are reported on stderr, one line each, in order. Once `sink` has lost
// output, the files left are neither read nor handed on.
template <typename Work, typename Fn>
void ForEachDocument(const std::vector<std::string>& files, unsigned jobs, size_t max_input,
                     Sink* sink, bool* failed, Work work, Fn fn) {
  yusuan::ForEachFileInOrder<Loaded>(
      files, jobs,
      [&](size_t i) {
        Loaded l;
        if (sink->seen_lost()) return l;
        auto decoded = yusuan::DecodeFile(files[i], max_input);
        if (!decoded.ok()) {
          l.error = decoded.status().message();
          return l;
        }
        auto doc = yusuan::ReadDecoded(std::move(*decoded), files[i]);
        if (!doc.ok()) {
          l.error = doc.status().message();
          return l;
        }
        l.doc = std::move(*doc);
        work(l);
        return l;
      },
      [&](size_t, Loaded&& l) {
        if (sink->Lost()) return;
        if (!l.error.empty()) {
          std::cerr << "yusuan: " << l.error << "\n";
          *failed = true;
          return;
        }
        fn(l);
        sink->Lost();
      });
}

// -j 0: one thread per core.
unsigned Jobs(unsigned jobs) {
  return jobs != 0 ? jobs : std::max(1u, std::thread::hardware_concurrency());
}

// The files the arguments name, directories expanded (decode/inputs.h). What cannot be listed
// is reported on stderr, one line each, and fails the run (exit 2) once the rest is done.
std::vector<std::string> InputFiles(const std::vector<std::string>& args, bool* failed) {
  std::vector<std::string> errors;
  std::vector<std::string> files = yusuan::ExpandInputs(args, &errors);
  for (const std::string& e : errors) std::cerr << "yusuan: " << e << "\n";
  if (!errors.empty()) *failed = true;
  return files;
}

// Whether `output` is the file at `path` (the same file by another name too).
bool SameFile(const std::string& output, const std::string& path) {
  std::error_code ec;
  return std::filesystem::equivalent(output, path, ec) && !ec;
}

// Whether `output` is one of the inputs named on the command line (the same file by another
// name too): writing it would lose a disclosure, so it is refused in one line.
bool OutputNamedAsInput(const std::string& output, const std::vector<std::string>& args) {
  if (output.empty() || output == "-") return false;
  for (const std::string& a : args) {
    if (SameFile(output, a)) {
      std::cerr << "yusuan: " << output << ": 输出文件就是输入文件，未读取也未写入（请写到别处）\n";
      return true;
    }
  }
  return false;
}

// Opens `output` for writing, whole or not at all (base/output_file.h); when it cannot be, one
// line on stderr saying why.
bool OpenOutput(const std::string& output, yusuan::OutputFile* file) {
  yusuan::Status s = file->Open(output);
  if (!s.ok()) std::cerr << "yusuan: " << s.message() << "\n";
  return s.ok();
}

// What a failed write leaves of `file`, for the Sink's one line.
std::string LossOf(const yusuan::OutputFile& file) {
  if (!file.whole_or_nothing()) return "输出不完整";
  return file.keeps_previous() ? "未写出（原有文件保持不变）" : "未写出";
}

// Puts `file` in place unless its output was lost; returns `code`, or 2 when it cannot be.
int Commit(yusuan::OutputFile* file, Sink* sink, int code) {
  if (sink->seen_lost()) return code;  // the sink has said so; the file is discarded
  yusuan::Status s = file->Commit();
  if (s.ok()) return code;
  std::cerr << "yusuan: " << s.message() << "\n";
  return 2;
}

// How files are read: on how many threads, and the largest taken.
struct Reading {
  unsigned jobs = 0;  // 0: one per core
  size_t max_input_mb = yusuan::kDefaultInputLimit >> 20;
  unsigned threads() const { return Jobs(jobs); }
  size_t max_input() const { return max_input_mb << 20; }
};

int RunParse(const std::vector<std::string>& args, const std::string& format,
             const Reading& reading) {
  bool failed = false;
  const std::vector<std::string> files = InputFiles(args, &failed);
  // A document is printed on the thread that read it, at the level it goes (inside the array of
  // several), and this thread writes the text out. A large one (text over a megabyte: its JSON
  // is several times that) is printed by this thread straight to the output as it is produced,
  // so that its printed text is never held whole.
  constexpr size_t kPrintedByWriter = size_t{1} << 20;
  size_t json_depth = 0;
  auto print = [&](Loaded& l) {
    if (l.doc.text().size() > kPrintedByWriter) return;
    if (format == "json") {
      // The model prints as two to five times its text: room for it at once, not by doubling.
      l.output.reserve(l.doc.text().size() * 5);
      yusuan::AppendDocumentJson(l.doc, 2, &l.output, json_depth);
    } else {
      std::ostringstream out;
      yusuan::PrintText(l.doc, out);
      l.output = std::move(out).str();
    }
    l.doc = yusuan::Document();
  };
  auto write = [&](const Loaded& l) {
    if (l.doc.text().size() <= kPrintedByWriter) {
      std::cout.write(l.output.data(), static_cast<std::streamsize>(l.output.size()));
    } else if (format == "json") {
      yusuan::WriteDocumentJson(l.doc, 2, &std::cout, json_depth);
    } else {
      yusuan::PrintText(l.doc, std::cout);
    }
  };
  if (format == "json" && args.size() == 1 && files.size() == 1 && files[0] == args[0]) {
    // One file named: its document object (an empty array when it cannot be read). A directory
    // gives an array however many files it holds.
    bool any = false;
    ForEachDocument(files, 1, reading.max_input(), &Stdout(), &failed, print, [&](Loaded& l) {
      write(l);
      std::cout << "\n";
      any = true;
    });
    if (!any) std::cout << "[]\n";
  } else if (format == "json") {
    // Several: an array of them, written as they are read.
    yusuan::JsonStream stream(&std::cout, Json(std::string(yusuan::JsonStream::kMarker)));
    json_depth = stream.item_depth();
    ForEachDocument(files, reading.threads(), reading.max_input(), &Stdout(), &failed, print,
                    [&](Loaded& l) {
                      stream.BeginItem();
                      write(l);
                    });
    if (!Stdout().Lost()) stream.Finish();
  } else {
    ForEachDocument(files, reading.threads(), reading.max_input(), &Stdout(), &failed, print,
                    [&](Loaded& l) {
                      write(l);
                      std::cout << "\n";
                    });
  }
  return failed ? 2 : 0;
}

std::set<std::string> SplitIds(const std::vector<std::string>& values) {
  std::set<std::string> ids;
  for (const std::string& v : values) {
    std::stringstream ss(v);
    for (std::string id; std::getline(ss, id, ',');) {
      if (!id.empty()) ids.insert(id);
    }
  }
  return ids;
}

int RunCheck(const std::vector<std::string>& args, const std::string& format,
             const std::string& output, const std::vector<std::string>& disable,
             const Reading& reading) {
  yusuan::CheckOptions options;
  options.disabled = SplitIds(disable);
  for (const std::string& id : options.disabled) {
    if (!yusuan::FindRule(id)) {
      std::cerr << "yusuan: 未知的规则 " << id << "（用 yusuan rules 查看规则清单）\n";
      return 2;
    }
  }
  bool failed = false, errors = false;
  std::vector<std::string> files = InputFiles(args, &failed);
  if (OutputNamedAsInput(output, args)) return 2;
  // Found in a directory, the output is the report an earlier run wrote there: not an input.
  if (!output.empty()) {
    std::erase_if(files, [&](const std::string& f) { return SameFile(output, f); });
  }
  yusuan::OutputFile file;
  std::optional<Sink> to_file;
  if (!output.empty()) {
    if (!OpenOutput(output, &file)) return 2;
    to_file.emplace(&file.stream(), output, LossOf(file));
  }
  Sink& sink = to_file ? *to_file : Stdout();
  // Files are read and checked on every core, then checked against the files before them and
  // written in the order given, on this thread: a run over a directory holds a few documents.
  auto writer = yusuan::MakeFindingsWriter(format, &sink.stream());
  yusuan::CrossChecker across(options);
  auto check = [&](Loaded& l) { l.findings = yusuan::CheckDocument(l.doc, options); };
  ForEachDocument(files, reading.threads(), reading.max_input(), &sink, &failed, check,
                  [&](Loaded& l) {
                    std::vector<yusuan::Finding> findings = std::move(l.findings);
                    if (files.size() > 1) {
                      std::vector<yusuan::Finding> more = across.Add(l.doc);
                      findings.insert(findings.end(), more.begin(), more.end());
                    }
                    errors = errors || yusuan::Count(findings).error > 0;
                    writer->File(yusuan::Checked{&l.doc, std::move(findings)});
                  });
  if (!sink.Lost()) writer->Finish();
  const int code = sink.Finish(failed ? 2 : errors ? 1 : 0);
  return to_file ? Commit(&file, &sink, code) : code;
}

int RunRules(const std::string& format) {
  if (format == "markdown") {
    std::cout
        << "# yusuan 规则清单\n\n"
           "由 `yusuan rules --format markdown` 生成，请勿手工修改。严重程度：`error` "
           "数字或事实错误；"
           "`warning` 可能有误或不合规；`info` 值得一看。\n\n"
           "舍入：每个数字按其印刷精度（末位的半个单位）计入容差；n 个舍入后的分项相加，"
           "与合计的差不超过 n 个半单位加合计自身的半单位时不算错误；不带小数印出的 "
           "0（“0万元”）视为精确的零。\n\n"
        << "检出率（种子缺陷测试 `src/check/seeded_defects_test.cc`：在样本 000、001、003、004 "
           "中逐一改动 "
        << yusuan::kMeasuredFigures
        << " 个数字——表格单元格、说明中的金额与占比、绩效目标表资金——每次改动后重新检查）：至少 "
        << yusuan::kMeasuredDetectedPercent << "% 的改动产生新的问题，至少 "
        << yusuan::kMeasuredLocatedPercent
        << "% 的改动产生的问题指向被改动的行（`line` 或 "
           "`related_lines`）。复现：`./build/yusuan_tests "
           "--gtest_filter=SeededDefects*`。\n\n"
        << "规则可用 `yusuan check --disable 规则,规则` 关闭。每条规则每份文件最多逐条列出 "
        << yusuan::kMaxFindingsPerRule
        << " 处问题，其余的计数并入一条（位于第一处未列出的问题所在行）。\n";
    std::string family;
    auto print = [&](const yusuan::RuleInfo& r) {
      if (r.family != family) {
        family = r.family;
        std::cout << "\n## " << family
                  << "\n\n| 规则 | 级别 | 检查什么 | 例子 |\n| --- | --- | --- | --- |\n";
      }
      std::cout << "| `" << r.id << "` | " << yusuan::SeverityId(r.severity) << " | " << r.title
                << " | " << r.example << " |\n";
    };
    for (const yusuan::Rule& r : yusuan::Rules()) print(r.info);
    for (const yusuan::CrossRule& r : yusuan::CrossRules()) print(r.info);
    Stdout().Lost();  // right after writing, while the reason of a failed write is known
    return 0;
  }
  for (const yusuan::Rule& r : yusuan::Rules()) {
    std::cout << r.info.id << "\t" << yusuan::SeverityId(r.info.severity) << "\t" << r.info.title
              << "\n";
  }
  for (const yusuan::CrossRule& r : yusuan::CrossRules()) {
    std::cout << r.info.id << "\t" << yusuan::SeverityId(r.info.severity) << "\t" << r.info.title
              << "\n";
  }
  Stdout().Lost();
  return 0;
}

int RunDbLoad(const std::string& db, const std::vector<std::string>& inputs,
              const Reading& reading) {
  std::vector<std::string> errors;
  std::vector<std::string> files = yusuan::ExpandInputs(inputs, &errors);
  auto store = yusuan::Store::Open(db, yusuan::Store::Mode::kReadWrite);
  if (!store.ok()) {
    std::cerr << "yusuan: " << store.status().message() << "\n";
    return 2;
  }
  const bool tty = isatty(2);
  yusuan::LoadOptions options;
  options.threads = reading.threads();
  options.max_input = reading.max_input();
  options.progress = [&](const yusuan::LoadProgress& p) {
    if (tty) {
      int width = 30;
      int filled = static_cast<int>(width * p.done / std::max<size_t>(p.total, 1));
      std::cerr << "\r[" << std::string(filled, '#') << std::string(width - filled, '.') << "] "
                << p.done << "/" << p.total << std::flush;
      if (p.done == p.total) std::cerr << "\n";
    } else if (p.done % 100 == 0 || p.done == p.total) {
      std::cerr << "已处理 " << p.done << "/" << p.total << "\n";
    }
  };
  yusuan::LoadReport report = yusuan::LoadFiles(**store, files, options);
  errors.insert(errors.end(), report.errors.begin(), report.errors.end());
  for (const std::string& e : errors) std::cerr << "yusuan: " << e << "\n";
  std::cout << "已载入 " << report.stored << " 份文件到 " << db << (errors.empty() ? "" : "，")
            << (errors.empty() ? "" : std::to_string(errors.size()) + " 份无法载入") << "\n";
  return errors.empty() ? 0 : 2;
}

int RunDbQuery(const std::string& db, const std::string& sql, const std::string& format) {
  auto store = yusuan::Store::Open(db, yusuan::Store::Mode::kReadOnly);
  if (!store.ok()) {
    std::cerr << "yusuan: " << store.status().message() << "\n";
    return 2;
  }
  yusuan::QueryPrinter printer(format, &Stdout().stream());
  yusuan::Status s = (*store)->QueryRows(
      sql, {}, [&](const std::vector<std::string>& columns) { printer.Columns(columns); },
      [&](const std::vector<std::optional<std::string_view>>& row) {
        printer.Row(row);
        return !Stdout().Lost();
      });
  if (Stdout().Lost()) return 2;
  if (!s.ok()) {
    std::cerr << "yusuan: " << s.message() << "\n";
    return 2;
  }
  printer.Finish();
  Stdout().Lost();  // right after writing, while the reason of a failed write is known
  return 0;
}

int RunExport(const std::vector<std::string>& files, const std::string& db, int64_t document_id,
              const std::string& format, const std::string& output, size_t max_input) {
  yusuan::Document doc;
  std::vector<yusuan::Finding> findings;
  if (!db.empty()) {
    auto store = yusuan::Store::Open(db, yusuan::Store::Mode::kReadOnly);
    if (!store.ok()) {
      std::cerr << "yusuan: " << store.status().message() << "\n";
      return 2;
    }
    auto fetched = yusuan::FetchDocument(**store, document_id);
    if (!fetched.ok()) {
      std::cerr << "yusuan: " << db << ": " << fetched.status().message() << "\n";
      return 2;
    }
    doc = std::move(fetched->doc);
    findings = std::move(fetched->findings);
  } else {
    if (files.size() != 1) {
      std::cerr << "yusuan: export 需要一个文件，或 --db 与 --document\n";
      return 2;
    }
    if (OutputNamedAsInput(output, files)) return 2;
    auto read = yusuan::ReadDocumentFile(files[0], max_input);
    if (!read.ok()) {
      std::cerr << "yusuan: " << read.status().message() << "\n";
      return 2;
    }
    doc = std::move(*read);
    findings = yusuan::CheckDocument(doc);
  }
  yusuan::OutputFile file;
  if (!OpenOutput(output, &file)) return 2;  // before the XLSX writer, which says it in English
  Sink sink(&file.stream(), output, LossOf(file));
  if (format == "xlsx") {
    yusuan::Status s = yusuan::WriteXlsx(doc, findings, file.writing_path(), output);
    if (!s.ok()) {
      std::cerr << "yusuan: " << s.message() << "\n";
      return 2;
    }
  } else if (format == "csv") {
    yusuan::WriteCsv(doc, file.stream());
  } else {
    file.stream() << yusuan::DocumentJson(doc, 2) << "\n";
  }
  sink.Lost();  // right after writing, while the reason is known
  return Commit(&file, &sink, sink.Finish(0));
}

// `yusuan serve` runs the workspace, a program of its own beside this one (src/serve/main.cc):
// linked here, the HTTP library and the TLS and compression libraries it needs would be loaded
// by every command, most of a check's time on one file (docs/performance.md). The arguments
// go to it unparsed; it parses them, prints its help and keeps this process's id and exit code.
int ExecServe(const std::vector<std::string>& args) {
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  const std::string program = (exe.parent_path() / "yusuan-serve").string();
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(program.c_str()));
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  if (!ec) execv(program.c_str(), argv.data());
  const std::string why = ec ? ec.message() : std::strerror(errno);
  std::cerr << "yusuan: 无法启动工作台程序 " << program << "（" << why
            << "）；它应与 yusuan 在同一目录\n";
  return 2;
}

// A run stopped by a signal leaves no hidden temporary output behind (base/output_file.h), then
// ends as the signal would have ended it.
void StopOnSignal(int sig) {
  yusuan::OutputFile::RemoveUnfinished();
  signal(sig, SIG_DFL);
  raise(sig);
}

}  // namespace

int main(int argc, char** argv) {
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    // A signal the caller ignores (nohup, a background job) stays ignored.
    if (signal(sig, StopOnSignal) == SIG_IGN) signal(sig, SIG_IGN);
  }
  CLI::App app{"yusuan（预算）：读取并检查政府预算公开文件"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("yusuan ") + yusuan::kVersion + " (" +
                                        yusuan::AllocatorName() + ")");

  std::vector<std::string> parse_files;
  std::string parse_format = "text";
  CLI::App* parse =
      app.add_subcommand("parse", "读取预算公开文件并输出模型（表格、说明、资产、绩效目标表）");
  parse
      ->add_option(
          "FILE", parse_files,
          "预算公开文件（UTF-8、GB18030/GBK 或 UTF-16 文本）或目录（其下各层的 .txt 文件）")
      ->required();
  parse->add_option("--format", parse_format, "输出格式")
      ->check(CLI::IsMember({"json", "text"}))
      ->capture_default_str();
  Reading reading;
  const std::string jobs_help =
      "同时读取的文件数（线程数）；0 表示每个处理器核一个。输出仍按文件顺序";
  const std::string max_input_help = "读取文件的大小上限（MB），超过的文件不读并报告；至多 " +
                                     std::to_string(yusuan::kMaxInputBytes >> 20) +
                                     "。几乎全是表格行的文件读取时约占其大小 9 至 12 倍的内存";
  auto add_reading = [&](CLI::App* command, bool jobs) {
    if (jobs) command->add_option("-j,--jobs", reading.jobs, jobs_help)->capture_default_str();
    command->add_option("--max-input-mb", reading.max_input_mb, max_input_help)
        ->check(CLI::Range(size_t{1}, yusuan::kMaxInputBytes >> 20))
        ->capture_default_str();
  };
  add_reading(parse, true);

  std::vector<std::string> check_files;
  std::string check_format = "text";
  std::string check_output;
  std::vector<std::string> check_disable;
  CLI::App* check = app.add_subcommand(
      "check",
      "检查预算公开文件：表内算术、表间关系、说明与表格、绩效目标、民生事项、资产、文字。"
      "无错误时退出码 0，有错误 1，文件无法使用 2");
  check
      ->add_option("FILE", check_files,
                   "预算公开文件或目录（其下各层的 .txt 文件）；多个文件一起检查时还做跨文件核对")
      ->required();
  check->add_option("--format", check_format, "输出格式")
      ->check(CLI::IsMember({"text", "json", "sarif", "html"}))
      ->capture_default_str();
  check->add_option("-o,--output", check_output, "写入文件而非标准输出");
  // One value per --disable (comma-separated, or the option repeated): a list option would take
  // the files after it for rule names.
  check
      ->add_option("--disable", check_disable,
                   "关闭的规则，逗号分隔（如 text.repeated-word,code.format），可重复")
      ->allow_extra_args(false)
      ->take_all();
  add_reading(check, true);

  std::string rules_format = "text";
  CLI::App* rules = app.add_subcommand("rules", "列出全部检查规则");
  rules->add_option("--format", rules_format, "输出格式")
      ->check(CLI::IsMember({"text", "markdown"}))
      ->capture_default_str();

  std::string db_path = "yusuan.db";
  CLI::App* db = app.add_subcommand("db", "数据库：载入文件、查询");
  db->require_subcommand(1);
  std::vector<std::string> load_inputs;
  CLI::App* load =
      db->add_subcommand("load", "读取、检查并存入数据库（同一内容再次载入时替换，不重复）");
  load->add_option("--db", db_path, "SQLite 文件路径，或 postgresql://… 连接串")
      ->capture_default_str();
  load->add_option("FILE", load_inputs, "文件或目录（其下各层的 .txt 文件）")->required();
  add_reading(load, true);
  std::string sql;
  std::string query_format = "table";
  std::string views_help = "只读 SQL。可用视图：";
  for (const yusuan::ViewInfo& v : yusuan::Views())
    views_help += std::string("\n  ") + v.name + "：" + v.description;
  CLI::App* query = db->add_subcommand("query", views_help);
  query->add_option("--db", db_path, "SQLite 文件路径，或 postgresql://… 连接串")
      ->capture_default_str();
  query->add_option("SQL", sql, "只读 SQL 语句")->required();
  query->add_option("--format", query_format, "输出格式")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();

  std::vector<std::string> export_files;
  std::string export_db;
  int64_t export_id = 0;
  std::string export_format;
  std::string export_output;
  CLI::App* exp =
      app.add_subcommand("export", "导出：XLSX（按公开样式逐表）、CSV（一数一行）、JSON（模型）");
  exp->add_option("FILE", export_files, "预算公开文件");
  exp->add_option("--db", export_db, "从数据库导出（配合 --document）");
  exp->add_option("--document", export_id, "数据库中的文件 id");
  exp->add_option("--format", export_format, "导出格式")
      ->check(CLI::IsMember({"xlsx", "csv", "json"}))
      ->required();
  exp->add_option("-o,--output", export_output, "输出文件")->required();
  add_reading(exp, false);

  CLI::App* serve = app.add_subcommand(
      "serve", "启动审阅工作台（浏览器界面与 JSON 接口，见 docs/api.md），默认只监听本机");
  // Everything after `serve`, --help included, is the workspace program's to parse.
  serve->prefix_command();
  serve->set_help_flag();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  // What goes to standard output is checked once more at the end: a full disk or a closed
  // output is an error, never a run that seems to have succeeded.
  if (parse->parsed()) return Stdout().Finish(RunParse(parse_files, parse_format, reading));
  if (check->parsed()) {
    return Stdout().Finish(
        RunCheck(check_files, check_format, check_output, check_disable, reading));
  }
  if (rules->parsed()) return Stdout().Finish(RunRules(rules_format));
  if (load->parsed()) return Stdout().Finish(RunDbLoad(db_path, load_inputs, reading));
  if (query->parsed()) return Stdout().Finish(RunDbQuery(db_path, sql, query_format));
  if (serve->parsed()) return ExecServe(serve->remaining());
  if (exp->parsed())
    return RunExport(export_files, export_db, export_id, export_format, export_output,
                     reading.max_input());
  return 2;
}
