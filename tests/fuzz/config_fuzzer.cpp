// libFuzzer harness: the booth config file. The input becomes booth.toml, read by
// load_config_file and checked by check_config as the kiosk does; a config that loads is then
// applied to the shipped event.
#include <cstddef>
#include <cstdint>

#include "core/booth/config.h"
#include "core/content/content.h"
#include "fuzz_support.h"

namespace {

std::filesystem::path fuzzed_file;

void require_value_or_problems(const openday::ConfigLoadResult& load) {
  for (const openday::ConfigProblem& problem : load.problems) {
    openday::fuzz::require(!problem.file.empty(), "a config problem names no file");
    openday::fuzz::require(!problem.message.empty(), "a config problem says nothing");
    openday::fuzz::require(!problem.to_string().empty(), "a config problem prints as nothing");
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzzed_file = openday::fuzz::scratch_dir() / "booth.toml";
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  openday::fuzz::write_file(fuzzed_file, std::string_view(reinterpret_cast<const char*>(data), size));
  const openday::ConfigLoadResult load = openday::load_config_file(fuzzed_file);
  require_value_or_problems(load);
  if (!load.ok()) return 0;
  const openday::Config& config = load.config;
  for (const openday::ConfigProblem& problem : openday::check_config(config, fuzzed_file))
    openday::fuzz::require(!problem.to_string().empty(), "a range problem prints as nothing");
  openday::EventInfo shipped;
  shipped.county = "示例县";
  shipped.title = "政务公开日";
  shipped.date = "2026-05-15";
  const openday::EventInfo shown = openday::effective_event(shipped, config);
  openday::fuzz::require(!config.county || shown.county == *config.county, "the config's county was not applied");
  if (config.event_date) {
    const std::string date = openday::format_calendar_date(*config.event_date);
    openday::fuzz::require(openday::parse_calendar_date(date) == config.event_date, "an event date does not read back");
  }
  return 0;
}
