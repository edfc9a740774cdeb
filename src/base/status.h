// Errors as values. A Status is ok or carries a kind and a message a person can act on;
// Result<T> is a value or the Status that explains why there is none. Exceptions never
// cross a stage boundary of the pipeline.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace yusuan {

class Status {
 public:
  enum class Kind {
    kOk,
    kIoError,          // the file could not be opened or read
    kNotText,          // binary or undecodable bytes
    kNotDisclosure,    // text, but not a budget disclosure
    kInvalidArgument,  // malformed value (a number, a code)
    kOutOfRange,       // a value that does not fit (an amount beyond int64 fen)
    kTooLarge,         // an input over the size limit
    kNotFound,         // no such document in the store
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status IoError(std::string msg) { return Status(Kind::kIoError, std::move(msg)); }
  static Status NotText(std::string msg) { return Status(Kind::kNotText, std::move(msg)); }
  static Status NotDisclosure(std::string msg) {
    return Status(Kind::kNotDisclosure, std::move(msg));
  }
  static Status InvalidArgument(std::string msg) {
    return Status(Kind::kInvalidArgument, std::move(msg));
  }
  static Status OutOfRange(std::string msg) { return Status(Kind::kOutOfRange, std::move(msg)); }
  static Status TooLarge(std::string msg) { return Status(Kind::kTooLarge, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Kind::kNotFound, std::move(msg)); }

  bool ok() const { return kind_ == Kind::kOk; }
  Kind kind() const { return kind_; }
  const std::string& message() const { return message_; }

 private:
  Status(Kind kind, std::string message) : kind_(kind), message_(std::move(message)) {}
  Kind kind_ = Kind::kOk;
  std::string message_;
};

// A value of T or the Status that explains its absence.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace yusuan
