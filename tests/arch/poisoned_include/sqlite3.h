// Found first on the include path of the header check (tests/CMakeLists.txt): any header under
// app/ui that reaches <sqlite3.h>, directly or through its includes, stops the build here.
#error "app/ui must not see SQLite"
