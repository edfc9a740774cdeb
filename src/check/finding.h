// What a check reports: a rule, how serious, a message a reviewer can act on, and where.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace yusuan {

enum class Severity : uint8_t {
  kError,    // a figure or fact is wrong
  kWarning,  // probably wrong, or not compliant
  kInfo,     // worth a look
};
std::string_view SeverityId(Severity s);       // "error", "warning", "info"
std::string_view SeverityName(Severity s);     // "错误", "警告", "提示"
Severity SeverityFromId(std::string_view id);  // inverse of SeverityId; unknown ids are errors

struct Finding {
  std::string rule;
  Severity severity = Severity::kError;
  std::string message;   // Chinese: what, where, expected, found
  std::string expected;  // the figure the rule expected, as text
  std::string actual;    // what the document says
  std::string file;
  uint32_t line = 0;                    // the figure the finding is about
  std::vector<uint32_t> related_lines;  // every other line involved
};

struct Counts {
  int error = 0, warning = 0, info = 0;
};
Counts Count(const std::vector<Finding>& findings);

}  // namespace yusuan
