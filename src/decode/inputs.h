// The files a command line names: `yusuan check 2026/ extra.txt` reads every disclosure under
// 2026/ and extra.txt.
#pragma once

#include <string>
#include <vector>

namespace yusuan {

// Each path that is a directory becomes the regular files under it, at any depth, whose names
// end in .txt (in any case: .TXT from Windows too), sorted by path; any other path is kept as
// given, to be read and judged by its content (a missing file is reported when it is read).
// Nothing is dropped in silence: a directory, or a directory below it, that cannot be listed,
// and a directory with no .txt file under it, each add one line to `errors` (Chinese, naming
// the path), and the files that could be listed are still returned.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& paths,
                                      std::vector<std::string>* errors);

}  // namespace yusuan
