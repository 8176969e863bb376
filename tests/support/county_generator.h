#pragma once
// A generated county for tests and benchmarks (issue 18): a content folder of the shipped
// schema at a real county's size — tens of departments, thousands of approval items, about
// 5,000 distinct characters — deterministic for a seed. Never shipped.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>

namespace openday::testing {

struct CountyOptions {
  int departments = 60;
  int items = 3000;  // approval items over all generated departments
  std::uint64_t seed = 1;
  // A content folder whose departments are copied in beside the generated ones.
  std::optional<std::filesystem::path> with_sample;
};

struct CountyError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The size of the county's heaviest department: the one the list benchmarks scroll through.
int largest_department_items(const CountyOptions& options);

// Writes <out>/event.json and <out>/departments/*.json. `out` must be missing or empty.
// Throws CountyError on bad options or when a file cannot be written.
void generate_county(const CountyOptions& options, const std::filesystem::path& out);

}  // namespace openday::testing
