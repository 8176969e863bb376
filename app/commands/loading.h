#pragma once
// What several commands load the same way: the config with the command line's overrides, and
// the content with the quiz bank. Each prints every problem it finds, prefixed by who asked.
#include <filesystem>
#include <memory>
#include <optional>

#include "core/booth/config.h"
#include "core/content/content.h"
#include "core/quiz/quiz_bank.h"

namespace openday::commands {

void print_problems(const char* who, const JsonProblems& problems);

// The config file, with the command line's overrides; nullopt after printing every problem.
std::optional<Config> load_config(const std::filesystem::path& file, std::optional<int> idle_timeout = {},
                                  std::optional<int> idle_warning = {});

// The content folder and the quiz bank, checked together; nullopt after printing every problem.
struct Material {
  std::shared_ptr<const Content> content;
  std::shared_ptr<const QuizBank> quiz;
};
std::optional<Material> load_material(const std::filesystem::path& content_dir, const std::filesystem::path& quiz_file,
                                      const Config& config, const char* who);

// A tool that needs the config and the material (validate, simulate, export): both, or nullopt
// after printing every problem, with exit_code set to what failed (config 3, else content 7).
struct ConfiguredMaterial {
  Config config;
  Material material;
};
std::optional<ConfiguredMaterial> load_config_and_material(const std::filesystem::path& config_file,
                                                           const std::filesystem::path& content_dir,
                                                           const std::filesystem::path& quiz_file, const char* who, int& exit_code);

}  // namespace openday::commands
