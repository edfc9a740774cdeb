// A shared library opened when a command first needs it (dlopen), for the back ends only some
// commands use. Linked into the executable, libpq and libxlsxwriter made every run map some
// thirty libraries (Kerberos, LDAP, TLS…) before reading a byte: most of a 12 ms start, four
// times the work of checking a 160 KB disclosure (docs/performance.md).
//
//   struct Libpq { decltype(&::PQconnectdb) PQconnectdb; decltype(&::PQfinish) PQfinish; };
//   static const Result<Libpq> pq = LoadFunctions<Libpq>(
//       YUSUAN_LIBPQ_SONAME, "PostgreSQL 数据库", "libpq5", [](Libpq& api, auto bind) {
//         bind("PQconnectdb", &api.PQconnectdb);
//         bind("PQfinish", &api.PQfinish);
//       });
//   if (!pq.ok()) return pq.status();   // the library is missing, or lacks a function
//   PGconn* conn = pq->PQconnectdb(url);
//
// Declaring the pointers with decltype of the library's own declarations keeps the compiler
// checking every call against the header, as with a linked library.
#pragma once

#include <string>

#include "base/status.h"

namespace yusuan {

class SharedLibrary {
 public:
  // Opens the library by the name the dynamic linker knows it by (its SONAME, which the build
  // reads off the library it compiled against). The error names what the library is for
  // (`purpose`, "PostgreSQL 数据库") and the Debian package that provides it.
  static Result<SharedLibrary> Open(const std::string& soname, const std::string& purpose,
                                    const std::string& package);

  // Points `*fn` at `symbol`; an error (a library too old to have it) names both.
  template <typename Fn>
  Status Bind(const char* symbol, Fn** fn) const {
    void* address = nullptr;
    Status s = Find(symbol, &address);
    if (s.ok()) *fn = reinterpret_cast<Fn*>(address);
    return s;
  }

  const std::string& soname() const { return soname_; }

 private:
  SharedLibrary(void* handle, std::string soname) : handle_(handle), soname_(std::move(soname)) {}
  Status Find(const char* symbol, void** address) const;

  // Never closed: the functions bound from it are kept for the life of the process.
  void* handle_;
  std::string soname_;
};

// Opens `soname` and fills an `Api` (a struct of function pointers): `each(api, bind)` calls
// `bind(symbol, &api.member)` for every member. The first error stops it: a missing library
// or function is reported, never a null pointer left to be called.
template <typename Api, typename Each>
Result<Api> LoadFunctions(const std::string& soname, const std::string& purpose,
                          const std::string& package, Each each) {
  Result<SharedLibrary> lib = SharedLibrary::Open(soname, purpose, package);
  if (!lib.ok()) return lib.status();
  Api api;
  Status status;
  each(api, [&](const char* symbol, auto** fn) {
    if (status.ok()) status = lib->Bind(symbol, fn);
  });
  if (!status.ok()) return status;
  return api;
}

}  // namespace yusuan
