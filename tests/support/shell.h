#pragma once
// A command run through the shell for tests: what it printed (stdout and stderr together) and
// its exit status (WEXITSTATUS: 0 for success, as `echo $?` would say).
#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace openday::testing {

struct Shell {
  std::string output;
  int status = -1;
};

inline Shell run_shell(const std::string& command) {
  Shell shell;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return shell;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) shell.output.append(buffer, n);
  const int status = pclose(pipe);
  shell.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return shell;
}

}  // namespace openday::testing
