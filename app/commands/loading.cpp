#include "commands/loading.h"

#include "commands/commands.h"

#include <cstdio>
#include <utility>
#include <vector>

namespace openday::commands {

void print_problems(const char* who, const JsonProblems& problems) {
  for (const auto& problem : problems) std::fprintf(stderr, "%s: %s\n", who, problem.to_string().c_str());
}

std::optional<Config> load_config(const std::filesystem::path& file, std::optional<int> idle_timeout, std::optional<int> idle_warning) {
  ConfigLoadResult loaded = load_config_file(file);
  auto report = [](const std::vector<ConfigProblem>& problems) {
    for (const auto& problem : problems) std::fprintf(stderr, "openday: config: %s\n", problem.to_string().c_str());
  };
  if (!loaded.ok()) {
    report(loaded.problems);
    return std::nullopt;
  }
  Config config = loaded.config;
  if (idle_timeout) config.idle_timeout_seconds = *idle_timeout;
  if (idle_warning) config.idle_warning_seconds = *idle_warning;
  if (auto problems = check_config(config, "command line"); !problems.empty()) {
    report(problems);
    return std::nullopt;
  }
  return config;
}

std::optional<Material> load_material(const std::filesystem::path& content_dir, const std::filesystem::path& quiz_file,
                                      const Config& config, const char* who) {
  ContentLoad content = load_content(content_dir);
  print_problems(who, content.problems);
  for (const auto& note : content.notes) std::fprintf(stderr, "%s: note: %s\n", who, note.c_str());
  QuizBankLoad quiz = load_quiz_bank(quiz_file, config.questions_per_round, content.content ? &*content.content : nullptr);
  print_problems(who, quiz.problems);
  const std::size_t problems = content.problems.size() + quiz.problems.size();
  if (problems > 0) {
    std::fprintf(stderr, "%s: %zu problem%s in %s and %s\n", who, problems, problems == 1 ? "" : "s", content_dir.c_str(),
                 quiz_file.c_str());
    return std::nullopt;
  }
  return Material{std::make_shared<const Content>(std::move(*content.content)),
                  std::make_shared<const QuizBank>(std::move(*quiz.bank))};
}

std::optional<ConfiguredMaterial> load_config_and_material(const std::filesystem::path& config_file,
                                                           const std::filesystem::path& content_dir,
                                                           const std::filesystem::path& quiz_file, const char* who, int& exit_code) {
  auto config = load_config(config_file);
  if (!config) {
    exit_code = kExitConfig;
    return std::nullopt;
  }
  auto material = load_material(content_dir, quiz_file, *config, who);
  if (!material) {
    exit_code = kExitContent;
    return std::nullopt;
  }
  return ConfiguredMaterial{std::move(*config), std::move(*material)};
}

}  // namespace openday::commands
