// yusuan: read and check Chinese government budget disclosures (预算公开).
// A thin shell over the library: every command reads files into the model and prints it.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "model/json.h"
#include "output/text.h"
#include "read/document_reader.h"

namespace {

int RunParse(const std::vector<std::string>& files, const std::string& format) {
  int exit_code = 0;
  yusuan::Json all = yusuan::Json::array();
  for (const std::string& file : files) {
    auto doc = yusuan::ReadDocumentFile(file);
    if (!doc.ok()) {
      std::cerr << "yusuan: " << doc.status().message() << "\n";
      exit_code = 2;
      continue;
    }
    if (format == "json") {
      all.push_back(yusuan::ToJson(*doc));
    } else {
      yusuan::PrintText(*doc, std::cout);
      std::cout << "\n";
    }
  }
  if (format == "json") {
    // One file: its document object. Several: an array of them.
    if (files.size() == 1 && all.size() == 1) {
      std::cout << all[0].dump(2) << "\n";
    } else {
      std::cout << all.dump(2) << "\n";
    }
  }
  return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"yusuan（预算）：读取并检查政府预算公开文件"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "yusuan 0.1");

  std::vector<std::string> parse_files;
  std::string parse_format = "text";
  CLI::App* parse =
      app.add_subcommand("parse", "读取预算公开文件并输出模型（表格、说明、资产、绩效目标表）");
  parse->add_option("FILE", parse_files, "预算公开文件（UTF-8、GB18030/GBK 或 UTF-16 文本）")
      ->required();
  parse->add_option("--format", parse_format, "输出格式")
      ->check(CLI::IsMember({"json", "text"}))
      ->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (parse->parsed()) return RunParse(parse_files, parse_format);
  return 2;
}
