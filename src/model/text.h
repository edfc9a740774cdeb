// Text of the model: a string that either owns its bytes or refers to bytes the document keeps.
//
// A disclosure's model holds tens of thousands of cells, names and values, nearly all of them
// printed in the decoded text exactly as the model keeps them. Copying each into a std::string
// of its own cost an allocation for most of them and 32 bytes even for a short one (see
// docs/performance.md), so the readers make views instead: into the decoded text, or into the
// document's backing for the few texts they change (cleaned cells, joined lines); the JSON
// reader keeps its texts in a backing too. Everything else (the store, tests) assigns strings,
// which a Text copies and owns, so a Text made the ordinary way can never dangle.
//
//   Text owned = std::string("项目支出");        // owns a copy
//   Text view = backing.Keep(cell);               // refers to the backing; 16 bytes, no allocation
//   std::string_view sv = view;                   // reads like a string_view
#pragma once

#include <fmt/format.h>

#include <compare>
#include <cstdint>
#include <cstring>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace yusuan {

class Text {
 public:
  Text() noexcept = default;
  Text(std::string_view s) { Own(s); }    // NOLINT(google-explicit-constructor): copies
  Text(const std::string& s) { Own(s); }  // NOLINT(google-explicit-constructor): copies
  Text(const char* s) { Own(s); }         // NOLINT(google-explicit-constructor): copies
  // A Text that refers to `s` without copying it. `s` must outlive the Text and every copy of
  // it: only TextBacking::Keep, whose document keeps the bytes, and literals use it.
  static Text View(std::string_view s) noexcept {
    Text t;
    if (s.empty()) return t;  // data() is never null
    t.data_ = s.data();
    t.size_ = s.size();
    return t;
  }

  Text(const Text& other) {
    if (other.owned()) {
      Own(other.view());
    } else {
      data_ = other.data_;
      size_ = other.size_;
    }
  }
  Text(Text&& other) noexcept : data_(other.data_), size_(other.size_) { other.Release(); }
  Text& operator=(const Text& other) {
    if (this != &other) *this = Text(other);
    return *this;
  }
  Text& operator=(Text&& other) noexcept {
    if (this != &other) {
      Free();
      data_ = other.data_;
      size_ = other.size_;
      other.Release();
    }
    return *this;
  }
  Text& operator=(std::string_view s) { return *this = Text(s); }
  Text& operator=(const std::string& s) { return *this = Text(std::string_view(s)); }
  Text& operator=(const char* s) { return *this = Text(std::string_view(s)); }
  ~Text() { Free(); }

  std::string_view view() const noexcept { return {data_, size()}; }
  operator std::string_view() const noexcept { return view(); }  // NOLINT: reads as a view
  std::string str() const { return std::string(view()); }

  const char* data() const noexcept { return data_; }
  size_t size() const noexcept { return size_ & ~kOwned; }
  bool empty() const noexcept { return size() == 0; }
  const char* begin() const noexcept { return data_; }
  const char* end() const noexcept { return data_ + size(); }
  char front() const { return data_[0]; }
  char back() const { return data_[size() - 1]; }
  char operator[](size_t i) const { return data_[i]; }
  size_t find(std::string_view s, size_t pos = 0) const noexcept { return view().find(s, pos); }
  size_t find(char c, size_t pos = 0) const noexcept { return view().find(c, pos); }
  size_t rfind(std::string_view s, size_t pos = std::string_view::npos) const noexcept {
    return view().rfind(s, pos);
  }
  std::string_view substr(size_t pos, size_t n = std::string_view::npos) const {
    return view().substr(pos, n);
  }
  bool starts_with(std::string_view s) const noexcept { return view().starts_with(s); }
  bool ends_with(std::string_view s) const noexcept { return view().ends_with(s); }
  // Whether the bytes are the Text's own (a copy) rather than the document's.
  bool owned() const noexcept { return (size_ & kOwned) != 0; }

  friend bool operator==(const Text& a, const Text& b) noexcept { return a.view() == b.view(); }
  friend bool operator==(const Text& a, std::string_view b) noexcept { return a.view() == b; }
  friend bool operator==(const Text& a, const std::string& b) noexcept { return a.view() == b; }
  friend bool operator==(const Text& a, const char* b) noexcept {
    return a.view() == std::string_view(b);
  }
  friend std::strong_ordering operator<=>(const Text& a, const Text& b) noexcept {
    return a.view() <=> b.view();
  }
  friend std::strong_ordering operator<=>(const Text& a, std::string_view b) noexcept {
    return a.view() <=> b;
  }
  friend std::ostream& operator<<(std::ostream& out, const Text& t) { return out << t.view(); }
  friend std::string operator+(std::string a, const Text& b) { return a.append(b.view()); }
  friend std::string operator+(const char* a, const Text& b) {
    return std::string(a).append(b.view());
  }
  friend std::string operator+(const Text& a, std::string_view b) { return a.str().append(b); }

 private:
  static constexpr size_t kOwned = size_t{1} << (sizeof(size_t) * 8 - 1);

  void Own(std::string_view s) {
    if (s.empty()) return;
    char* bytes = new char[s.size()];
    std::memcpy(bytes, s.data(), s.size());
    data_ = bytes;
    size_ = s.size() | kOwned;
  }
  void Free() noexcept {
    if (owned()) delete[] data_;
  }
  void Release() noexcept {
    data_ = "";
    size_ = 0;
  }

  const char* data_ = "";
  size_t size_ = 0;  // the length, with kOwned set when data_ is this Text's to delete
};

// What a document's views refer to: its decoded text, and the texts the readers made that the
// text does not hold as they are (a cleaned cell, a paragraph joined from its lines). Filled
// while the document is read, on one thread; read-only after, and shared by the document's
// copies.
class TextBacking {
 public:
  explicit TextBacking(std::string text) : text_(std::move(text)) {}
  TextBacking(const TextBacking&) = delete;
  TextBacking& operator=(const TextBacking&) = delete;

  std::string_view text() const { return text_; }
  // A view of `s`: of the text itself when `s` lies in it, else of a copy kept here until the
  // document goes. A text that grows by appending (a name wrapped over lines) is kept once it is
  // complete, not as it grows: every version kept would stay.
  Text Keep(std::string_view s);
  // A view of `s` when it lies in the text, else an owned copy: for a text that may still be
  // dropped (one of several candidate readings of a line), which Keep would hold until the end.
  Text ViewOrOwn(std::string_view s) const { return Contains(s) ? Text::View(s) : Text(s); }
  // How many bytes Keep has copied: what the backing holds beyond the text.
  size_t kept_bytes() const { return kept_bytes_; }

 private:
  bool Contains(std::string_view s) const;

  std::string text_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  size_t free_ = 0;
  size_t block_size_ = 4096;
  size_t kept_bytes_ = 0;
};

// The backing a document's views refer to, held by the document and its copies. Never part of
// what makes two documents equal: the same model read from a file and from JSON has different
// backings (the JSON reader's holds the texts only).
struct BackingRef {
  std::shared_ptr<TextBacking> backing;
  friend bool operator==(const BackingRef&, const BackingRef&) { return true; }
};

}  // namespace yusuan

template <>
struct fmt::formatter<yusuan::Text> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(const yusuan::Text& t, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(t.view(), ctx);
  }
};
